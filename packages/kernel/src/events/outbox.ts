// Kernel events: written to an outbox in the writer's transaction and delivered to
// plugin subscriptions at least once after commit.
//
// Emitting checks the event against the deployment's catalog (events/catalog.ts): an
// undeclared name or a payload its schema refuses throws, in tests and in production
// alike. The emit runs in the writer's transaction, so the refusal rolls the change back
// whole; delivering a malformed event instead would only move the failure into another
// plugin's subscriber, where it would end in the dead letters with its effect lost.
//
// Delivery is per subscriber (`<plugin id>:<event name>`), in (tx, id) order from the
// subscriber's cursor (migration 0024): the pending query's cost does not grow with the
// delivered history. A delivery row is inserted in the handler's own transaction, so a
// handler's effects and the record that it ran commit together; two server processes
// racing for one event serialise on that row. A handler that throws is retried with
// exponential back-off; after its last attempt the event goes to the dead letters and the
// subscriber moves on. Each subscriber keeps its own order and its own failures: one that
// fails never holds up another.
//
// The pending query reads committed events whatever their age, so delivery never waits; only
// the cursor waits until no transaction older than an event is still running (PostgreSQL's
// snapshot xmin, cluster-wide). A long writing transaction therefore widens the window the
// pending query reads (events after the cursor, already delivered ones skipped by their
// delivery rows) until it ends; read-only transactions (pg_dump, reports) have no xid and
// hold nothing back.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  BIND_EVENTS,
  checkEvent,
  EventContractError,
  kernelEvents,
  type CountyCalendar,
  type EventCatalog,
  type EventContext,
  type EventPublisher,
  type KernelEvent,
  type Logger,
} from '@zhengfa/plugin-api';
import { tenantCalendar, yearsAround } from '../calendar/store.js';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { readCountySwitches } from '../system/county-modules.js';

/**
 * An event's outbox row as a CTE, `outbox_event`, for the WITH of the statement whose change
 * it announces. Only for the kernel's own events: the payload is checked against `kernelEvents`.
 */
export function outboxEventCte(tenantId: string | null, name: string, payload: unknown): RawBuilder<unknown> {
  checkEvent(kernelEvents, name, payload);
  return rawOutboxEventCte(tenantId, name, payload);
}

function rawOutboxEventCte(tenantId: string | null, name: string, payload: unknown): RawBuilder<unknown> {
  return sql`outbox_event as (insert into kernel.outbox (tenant_id, name, payload) values (${tenantId}, ${name}, ${JSON.stringify(payload)}::jsonb))`;
}

/** Who emits with a publisher: one plugin (only its own events), or code to bind to one later. */
export type Emitter = { plugin: string } | { plugins: readonly string[] };

/**
 * A publisher that refuses events the catalog does not declare and payloads that do not
 * match. Emitting for a plugin (`{ plugin }`), it refuses every event but that plugin's own:
 * another plugin's would let it speak for that plugin, a kernel one for the kernel. With the
 * ids of the plugins (`{ plugins }`) it can be bound (BIND_EVENTS) to the plugin owning a
 * procedure's path; the path of none leaves it as it is.
 */
export function createEventPublisher(db: Kysely<any>, tenantId: string | null, catalog: EventCatalog, emitter?: Emitter): EventPublisher {
  const own = emitter && 'plugin' in emitter ? emitter.plugin : null;
  const publisher: EventPublisher = {
    async emit(name, payload, opts) {
      if (own !== null && !name.startsWith(`${own}.`)) {
        throw new EventContractError(`Plugin '${own}' may not emit '${name}': a plugin emits only the events it declares in its own \`events\``);
      }
      checkEvent(catalog, name, payload);
      await sql`with ${rawOutboxEventCte(tenantId, name, payload)} select 1`.execute(opts?.db ?? db);
    },
  };
  if (emitter && 'plugins' in emitter) {
    const plugins = emitter.plugins;
    return Object.assign(publisher, {
      [BIND_EVENTS]: (pathOrPermission: string): EventPublisher => {
        const owner = pathOrPermission.split('.', 1)[0]!;
        return plugins.includes(owner) ? createEventPublisher(db, tenantId, catalog, { plugin: owner }) : publisher;
      },
    });
  }
  return publisher;
}

