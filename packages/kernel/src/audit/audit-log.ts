// The tamper-evident audit log. Each tenant has one hash chain: a row's hash covers its
// own fields and the previous row's hash, so editing or removing any row breaks every
// hash after it, and `verifyAuditChain` names the first broken row. Appends to one
// tenant's chain are serialised by the lock on the chain's head row (kernel.audit_heads),
// taken by the append's own statement and held until the caller's transaction ends.
//
// Hash schemes (kernel.audit_log.scheme): rows written before migration 0010 (scheme 1)
// hash every field together with the previous hash, computed by the server after reading
// the head. Since then (scheme 2) the server digests the row's content and the database
// chains it, in the statement that advances the head: hash = sha256(prev_hash ":" seq ":"
// content digest). One round trip per entry instead of a read and a write.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AuditEntry, AuditOutcome, AuthedContext } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { SYSTEM_ACTOR_ID } from '../auth/system-actor.js';

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

/** Who an authed request's audit rows name: the actor its `ctx.audit.record` writes with. */
export function auditActorOf(ctx: AuthedContext): AuditActor {
  // A plugin job acts as the system (jobs/system-kernel.ts): its rows name no user.
  return { tenantId: ctx.tenant.id, userId: ctx.user.id === SYSTEM_ACTOR_ID ? null : ctx.user.id, userName: ctx.user.displayName, ip: ctx.request.ip, userAgent: ctx.request.userAgent };
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
  scheme: number;
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

function sha256Hex(material: string): string {
  return createHash('sha256').update(material).digest('hex');
}

type AuditContent = Omit<AuditRow, 'hash' | 'scheme' | 'seq' | 'prev_hash'>;

/** A row's own fields after its tenant, in the order both hash schemes serialise them. */
function ownFields(row: AuditContent): unknown[] {
  return [
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
  ];
}

/** Scheme 1: the hash over the previous hash and every field (rows before migration 0010). */
export function auditRowHashV1(row: Omit<AuditRow, 'hash' | 'scheme'>): string {
  return sha256Hex(JSON.stringify([row.prev_hash, row.tenant_id, row.seq, ...ownFields(row)]));
}

/** Scheme 2: the digest of a row's own fields, which the server computes before appending. */
export function auditContentDigest(row: AuditContent): string {
  return sha256Hex(JSON.stringify([row.tenant_id, ...ownFields(row)]));
}

/** Scheme 2: the chained hash, as the append statement computes it in the database. */
export function auditChainHashV2(prevHash: string, seq: number, contentDigest: string): string {
  return sha256Hex(`${prevHash}:${seq}:${contentDigest}`);
}

/** The hash a stored row should carry under its own scheme. */
export function expectedAuditHash(row: Omit<AuditRow, 'hash'>): string {
  return row.scheme === 1 ? auditRowHashV1(row) : auditChainHashV2(row.prev_hash, row.seq, auditContentDigest(row));
}

/**
 * One entry's append as two CTEs, `audit_head` and `audit_row`, for the WITH of a statement
 * (appendAudit's own, or a writer's that appends its audit row in the statement that makes
 * its change: one round trip fewer). The head's upsert (a new chain starts at seq 1 after
 * the genesis hash) locks the tenant's head row until the caller's transaction ends, takes
 * the next seq and chains the server's content digest onto the previous hash; the log row
 * is inserted from what the upsert returns. A single statement is atomic on its own, so an
 * append outside a transaction needs none.
 */
export function auditAppendCtes(actor: AuditActor, entry: AuditEntry): RawBuilder<unknown> {
  const tenantId = actor.tenantId ?? PLATFORM_TENANT;
  const content: AuditContent = {
    tenant_id: tenantId,
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
    detail: canonical(entry.detail ?? {}) as Record<string, unknown>,
  };
  const digest = auditContentDigest(content);
  const chained = (prev: RawBuilder<string>, seq: RawBuilder<string>) => sql<string>`encode(sha256(convert_to(${prev} || ':' || ${seq} || ':' || ${digest}, 'UTF8')), 'hex')`;
  return sql`audit_head as (
      insert into kernel.audit_heads as h (tenant_id, seq, prev_hash, hash)
      values (${tenantId}, 1, ${GENESIS}, ${chained(sql`${GENESIS}::text`, sql`'1'`)})
      on conflict (tenant_id) do update
        set seq = h.seq + 1, prev_hash = h.hash, hash = ${chained(sql`h.hash`, sql`(h.seq + 1)::text`)}
      returning seq, prev_hash, hash
    ), audit_row as (
      insert into kernel.audit_log (tenant_id, seq, at, actor_id, actor_name, action, target_type, target_id, outcome, ip, user_agent, detail, prev_hash, hash, scheme)
      select ${tenantId}, audit_head.seq, ${content.at}, ${content.actor_id}::uuid, ${content.actor_name}, ${content.action}, ${content.target_type}, ${content.target_id},
        ${content.outcome}, ${content.ip}, ${content.user_agent}, ${JSON.stringify(content.detail)}::jsonb, audit_head.prev_hash, audit_head.hash, 2
      from audit_head
    )`;
}

/** Appends one entry in one statement (auditAppendCtes). */
export async function appendAudit(db: Kysely<any>, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await sql`with ${auditAppendCtes(actor, entry)} select 1`.execute(db);
}

/** Why verification stopped at a row. */
export type ChainBreak =
  /** The row's content does not give its stored hash. */
  | 'hash'
  /** The row's prev_hash is not the previous row's hash. */
  | 'link'
  /** The row with this seq is missing while later rows exist. */
  | 'gap'
  /** The chain's end is not the head recorded in kernel.audit_heads: rows from this seq on were deleted, or the last row replaced. */
  | 'tail'
  /** The chain no longer holds the anchor (a seq and hash kept outside the database). */
  | 'anchor';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when the chain is broken. */
  firstBroken?: { tenantId: string; seq: number; reason: ChainBreak };
}

