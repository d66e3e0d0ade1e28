// The chain heads, written once a day to the server's log: `audit head <tenant> <seq> <hash>`.
// Kept outside the database (log shipping, a printout, the county's own archive), a line is
// an anchor that `pnpm zhengfa audit:verify --tenant <tenant> --anchor <seq>:<hash>` checks
// the chain still holds. Verification against kernel.audit_heads finds rows deleted from the
// end of the log; only an anchor kept elsewhere finds a chain whose head was rewritten too.
import type { Kysely } from 'kysely';
import type { Logger } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { claimJobRun, finishJobRun } from '../jobs/job-runs.js';

export const AUDIT_ANCHOR_JOB = 'kernel.audit-anchor';
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The day's slot: days since 1970 in China time. */
export function auditAnchorSlot(now: Date): number {
  return Math.floor((now.getTime() + CHINA_OFFSET_MS) / 86_400_000);
}

/** The log line of one chain head. */
export function auditHeadLine(tenantId: string, seq: number, hash: string): string {
  return `audit head ${tenantId} ${seq} ${hash}`;
}

/**
 * Logs every tenant's chain head once per China day, whichever of the server processes
 * claims the day first. Returns how many heads it logged, or null when the day was already
 * claimed.
 */
export async function logAuditHeads(db: Kysely<KernelDatabase>, log: Logger, now: Date): Promise<number | null> {
  const slot = auditAnchorSlot(now);
  if (!(await claimJobRun(db, AUDIT_ANCHOR_JOB, slot))) return null;
  try {
    const heads = await db.selectFrom('kernel.audit_heads').select(['tenant_id', 'seq', 'hash']).orderBy('tenant_id').execute();
    for (const h of heads) {
      const seq = Number(h.seq);
      log.info({ tenant: h.tenant_id, seq, hash: h.hash }, auditHeadLine(h.tenant_id, seq, h.hash));
    }
    await finishJobRun(db, AUDIT_ANCHOR_JOB, slot);
    return heads.length;
  } catch (err) {
    await finishJobRun(db, AUDIT_ANCHOR_JOB, slot, String((err as Error)?.message ?? err));
    throw err;
  }
}
