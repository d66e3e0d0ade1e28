// The tamper-evident audit log. Each tenant has one hash chain: a row's hash covers its
// own fields and the previous row's hash, so editing or removing any row breaks every
// hash after it, and `verifyAuditChain` names the first broken row. Appends to one
// tenant's chain are serialised by a lock on the chain's head row (kernel.audit_heads).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditOutcome } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';

/** Tenant id under which platform-level entries (no tenant known) are chained. */
export const PLATFORM_TENANT = '000000';
const GENESIS = '0'.repeat(64);

export interface AuditActor {
  tenantId: string | null;
  userId: string | null;
  userName: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRow {
  tenant_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([
    row.prev_hash,
    row.tenant_id,
    row.seq,
    row.at.toISOString(),
    row.actor_id,
    row.actor_name,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.ip,
    row.user_agent,
    canonical(row.detail),
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/** Locks the tenant's chain head (creating it for a new chain) and returns it. */
async function lockHead(db: Kysely<KernelDatabase>, tenantId: string): Promise<{ seq: number; hash: string }> {
  const read = () => db.selectFrom('kernel.audit_heads').select(['seq', 'hash']).where('tenant_id', '=', tenantId).forUpdate().executeTakeFirst();
  let head = await read();
  if (!head) {
    await db.insertInto('kernel.audit_heads').values({ tenant_id: tenantId, seq: 0, hash: GENESIS }).onConflict((oc) => oc.doNothing()).execute();
    head = await read();
  }
  return { seq: Number(head!.seq), hash: head!.hash };
}

export async function appendAudit(db: Kysely<any>, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const write = async (trx: Kysely<any>) => {
    const k = trx as unknown as Kysely<KernelDatabase>;
    const tenantId = actor.tenantId ?? PLATFORM_TENANT;
    // Appends to one chain are serialised by the head row's lock until commit.
    const last = await lockHead(k, tenantId);
    const row: Omit<AuditRow, 'hash'> = {
      tenant_id: tenantId,
      seq: last.seq + 1,
      // Millisecond precision so the stored value hashes the same when read back.
      at: new Date(Date.now()),
      actor_id: actor.userId,
      actor_name: actor.userName,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      outcome: (entry.outcome ?? 'success') satisfies AuditOutcome,
      ip: actor.ip,
      user_agent: actor.userAgent,
      detail: (canonical(entry.detail ?? {}) as Record<string, unknown>),
      prev_hash: last.hash,
    };
    const hash = auditRowHash(row);
    await k
      .with('head', (qb) => qb.updateTable('kernel.audit_heads').set({ seq: row.seq, hash }).where('tenant_id', '=', tenantId))
      .insertInto('kernel.audit_log')
      .values({ ...row, detail: JSON.stringify(row.detail), hash })
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when the chain is broken. */
  firstBroken?: { tenantId: string; seq: number; reason: 'hash' | 'link' | 'gap' };
}

/** Recomputes one tenant's chain (or every tenant's) and names the first broken row. */
export async function verifyAuditChain(db: Kysely<any>, tenantId?: string): Promise<ChainVerification> {
  const k = db as unknown as Kysely<KernelDatabase>;
  const tenants = tenantId
    ? [tenantId]
    : (await k.selectFrom('kernel.audit_log').select('tenant_id').distinct().orderBy('tenant_id').execute()).map((r) => r.tenant_id);
  let checked = 0;
  for (const t of tenants) {
    let prev = GENESIS;
    let expectedSeq = 1;
    let after = 0;
    const pageSize = 5000;
    for (;;) {
      const rows = (await k
        .selectFrom('kernel.audit_log')
        .selectAll()
        .where('tenant_id', '=', t)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute()) as unknown as AuditRow[];
      for (const row of rows) {
        checked++;
        if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { tenantId: t, seq: expectedSeq, reason: 'gap' } };
        if (row.prev_hash !== prev) return { ok: false, checked, firstBroken: { tenantId: t, seq: row.seq, reason: 'link' } };
        const { hash, ...rest } = row;
        if (auditRowHash({ ...rest, at: new Date(rest.at) }) !== hash) {
          return { ok: false, checked, firstBroken: { tenantId: t, seq: row.seq, reason: 'hash' } };
        }
        prev = hash;
        expectedSeq++;
        after = row.seq;
      }
      if (rows.length < pageSize) break;
    }
  }
  return { ok: true, checked };
}
