// Outbox delivery per subscriber: cursors, bounded attempts with back-off, dead letters
// with retry, pruning, and the catalog check on emit (issue 30).
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { definePlugin, z, type Logger } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { createEventPublisher, deliverEvents, pruneOutbox } from './outbox.js';
import { KERNEL_VERSION } from '../version.js';
import { DEMO_TENANT } from '../seed/demo.js';

const silent: Logger = { info() {}, warn() {}, error() {} };

/** What the failing subscriber does: throw (until told otherwise). */
const behaviour = { failing: true };

/** The emitter of `source.happened`, and two subscribers to it: one records, one throws while `behaviour.failing`. */
function plugins() {
  const source = definePlugin({
    id: 'source',
    name: '事件来源',
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    events: { 'source.happened': z.strictObject({ n: z.number().int() }) },
  });
  const subscriber = (id: string, failing: boolean) =>
    definePlugin({
      id,
      name: `订阅${id}`,
      version: '1.0.0',
      kernel: `^${KERNEL_VERSION}`,
      migrations: {
        '0001_received': {
          async up(db) {
            await sql`create schema ${sql.id(id)}`.execute(db);
            await sql`create table ${sql.id(id)}.received (event_id bigint not null, n int not null)`.execute(db);
          },
        },
      },
      subscriptions: {
        'source.happened': async (event, ctx) => {
          if (failing && behaviour.failing) throw new Error(`订阅${id}处理失败`);
          await sql`insert into ${sql.id(id)}.received (event_id, n) values (${event.id}, ${Number(event.payload.n)})`.execute(ctx.db);
        },
      },
    });
  return [source, subscriber('steady', false), subscriber('broken', true)];
}

