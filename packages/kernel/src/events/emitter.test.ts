// A plugin emits only the events it declares (issue 30): another plugin's event, or one of the
// kernel's, is refused from its procedures, its subscribers, its jobs and its to-do provider,
// and nothing is written. Each refusal is shown beside the same plugin emitting its own event.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { definePlugin, permissionProcedure, z, type Logger } from '@zhengfa/plugin-api';
import { describeEachEngine, procedureContext, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import { deliverEvents } from './outbox.js';
import { runDueJobs } from '../jobs/scheduler.js';
import { KERNEL_VERSION } from '../version.js';

const silent: Logger = { info() {}, warn() {}, error() {} };
const forged = (plugin: string, name: string) => `Plugin '${plugin}' may not emit '${name}': a plugin emits only the events it declares in its own \`events\``;

/** What relay's subscriber, job and to-do provider emit: its own event, or the source's. */
const behaviour = { forge: false };
const relayEmits = () => (behaviour.forge ? ['source.happened', { n: 7 }] : ['relay.passed', { n: 7 }]) as [string, { n: number }];

function plugins() {
  const source = definePlugin({
    id: 'source',
    name: '事件来源',
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    permissions: [{ key: 'source.use', name: '使用来源', defaultRoles: ['supervisor'] }],
    events: { 'source.happened': z.strictObject({ n: z.number().int() }) },
    router: {
      emit: permissionProcedure('source.use')
        .input(z.object({ n: z.number() }))
        .mutation(({ ctx, input }) => ctx.events.emit('source.happened', { n: input.n })),
    },
  });
  const relay = definePlugin({
    id: 'relay',
    name: '事件转发',
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    permissions: [{ key: 'relay.use', name: '使用转发', defaultRoles: ['supervisor'] }],
    events: { 'relay.passed': z.strictObject({ n: z.number().int() }) },
    router: {
      emit: permissionProcedure('relay.use')
        .input(z.object({ name: z.string(), payload: z.record(z.string(), z.unknown()) }))
        .mutation(({ ctx, input }) => ctx.events.emit(input.name, input.payload)),
    },
    subscriptions: {
      'source.happened': async (event, ctx) => {
        if (event.payload.n !== 1) return;
        await ctx.events.emit(...relayEmits());
      },
    },
    jobs: [{ name: 'relay', everySeconds: 60, run: (ctx) => ctx.events.emit(...relayEmits()) }],
    todos: async (ctx) => {
      await ctx.events.emit(...relayEmits());
      return [];
    },
  });
  return [source, relay];
}

describeEachEngine('a plugin emits only its own events', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  const outbox = async () =>
    (await sql<{ name: string; n: number }>`select name, (payload->>'n')::int as n from kernel.outbox where name like 'source.%' or name like 'relay.%' or name = 'kernel.case.registered' order by id`.execute(t.database.db)).rows;
  const relay = () => (sup.caller as any).relay;

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: plugins() });
    sup = await t.signIn('supervisor');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("refuses another plugin's event from a plugin's procedure, and writes nothing", async () => {
    await expect(relay().emit({ name: 'source.happened', payload: { n: 2 } })).rejects.toThrow(forged('relay', 'source.happened'));
    expect(await outbox()).toEqual([]);
    await relay().emit({ name: 'relay.passed', payload: { n: 2 } });
    await (sup.caller as any).source.emit({ n: 2 });
    expect(await outbox()).toEqual([
      { name: 'relay.passed', n: 2 },
      { name: 'source.happened', n: 2 },
    ]);
  });

  it("refuses a kernel event from a plugin's procedure, however well formed", async () => {
    const payload = { caseId: '00000000-0000-0000-0000-000000000000', kind: 'petition', docNo: '伪〔2030〕1号' };
    await expect(relay().emit({ name: 'kernel.case.registered', payload })).rejects.toThrow(forged('relay', 'kernel.case.registered'));
    expect((await outbox()).filter((e) => e.name === 'kernel.case.registered')).toEqual([]);
  });

  it("emits, from procedureContext, as the plugin owning the permission: its own event, never another plugin's", async () => {
    await expect(procedureContext(sup.ctx, 'relay.use').events.emit('source.happened', { n: 3 })).rejects.toThrow(forged('relay', 'source.happened'));
    await procedureContext(sup.ctx, 'source.use').events.emit('source.happened', { n: 3 });
    expect((await outbox()).slice(-1)).toEqual([{ name: 'source.happened', n: 3 }]);
  });

  it("refuses another plugin's event from a plugin's subscriber, which fails instead of delivering", async () => {
    const now = new Date(Date.UTC(2030, 2, 4, 8, 0, 0));
    // The source's events of the tests before, which the subscriber passes over.
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, { now, maxAttempts: 1 })).toEqual({ delivered: 2, failed: 0, deadLettered: 0 });
    behaviour.forge = true;
    await (sup.caller as any).source.emit({ n: 1 });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, { now, maxAttempts: 1 })).toEqual({ delivered: 0, failed: 1, deadLettered: 1 });
    const letters = await sql<{ subscriber: string; last_error: string }>`select subscriber, last_error from kernel.event_dead_letters`.execute(t.database.db);
    expect(letters.rows).toEqual([{ subscriber: 'relay:source.happened', last_error: `EventContractError: ${forged('relay', 'source.happened')}` }]);
    behaviour.forge = false;
    await (sup.caller as any).source.emit({ n: 1 });
    expect(await deliverEvents(t.database.db, t.kernel.host, silent, { now, maxAttempts: 1 })).toEqual({ delivered: 1, failed: 0, deadLettered: 0 });
    expect((await outbox()).filter((e) => e.name === 'relay.passed' && e.n === 7)).toHaveLength(1);
  });

  it("refuses another plugin's event from a plugin's job", async () => {
    behaviour.forge = true;
    expect(await runDueJobs(t.database.db, t.kernel.host, silent, new Date(Date.UTC(2030, 2, 4, 9, 0, 0)))).toEqual({ ran: [], failed: ['relay.relay'] });
    behaviour.forge = false;
    expect(await runDueJobs(t.database.db, t.kernel.host, silent, new Date(Date.UTC(2030, 2, 4, 9, 1, 0)))).toEqual({ ran: ['relay.relay'], failed: [] });
  });

  it("refuses another plugin's event from a plugin's to-do provider", async () => {
    behaviour.forge = true;
    const refused = await sup.caller.workbench.todos();
    expect(refused.filter((p) => p.pluginId === 'relay').map((p) => p.error)).toEqual(['「事件转发」的待办暂时无法获取，请稍后刷新；如果持续出现，请联系系统管理员']);
    behaviour.forge = false;
    const before = (await outbox()).length;
    expect((await sup.caller.workbench.todos()).filter((p) => p.pluginId === 'relay')).toEqual([]);
    expect((await outbox()).length).toBe(before + 1);
  });
});