interface Subscription {
  /** The subscribing plugin's id. */
  plugin: string;
  subscriber: string;
  eventName: string;
  handler: (event: KernelEvent, ctx: EventContext) => Promise<void>;
}

export function subscriptionsOf(host: PluginHost): Subscription[] {
  return host.enabled.flatMap((p) =>
    Object.entries(p.subscriptions ?? {}).map(([eventName, handler]) => ({
      plugin: p.id,
      subscriber: `${p.id}:${eventName}`,
      eventName,
      handler,
    })),
  );
}

export interface DeliveryOptions {
  /** The moment of this pass (back-off is measured from it). */
  now?: Date;
  /** Most events read per subscriber per pass. */
  batch?: number;
  /** Attempts (the first included) before an event goes to the dead letters. */
  maxAttempts?: number;
  /** The wait before the second attempt; each later one waits twice as long as the one before. */
  backoffSeconds?: number;
}

export const DELIVERY_DEFAULTS = { batch: 100, maxAttempts: 5, backoffSeconds: 30 } as const;

export interface DeliveryReport {
  delivered: number;
  /** Attempts that threw (each is retried later or dead-lettered). */
  failed: number;
  /** Events that went to the dead letters in this pass. */
  deadLettered: number;
}

/** An event's position in delivery order: its writing transaction, then its id. */
interface Position {
  tx: string;
  id: number;
}

interface OutboxRow extends Position {
  tenant_id: string | null;
  name: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

type K = Kysely<KernelDatabase>;

/**
 * The subscriber's pending events: after its cursor, of its event, neither delivered nor
 * dead-lettered, in delivery order. An index range scan from the cursor on (tx, id).
 */
export function pendingEventsQuery(db: Kysely<any>, subscriber: string, eventName: string, cursor: Position, batch: number) {
  return (db as K)
    .selectFrom('kernel.outbox as o')
    .select(['o.id', 'o.tenant_id', 'o.name', 'o.payload', 'o.occurred_at', sql<string>`o.tx::text`.as('tx')])
    .where(sql<boolean>`(o.tx, o.id) > (${cursor.tx}::xid8, ${cursor.id}::int8)`)
    .where('o.name', '=', eventName)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('kernel.event_deliveries as d')
            .select(sql`1`.as('one'))
            .whereRef('d.event_id', '=', 'o.id')
            .where('d.subscriber', '=', subscriber),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('kernel.event_dead_letters as x')
            .select(sql`1`.as('one'))
            .whereRef('x.event_id', '=', 'o.id')
            .where('x.subscriber', '=', subscriber),
        ),
      ),
    )
    .orderBy(sql`o.tx`)
    .orderBy('o.id')
    .limit(batch);
}

/** The oldest transaction still running: every outbox row written before it is final. */
async function horizon(db: Kysely<any>): Promise<string> {
  const r = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return r.rows[0]!.xmin;
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}

/**
 * Runs the handler once in its own transaction, claiming the delivery row first (a racing
 * process that claimed it already makes this a no-op). `alongside` runs in the same
 * transaction whether or not the claim succeeds. Returns the error the handler threw, if any.
 */