describeEachEngine('event delivery per subscriber', (engine) => {
  let t: TestKernel;
  const t0 = Date.UTC(2030, 2, 4, 8, 0, 0);
  const at = (seconds: number) => new Date(t0 + seconds * 1000);
  const opts = (seconds: number) => ({ now: at(seconds), maxAttempts: 3, backoffSeconds: 60 });
  const emit = (n: number) => createEventPublisher(t.database.db, DEMO_TENANT.code, t.kernel.host.events).emit('source.happened', { n });
  const received = async (id: string) => (await sql<{ n: number }>`select n from ${sql.id(id)}.received order by event_id`.execute(t.database.db)).rows.map((r) => r.n);
  const deadLetters = async () =>
    (await sql<{ subscriber: string; n: number; attempts: number; last_error: string }>`select subscriber, (payload->>'n')::int as n, attempts, last_error from kernel.event_dead_letters order by event_id`.execute(t.database.db)).rows;

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: plugins() });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('dead-letters the event of a subscriber that always throws after its attempts while another subscriber of the event is delivered', async () => {
    behaviour.failing = true;
    await emit(1);
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(0))).toEqual({ delivered: 1, failed: 1, deadLettered: 0 });
    expect(await received('steady')).toEqual([1]);
    // Before its back-off (60 s) has passed, the failing subscriber is not tried again.
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(30))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    // The second attempt at 60 s, the third (after 120 s more) at 180 s: then the dead letters.
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(60))).toEqual({ delivered: 0, failed: 1, deadLettered: 0 });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(179))).toEqual({ delivered: 0, failed: 0, deadLettered: 0 });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(180))).toEqual({ delivered: 0, failed: 1, deadLettered: 1 });
    expect(await deadLetters()).toEqual([{ subscriber: 'broken:source.happened', n: 1, attempts: 3, last_error: 'Error: 订阅broken处理失败' }]);
    expect(await received('broken')).toEqual([]);
  });

  it('moves a subscriber past its dead letter to the events after it', async () => {
    behaviour.failing = false;
    await emit(2);
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(200))).toEqual({ delivered: 2, failed: 0, deadLettered: 0 });
    expect(await received('steady')).toEqual([1, 2]);
    expect(await received('broken')).toEqual([2]);
  });

  it('delivers a dead letter the system administrator retries, and takes it off the list', async () => {
    const admin = await t.signIn('admin');
    const listed = await admin.caller.system.deadLetters({ limit: 100 });
    expect(listed.total).toBe(1);
    expect(listed.items.map((d) => [d.subscriber, d.name, d.payload, d.attempts])).toEqual([['broken:source.happened', 'source.happened', { n: 1 }, 3]]);
    await admin.caller.system.retryDeadLetter({ subscriber: 'broken:source.happened', eventId: listed.items[0]!.eventId });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(300))).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
    expect(await received('broken')).toEqual([1, 2]);
    expect((await admin.caller.system.deadLetters({ limit: 100 })).total).toBe(0);
  });

  it('refuses to retry a dead letter that is not there', async () => {
    const admin = await t.signIn('admin');
    await expect(admin.caller.system.retryDeadLetter({ subscriber: 'broken:source.happened', eventId: 999_999 })).rejects.toThrow('没有找到这条投递失败的事件，可能已重新投递成功');
  });

  it('keeps a dead letter whose retry fails, with one more attempt counted', async () => {
    behaviour.failing = true;
    await emit(3);
    for (const s of [400, 460, 580]) await deliverEvents(t.database.db, t.kernel.host, silent, opts(s));
    const admin = await t.signIn('admin');
    const [letter] = (await admin.caller.system.deadLetters({ limit: 100 })).items;
    await admin.caller.system.retryDeadLetter({ subscriber: 'broken:source.happened', eventId: letter!.eventId });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(600))).toEqual({ delivered: 0, failed: 1, deadLettered: 0 });
    const after = (await admin.caller.system.deadLetters({ limit: 100 })).items;
    expect(after.map((d) => [d.payload, d.attempts, d.retryRequestedAt])).toEqual([[{ n: 3 }, 4, null]]);
    behaviour.failing = false;
  });

  it('moves each subscriber’s cursor to the last event it has handled, once no older transaction is running', async () => {
    const last = await sql<{ id: number }>`select max(id)::int as id from kernel.outbox`.execute(t.database.db);
    // On PostgreSQL the cursor passes an event only when every transaction older than it has
    // ended, in the whole cluster (other suites' included): it may take a few passes.
    await vi.waitFor(
      async () => {
        await deliverEvents(t.database.db, t.kernel.host, silent, opts(700));
        const cursors = await sql<{ subscriber: string; cursor_id: number }>`select subscriber, cursor_id::int from kernel.event_subscribers order by subscriber`.execute(t.database.db);
        expect(cursors.rows).toEqual([
          { subscriber: 'broken:source.happened', cursor_id: last.rows[0]!.id },
          { subscriber: 'steady:source.happened', cursor_id: last.rows[0]!.id },
        ]);
      },
      { timeout: 60_000, interval: 250 },
    );
  }, 90_000);

  it('prunes delivered events older than the retention and keeps newer ones', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from kernel.outbox where name = 'source.happened'`.execute(t.database.db);
    expect(before.rows[0]!.n).toBe(3);
    await sql`update kernel.outbox set occurred_at = now() - interval '40 days' where name = 'source.happened' and payload->>'n' in ('1', '2')`.execute(t.database.db);
    expect(await pruneOutbox(t.database.db, t.kernel.host, { retentionDays: 30 })).toBeGreaterThanOrEqual(2);
    const left = await sql<{ n: number }>`select (payload->>'n')::int as n from kernel.outbox where name = 'source.happened' order by id`.execute(t.database.db);
    expect(left.rows).toEqual([{ n: 3 }]);
    const records = await sql<{ n: number }>`select count(*)::int as n from kernel.event_deliveries d where not exists (select 1 from kernel.outbox o where o.id = d.event_id)`.execute(t.database.db);
    expect(records.rows[0]!.n).toBe(0);
  });

  it('keeps an old event a subscriber has not yet handled', async () => {
    await emit(4);
    await sql`update kernel.outbox set occurred_at = now() - interval '40 days' where payload->>'n' = '4'`.execute(t.database.db);
    await pruneOutbox(t.database.db, t.kernel.host, { retentionDays: 30 });
    const left = await sql<{ n: number }>`select (payload->>'n')::int as n from kernel.outbox where name = 'source.happened' order by id`.execute(t.database.db);
    expect(left.rows).toEqual([{ n: 3 }, { n: 4 }]);
    await deliverEvents(t.database.db, t.kernel.host, silent, opts(800));
  });

  it('shows the system administrator each subscriber’s pending events and the event it is failing on', async () => {
    behaviour.failing = true;
    await emit(5);
    await deliverEvents(t.database.db, t.kernel.host, silent, opts(900));
    const id = (await sql<{ id: number }>`select id::int from kernel.outbox where payload->>'n' = '5'`.execute(t.database.db)).rows[0]!.id;
    const admin = await t.signIn('admin');
    const states = await admin.caller.system.eventSubscribers();
    expect(states.map((r) => [r.subscriber, r.pending, r.failingEventId, r.attempts, r.nextAttemptAt?.toISOString() ?? null, r.lastError])).toEqual([
      ['steady:source.happened', 0, null, 0, null, null],
      ['broken:source.happened', 1, id, 1, '2030-03-04T08:16:00.000Z', 'Error: 订阅broken处理失败'],
    ]);
    behaviour.failing = false;
    await deliverEvents(t.database.db, t.kernel.host, silent, opts(960));
    expect((await admin.caller.system.eventSubscribers()).map((r) => [r.subscriber, r.pending, r.failingEventId])).toEqual([
      ['steady:source.happened', 0, null],
      ['broken:source.happened', 0, null],
    ]);
  });

  it('counts the first failure of the next event in the pass that dead-letters the one before it', async () => {
    behaviour.failing = true;
    await emit(7);
    await emit(8);
    for (const s of [1100, 1160, 1280]) await deliverEvents(t.database.db, t.kernel.host, silent, opts(s));
    const id = (await sql<{ id: number }>`select id::int from kernel.outbox where payload->>'n' = '8'`.execute(t.database.db)).rows[0]!.id;
    const state = await sql<{ failing_event_id: number; attempts: number; next_attempt_at: Date }>`select failing_event_id::int, attempts, next_attempt_at from kernel.event_subscribers where subscriber = 'broken:source.happened'`.execute(t.database.db);
    expect(state.rows).toEqual([{ failing_event_id: id, attempts: 1, next_attempt_at: at(1340) }]);
    behaviour.failing = false;
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(1340))).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
  });

  it('delivers new events after a restore that left the outbox’s transaction ids ahead of the cluster’s', async () => {
    // What pg_restore into a fresh cluster leaves: rows and cursors with the old cluster's ids.
    await sql`update kernel.outbox set tx = '900000000000'`.execute(t.database.db);
    await sql`update kernel.event_subscribers set cursor_tx = '900000000000'`.execute(t.database.db);
    await t.kernel.prepare();
    await emit(6);
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, opts(1000))).toEqual({ delivered: 2, failed: 0, deadLettered: 0 });
    expect((await received('steady')).at(-1)).toBe(6);
    expect((await received('broken')).at(-1)).toBe(6);
  });

  it('refuses to emit an event no catalog declares', async () => {
    await expect(createEventPublisher(t.database.db, DEMO_TENANT.code, t.kernel.host.events).emit('source.vanished', { n: 1 })).rejects.toThrow(
      "Event 'source.vanished' is not declared: declare it in the kernel's catalog (kernel-events.ts) or in the emitting plugin's `events`",
    );
  });

  it('refuses to emit a payload its schema does not accept, and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from kernel.outbox`.execute(t.database.db)).rows[0]!.n;
    const before = await count();
    await expect(createEventPublisher(t.database.db, DEMO_TENANT.code, t.kernel.host.events).emit('source.happened', { n: '五' })).rejects.toThrow(
      "Event 'source.happened' payload does not match its schema at 'n': 「n」应为数字",
    );
    expect(await count()).toBe(before);
  });

  it('refuses a kernel event whose payload does not match the kernel’s catalog', async () => {
    await expect(createEventPublisher(t.database.db, DEMO_TENANT.code, t.kernel.host.events).emit('kernel.case.registered', { caseId: 'x', kind: 'petition' })).rejects.toThrow(
      "Event 'kernel.case.registered' payload does not match its schema at 'docNo': 请填写「docNo」",
    );
  });

  it('lists to a county’s system administrator the dead letter of an event of no county', async () => {
    behaviour.failing = true;
    await createEventPublisher(t.database.db, null, t.kernel.host.events).emit('source.happened', { n: 9 });
    for (const s of [5000, 5060, 5180]) await deliverEvents(t.database.db, t.kernel.host, silent, opts(s));
    behaviour.failing = false;
    expect((await deadLetters()).filter((d) => d.n === 9)).toEqual([{ subscriber: 'broken:source.happened', n: 9, attempts: 3, last_error: 'Error: 订阅broken处理失败' }]);
    const admin = await t.signIn('admin');
    const listed = (await admin.caller.system.deadLetters({ limit: 100 })).items.filter((d) => d.payload.n === 9);
    expect(listed.map((d) => [d.subscriber, d.payload, d.attempts])).toEqual([['broken:source.happened', { n: 9 }, 3]]);
  });
});
