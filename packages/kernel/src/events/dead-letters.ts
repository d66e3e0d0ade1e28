// The dead letters as the system administrator sees them (系统管理 → 事件投递): events a
// subscriber failed on its last attempt, with the error, and a retry that queues one more
// attempt for the next pass of the background loop (events/outbox.ts).
import { sql, type Kysely } from 'kysely';
import { badRequest, notFound, type AuthedContext } from '@zhengfa/plugin-api';
import { withoutDbScope } from '@zhengfa/db';
import type { KernelDatabase } from '../db/schema.js';
import { kernelStrings } from '../strings.js';

type K = Kysely<KernelDatabase>;

/** Pending events are counted up to this many per subscriber. */
export const PENDING_CAP = 10_000;

export interface DeadLetter {
  subscriber: string;
  eventId: number;
  name: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  attempts: number;
  lastError: string;
  failedAt: Date;
  /** Queued for another attempt, not yet made. */
  retryRequestedAt: Date | null;
}

export interface SubscriberState {
  subscriber: string;
  /** The event it is failing on, retried with back-off, if any. */
  failingEventId: number | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** Events of its name not yet delivered to it (pending or in back-off), counted up to PENDING_CAP. */
  pending: number;
}

/** A county's view: its own events and those of no county (jobs). */
const ofCounty = (tenantId: string) => sql<boolean>`(tenant_id = ${tenantId} or tenant_id is null)`;

export async function listDeadLetters(ctx: AuthedContext, opts: { limit: number }): Promise<{ total: number; items: DeadLetter[] }> {
  // Outside the county's database wall, which hides rows of no county; ofCounty scopes instead.
  return withoutDbScope(() => readDeadLetters(ctx, opts));
}

async function readDeadLetters(ctx: AuthedContext, opts: { limit: number }): Promise<{ total: number; items: DeadLetter[] }> {
  const k = ctx.db as unknown as K;
  const total = await k.selectFrom('kernel.event_dead_letters').select(sql<number>`count(*)::int`.as('n')).where(ofCounty(ctx.tenant.id)).executeTakeFirstOrThrow();
  const rows = await k.selectFrom('kernel.event_dead_letters').selectAll().where(ofCounty(ctx.tenant.id)).orderBy('failed_at', 'desc').orderBy('event_id', 'desc').limit(opts.limit).execute();
  return {
    total: total.n,
    items: rows.map((r) => ({
      subscriber: r.subscriber,
      eventId: r.event_id,
      name: r.name,
      payload: r.payload,
      occurredAt: r.occurred_at,
      attempts: r.attempts,
      lastError: r.last_error,
      failedAt: r.failed_at,
      retryRequestedAt: r.retry_requested_at,
    })),
  };
}

/** Each current subscriber's progress, for the page's overview. */
export async function subscriberStates(db: Kysely<any>, subscribers: { subscriber: string; eventName: string }[]): Promise<SubscriberState[]> {
  const k = db as K;
  const out: SubscriberState[] = [];
  for (const s of subscribers) {
    const row = await k
      .selectFrom('kernel.event_subscribers')
      .select([sql<string>`cursor_tx::text`.as('cursor_tx'), 'cursor_id', 'failing_event_id', 'attempts', 'next_attempt_at', 'last_error'])
      .where('subscriber', '=', s.subscriber)
      .executeTakeFirst();
    // Counted from the cursor (bounded by what is not yet delivered, not by the history), up to PENDING_CAP.
    const pending = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from kernel.outbox o
        where (o.tx, o.id) > (${row?.cursor_tx ?? '0'}::xid8, ${row?.cursor_id ?? 0}::int8) and o.name = ${s.eventName}
          and not exists (select 1 from kernel.event_deliveries d where d.subscriber = ${s.subscriber} and d.event_id = o.id)
          and not exists (select 1 from kernel.event_dead_letters x where x.subscriber = ${s.subscriber} and x.event_id = o.id)
        limit ${PENDING_CAP}) p`.execute(db);
    out.push({
      subscriber: s.subscriber,
      failingEventId: row?.failing_event_id ?? null,
      attempts: row?.attempts ?? 0,
      nextAttemptAt: row?.next_attempt_at ?? null,
      lastError: row?.last_error ?? null,
      pending: pending.rows[0]!.n,
    });
  }
  return out;
}

/** Queues one more attempt for a dead letter of the caller's county; audited. */
export async function requestRetry(ctx: AuthedContext, input: { subscriber: string; eventId: number }, installed: ReadonlySet<string>): Promise<void> {
  const k = ctx.db as unknown as K;
  // Outside the county's database wall (rows of no county are the county's to retry too); ofCounty scopes.
  await withoutDbScope(() => k.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('kernel.event_dead_letters')
      .set({ retry_requested_at: sql`now()`, retry_requested_by: ctx.user.id })
      .where('subscriber', '=', input.subscriber)
      .where('event_id', '=', input.eventId)
      .where(ofCounty(ctx.tenant.id))
      .returning(['name'])
      .executeTakeFirst();
    if (!row) throw notFound(kernelStrings.events.deadLetterNotFound);
    if (!installed.has(input.subscriber)) throw badRequest(kernelStrings.events.subscriberNotInstalled(input.subscriber));
    await ctx.audit.record(
      { action: 'system.events.retry', targetType: 'event', targetId: String(input.eventId), detail: { subscriber: input.subscriber, name: row.name } },
      { db: trx },
    );
  }));
}