async function attempt(
  db: Kysely<any>,
  sub: Subscription,
  event: KernelEvent,
  catalog: EventCatalog,
  log: Logger,
  now: Date,
  alongside?: (trx: K) => Promise<void>,
): Promise<{ ok: true; claimed: boolean } | { ok: false; error: unknown }> {
  try {
    let claimedHere = false;
    await db.transaction().execute(async (trx) => {
      const k = trx as unknown as K;
      await alongside?.(k);
      const claimed = await k
        .insertInto('kernel.event_deliveries')
        .values({ subscriber: sub.subscriber, event_id: event.id })
        .onConflict((oc) => oc.doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (!claimed) return;
      claimedHere = true;
      const calendar = event.tenantId === null ? null : countyCalendar(k, event.tenantId);
      await sub.handler(event, { db: trx, events: createEventPublisher(trx, event.tenantId, catalog, { plugin: sub.plugin }), log, now, calendar });
    });
    return { ok: true, claimed: claimedHere };
  } catch (error) {
    return { ok: false, error };
  }
}

/** County `tenantId`'s working calendar read through `db`, as ctx.kernel.calendar reads it for a request. */
function countyCalendar(db: K, tenantId: string): CountyCalendar {
  return {
    async addWorkingDays(date, days) {
      return (await tenantCalendar(db, tenantId, yearsAround(date))).addWorkingDays(date, days);
    },
    async isWorkingDay(date) {
      return (await tenantCalendar(db, tenantId, yearsAround(date, 0))).isWorkingDay(date);
    },
  };
}

const eventOf = (row: Omit<OutboxRow, 'tx'>): KernelEvent => ({
  id: row.id,
  name: row.name,
  tenantId: row.tenant_id,
  payload: row.payload,
  occurredAt: row.occurred_at,
});

/** Delivers pending events to every subscription, and retries the dead letters queued for it. */
export async function deliverEvents(db: Kysely<any>, host: PluginHost, log: Logger, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const o: Required<DeliveryOptions> = {
    now: opts.now ?? new Date(),
    batch: opts.batch ?? DELIVERY_DEFAULTS.batch,
    maxAttempts: opts.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts,
    backoffSeconds: opts.backoffSeconds ?? DELIVERY_DEFAULTS.backoffSeconds,
  };
  const report: DeliveryReport = { delivered: 0, failed: 0, deadLettered: 0 };
  if (subscriptionsOf(host).length === 0) return report;
  const k = db as K;
  // A county that has a plugin switched off (功能模块): its events are passed over for that
  // plugin's subscriptions, recorded as handled without running the handler.
  const switches = await readCountySwitches(k);
  const subs = subscriptionsOf(host).map((s) => ({
    ...s,
    handler: (event: KernelEvent, ctx: EventContext) => (switches.isOn(s.plugin, event.tenantId) ? s.handler(event, ctx) : Promise.resolve()),
  }));
  // A new subscriber starts at the beginning of the retained outbox (read only: no write per pass).
  const known = new Set((await k.selectFrom('kernel.event_subscribers').select('subscriber').where('subscriber', 'in', subs.map((s) => s.subscriber)).execute()).map((r) => r.subscriber));
  const missing = subs.filter((s) => !known.has(s.subscriber));
  if (missing.length > 0) {
    await k
      .insertInto('kernel.event_subscribers')
      .values(missing.map((s) => ({ subscriber: s.subscriber })))
      .onConflict((oc) => oc.column('subscriber').doNothing())
      .execute();
  }
  for (const sub of subs) {
    try {
      await deliverTo(db, host.events, sub, log, o, report);
      await retryDeadLetters(db, host.events, sub, log, o, report);
    } catch (err) {
      // The kernel's own bookkeeping failed (not the handler): the next pass tries again.
      log.error({ err, subscriber: sub.subscriber }, 'event delivery failed');
    }
  }
  return report;
}

async function deliverTo(db: Kysely<any>, catalog: EventCatalog, sub: Subscription, log: Logger, o: Required<DeliveryOptions>, report: DeliveryReport): Promise<void> {
  const k = db as K;
  const state = await k
    .selectFrom('kernel.event_subscribers')
    .select([sql<string>`cursor_tx::text`.as('cursor_tx'), 'cursor_id', 'failing_event_id', 'attempts', 'next_attempt_at'])
    .where('subscriber', '=', sub.subscriber)
    .executeTakeFirstOrThrow();
  const final = await horizon(db);
  const cursor: Position = { tx: state.cursor_tx, id: state.cursor_id };
  const waiting = state.failing_event_id !== null && state.next_attempt_at !== null && state.next_attempt_at > o.now;

  // The cursor may move past final rows up to (and excluding) `before`, or up to and including `upTo`.
  let before: Position | null = null;
  let upTo: Position | null = null;
  if (waiting) {
    const failing = await k.selectFrom('kernel.outbox').select(['id', sql<string>`tx::text`.as('tx')]).where('id', '=', state.failing_event_id!).executeTakeFirst();
    before = failing ?? cursor;
  } else {
    const pending = (await pendingEventsQuery(db, sub.subscriber, sub.eventName, cursor, o.batch).execute()) as OutboxRow[];
    // The failure state as this pass last wrote (or read) it.
    const known = { failing: state.failing_event_id, attempts: state.attempts };
    let failingCleared = state.failing_event_id === null;
    const clearFailing = async () => {
      if (failingCleared) return;
      failingCleared = true;
      await k
        .updateTable('kernel.event_subscribers')
        .set({ failing_event_id: null, attempts: 0, next_attempt_at: null, last_error: null, updated_at: o.now })
        .where('subscriber', '=', sub.subscriber)
        .where('failing_event_id', '=', state.failing_event_id!)
        .execute();
      known.failing = null;
      known.attempts = 0;
    };
    for (const row of pending) {
      const r = await attempt(db, sub, eventOf(row), catalog, log, o.now);
      if (r.ok) {
        if (r.claimed) report.delivered++;
        await clearFailing();
        continue;
      }
      report.failed++;
      const attempts = (known.failing === row.id ? known.attempts : 0) + 1;
      const error = errorText(r.error);
      if (attempts >= o.maxAttempts) {
        log.error({ err: r.error, subscriber: sub.subscriber, eventId: row.id, attempts }, 'event handler failed on its last attempt; the event goes to the dead letters');
        await k.transaction().execute(async (trx) => {
          await trx
            .insertInto('kernel.event_dead_letters')
            .values({
              subscriber: sub.subscriber,
              event_id: row.id,
              tenant_id: row.tenant_id,
              name: row.name,
              payload: JSON.stringify(row.payload),
              occurred_at: row.occurred_at,
              attempts,
              last_error: error,
              failed_at: o.now,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
          await trx
            .updateTable('kernel.event_subscribers')
            .set({ failing_event_id: null, attempts: 0, next_attempt_at: null, last_error: null, updated_at: o.now })
            .where('subscriber', '=', sub.subscriber)
            .execute();
        });
        failingCleared = true;
        known.failing = null;
        known.attempts = 0;
        report.deadLettered++;
        continue;
      }
      log.error({ err: r.error, subscriber: sub.subscriber, eventId: row.id, attempts }, 'event handler failed; will retry');
      const wait = o.backoffSeconds * 2 ** (attempts - 1);
      // Conditional on the state read: of two processes failing the same attempt, one counts it.
      await k
        .updateTable('kernel.event_subscribers')
        .set({ failing_event_id: row.id, attempts, next_attempt_at: new Date(o.now.getTime() + wait * 1000), last_error: error, updated_at: o.now })
        .where('subscriber', '=', sub.subscriber)
        .where(sql<boolean>`failing_event_id is not distinct from ${known.failing}::int8`)
        .where('attempts', '=', known.attempts)
        .execute();
      failingCleared = true;
      before = row; // keep this subscriber's order: nothing after it until it is delivered or dead
      break;
    }
    if (!before) {
      await clearFailing();
      if (pending.length === o.batch) upTo = pending[pending.length - 1]!;
    }
  }
  await advanceCursor(k, sub.subscriber, cursor, final, before, upTo);
}

/** Moves the cursor to the last final row the subscriber has handled everything up to. */
async function advanceCursor(k: K, subscriber: string, cursor: Position, final: string, before: Position | null, upTo: Position | null): Promise<void> {
  let q = k
    .selectFrom('kernel.outbox')
    .select(['id', sql<string>`tx::text`.as('tx')])
    .where(sql<boolean>`tx < ${final}::xid8`)
    .where(sql<boolean>`(tx, id) > (${cursor.tx}::xid8, ${cursor.id}::int8)`);
  if (before) q = q.where(sql<boolean>`(tx, id) < (${before.tx}::xid8, ${before.id}::int8)`);
  if (upTo) q = q.where(sql<boolean>`(tx, id) <= (${upTo.tx}::xid8, ${upTo.id}::int8)`);
  const next = await q.orderBy(sql`tx desc`).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!next) return;
  await k
    .updateTable('kernel.event_subscribers')
    .set({ cursor_tx: sql`${next.tx}::xid8` as never, cursor_id: next.id })
    .where('subscriber', '=', subscriber)
    .where(sql<boolean>`(cursor_tx, cursor_id) < (${next.tx}::xid8, ${next.id}::int8)`)
    .execute();
}

/** One more attempt for each dead letter the administrator queued: delivered, it leaves the list. */
async function retryDeadLetters(db: Kysely<any>, catalog: EventCatalog, sub: Subscription, log: Logger, o: Required<DeliveryOptions>, report: DeliveryReport): Promise<void> {
  const k = db as K;
  const queued = await k
    .selectFrom('kernel.event_dead_letters')
    .selectAll()
    .where('subscriber', '=', sub.subscriber)
    .where('retry_requested_at', 'is not', null)
    .orderBy('event_id')
    .limit(o.batch)
    .execute();
  for (const row of queued) {
    const r = await attempt(db, sub, eventOf({ ...row, id: row.event_id }), catalog, log, o.now, async (trx) => {
      await trx.deleteFrom('kernel.event_dead_letters').where('subscriber', '=', sub.subscriber).where('event_id', '=', row.event_id).execute();
    });
    if (r.ok) {
      if (r.claimed) report.delivered++;
      continue;
    }
    report.failed++;
    log.error({ err: r.error, subscriber: sub.subscriber, eventId: row.event_id }, 'retrying a dead letter failed; it stays in the dead letters');
    await k
      .updateTable('kernel.event_dead_letters')
      .set({ attempts: sql`attempts + 1`, last_error: errorText(r.error), failed_at: o.now, retry_requested_at: null, retry_requested_by: null })
      .where('subscriber', '=', sub.subscriber)
      .where('event_id', '=', row.event_id)
      .execute();
  }
}

/**
 * After a restore into another PostgreSQL cluster (pg_dump / pg_restore), the outbox rows and
 * cursors carry the old cluster's transaction ids, which may lie ahead of the new cluster's:
 * new events would then sort before the cursors and never be delivered. Every such row
 * committed long ago, so it is moved to the front (tx 1, keeping its id order) and each such
 * cursor with it. Run at start (`kernel.prepare()`), before anything new is written; on a
 * database that was not restored it finds nothing (one index probe). Returns the rows moved.
 */
export async function repairOutboxPositions(db: Kysely<any>): Promise<number> {
  const r = await sql<{ n: number }>`
    with horizon as (select pg_snapshot_xmax(pg_current_snapshot()) as next),
    moved as (update kernel.outbox o set tx = '1' from horizon where o.tx >= horizon.next returning 1),
    cursors as (update kernel.event_subscribers s set cursor_tx = '1' from horizon where s.cursor_tx >= horizon.next returning 1)
    select (select count(*) from moved)::int + (select count(*) from cursors)::int as n`.execute(db);
  return r.rows[0]!.n;
}

export interface PruneOptions {
  now?: Date;
  /** Delivered events older than this many days are deleted. */
  retentionDays?: number;
  /** Rows deleted per statement. */
  chunk?: number;
}

export const DEFAULT_EVENT_RETENTION_DAYS = 30;

/**
 * Deletes events older than the retention that every current subscriber's cursor has
 * passed (delivered or dead-lettered, and final), with their delivery records. Returns how
 * many events went.
 */
export async function pruneOutbox(db: Kysely<any>, host: PluginHost, opts: PruneOptions = {}): Promise<number> {
  const k = db as K;
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.retentionDays ?? DEFAULT_EVENT_RETENTION_DAYS) * 86_400_000);
  const chunk = opts.chunk ?? 5000;
  const subs = subscriptionsOf(host).map((s) => s.subscriber);
  // The lowest cursor among current subscribers; one not yet started holds everything back.
  let limit: Position | null = null;
  if (subs.length > 0) {
    const cursors = await k
      .selectFrom('kernel.event_subscribers')
      .select([sql<string>`cursor_tx::text`.as('tx'), 'cursor_id as id'])
      .where('subscriber', 'in', subs)
      .orderBy(sql`cursor_tx`)
      .orderBy('cursor_id')
      .execute();
    if (cursors.length < subs.length) return 0;
    limit = cursors[0]!;
  } else {
    // No subscriber: every final event is delivered to everyone there is.
    const final = await horizon(db);
    limit = { tx: final, id: 0 };
  }
  let total = 0;
  for (;;) {
    const r = await sql<{ n: number }>`
      with gone as (
        delete from kernel.outbox where id in (
          select id from kernel.outbox
          where occurred_at < ${cutoff} and (tx, id) <= (${limit.tx}::xid8, ${limit.id}::int8)
          order by occurred_at limit ${chunk}
        ) returning id
      ), records as (
        delete from kernel.event_deliveries d using gone where d.event_id = gone.id
      )
      select count(*)::int as n from gone`.execute(db);
    const n = r.rows[0]!.n;
    total += n;
    if (n < chunk) return total;
  }
}