/** A seq and hash of one tenant's chain, written down outside the database (the daily log line). */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/**
 * Recomputes one tenant's chain (or every tenant's) and names the first broken row. The
 * chain's head (kernel.audit_heads) is read before the rows, and the rows are read up to its
 * seq: an append commits its row with its head, so every row up to the head is there, rows
 * appended meanwhile are not read, and rows deleted from the end show as a tail that falls
 * short of the head. With `anchor` (one tenant only) the row at the anchor's seq must carry
 * the anchor's hash: this catches a chain rewritten from some row on, its head included.
 */
export async function verifyAuditChain(db: Kysely<any>, tenantId?: string, opts: { anchor?: AuditAnchor } = {}): Promise<ChainVerification> {
  const k = db as unknown as Kysely<KernelDatabase>;
  if (opts.anchor && !tenantId) throw new Error('verifyAuditChain: an anchor belongs to one tenant');
  const tenants = tenantId
    ? [tenantId]
    : (
        await sql<{ tenant_id: string }>`select tenant_id from kernel.audit_log union select tenant_id from kernel.audit_heads order by tenant_id`.execute(k)
      ).rows.map((r) => r.tenant_id);
  let checked = 0;
  for (const t of tenants) {
    const headRow = await k.selectFrom('kernel.audit_heads').select(['seq', 'hash']).where('tenant_id', '=', t).executeTakeFirst();
    const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : null;
    const broken = (seq: number, reason: ChainBreak): ChainVerification => ({ ok: false, checked, firstBroken: { tenantId: t, seq, reason } });
    let prev = GENESIS;
    let expectedSeq = 1;
    let after = 0;
    const pageSize = 5000;
    for (;;) {
      let q = k.selectFrom('kernel.audit_log').selectAll().where('tenant_id', '=', t).where('seq', '>', after);
      if (head) q = q.where('seq', '<=', head.seq);
      const rows = (await q.orderBy('seq').limit(pageSize).execute()) as unknown as AuditRow[];
      for (const stored of rows) {
        const row = { ...stored, seq: Number(stored.seq), at: new Date(stored.at) };
        checked++;
        if (row.seq !== expectedSeq) return broken(expectedSeq, 'gap');
        if (row.prev_hash !== prev) return broken(row.seq, 'link');
        const { hash, ...rest } = row;
        if (expectedAuditHash(rest) !== hash) return broken(row.seq, 'hash');
        if (opts.anchor && row.seq === opts.anchor.seq && hash !== opts.anchor.hash) return broken(row.seq, 'anchor');
        prev = hash;
        expectedSeq++;
        after = row.seq;
      }
      if (rows.length < pageSize) break;
    }
    // `after` is now the last row's seq (0 for none) and `prev` its hash.
    if (!head) {
      // Every append writes the head: rows without one had it deleted.
      if (after > 0) return broken(after + 1, 'tail');
    } else if (after < head.seq) {
      return broken(after + 1, 'tail');
    } else if (prev !== head.hash) {
      return broken(head.seq, 'tail');
    }
    if (opts.anchor && opts.anchor.seq > after) return broken(opts.anchor.seq, 'anchor');
  }
  return { ok: true, checked };
}
