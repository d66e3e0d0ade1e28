import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { apiStrings } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { createNotesPlugin } from '../testing/index.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { kdb } from '../context.js';

const SECOND = '990002';
const SECOND_PASSWORD = 'Zhengfa@2026';
const OFF = '本县未启用「测试便签」功能模块，请联系系统管理员';

describeEachEngine('plugins switched on or off per county', (engine) => {
  let t: TestKernel;
  const notes = createNotesPlugin();
  // A second plugin that depends on the first.
  const memos = createNotesPlugin({ id: 'memos', name: '测试备忘', dependsOn: ['notes'] });

  const admin = () => signIn('admin');
  const switchOf = async (pluginId: string) => (await (await admin()).caller.system.modules()).plugins.find((p) => p.id === pluginId)!;
  const setOn = async (pluginId: string, on: boolean) => {
    const { countyVersion } = await switchOf(pluginId);
    const { caller } = await admin();
    return on ? caller.system.enableModule({ pluginId, version: countyVersion }) : caller.system.disableModule({ pluginId, version: countyVersion });
  };
  const noteCount = async (tenantId: string) => Number((await sql<{ n: number }>`select count(*)::int as n from notes.notes where tenant_id = ${tenantId}`.execute(t.database.db)).rows[0]!.n);
  const auditCount = async (action: string) =>
    (await kdb(t.database).selectFrom('kernel.audit_log').select('seq').where('tenant_id', '=', t.tenantId).where('action', '=', action).execute()).length;

  /** Signs in to a county (with two counties, signing in names the county). */
  const signIn = async (username: string, tenantId = t.tenantId, password = tenantId === SECOND ? SECOND_PASSWORD : DEMO_PASSWORD) => {
    const responseHeaders = new Headers();
    const ctx = await t.kernel.createContext({ headers: new Headers(), ip: '127.0.0.1', responseHeaders });
    await t.kernel.createCaller(ctx).auth.signIn({ tenantId, username, password });
    const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(responseHeaders.get('set-cookie') ?? '')![1]!;
    return { caller: t.kernel.createCaller(await t.kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}` }), ip: '127.0.0.1' })) };
  };

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [notes, memos] });
    await t.kernel.provisionTenant({ code: SECOND, name: '第二县', passwords: { sysadmin: SECOND_PASSWORD, secadmin: SECOND_PASSWORD, auditor: SECOND_PASSWORD } });
    const { caller } = await signIn('supervisor');
    await (caller as any).notes.notes.add({ body: '开关前的便签' });
    await t.kernel.tick();
    await sql`insert into notes.notes (tenant_id, body, created_by) select ${SECOND}, '第二县的便签', id from kernel.users where tenant_id = ${SECOND} limit 1`.execute(t.database.db);
  });
  afterAll(() => t.stop());
  // Every test starts with both plugins on in the demo county.
  beforeEach(async () => {
    await setOn('notes', true);
    await setOn('memos', true);
  });

  it('lists every installed plugin as on for the county until it is switched off', async () => {
    await kdb(t.database).deleteFrom('kernel.county_modules').execute();
    const { plugins } = await (await admin()).caller.system.modules();
    expect(plugins.map((p) => [p.id, p.enabled, p.countyEnabled, p.countyVersion])).toEqual([
      ['notes', true, true, 0],
      ['memos', true, true, 0],
    ]);
  });

  it("refuses a switched-off plugin's procedures to the county's users with the county's message", async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    const { caller } = await signIn('supervisor');
    await expect((caller as any).notes.notes.list()).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
    await expect((caller as any).notes.notes.add({ body: '停用后的便签' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
  });

  it("keeps a switched-off plugin's data and shows it again when switched back on", async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    expect(await noteCount(t.tenantId)).toBe(1);
    await setOn('notes', true);
    const { caller } = await signIn('supervisor');
    expect(((await (caller as any).notes.notes.list()) as { body: string }[]).map((n) => n.body)).toEqual(['开关前的便签']);
  });

  it("leaves the plugin's kernel procedures and the other plugins working", async () => {
    await setOn('memos', false);
    const { caller } = await signIn('supervisor');
    await expect((caller as any).memos.notes.list()).rejects.toMatchObject({ code: 'FORBIDDEN', message: '本县未启用「测试备忘」功能模块，请联系系统管理员' });
    expect(((await (caller as any).notes.notes.list()) as unknown[]).length).toBe(1);
    expect((await caller.auth.me())!.user.username).toBe('supervisor');
  });

  it("hides a switched-off plugin from the county's navigation list and to-dos", async () => {
    const { caller } = await signIn('supervisor');
    expect((await caller.system.enabledPlugins()).map((p) => p.id)).toEqual(['notes', 'memos']);
    expect((await caller.workbench.todos()).map((p) => p.pluginId)).toEqual(['notes']);
    await setOn('memos', false);
    await setOn('notes', false);
    expect(await caller.system.enabledPlugins()).toEqual([]);
    expect(await caller.workbench.todos()).toEqual([]);
  });

  it('leaves the plugin on for another county', async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    const { caller: second } = await signIn('admin', SECOND);
    expect((await second.system.modules()).plugins.map((p) => [p.id, p.countyEnabled])).toEqual([
      ['notes', true],
      ['memos', true],
    ]);
    expect((await second.system.enabledPlugins()).map((p) => p.id)).toEqual(['notes', 'memos']);
  });

  it("runs the plugin's jobs only for the counties that have it on", async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    notes.jobRuns.length = 0;
    await t.kernel.tick(new Date('2026-11-22T08:00:30Z'));
    expect(notes.jobRuns.map((r) => r.tenantId)).toEqual([SECOND]);
    await setOn('notes', true);
    await t.kernel.tick(new Date('2026-11-22T08:01:30Z'));
    expect(notes.jobRuns.map((r) => r.tenantId)).toEqual([SECOND, t.tenantId, SECOND]);
  });

  it("passes over the county's events while the plugin is off, and delivers the other county's", async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    await sql`insert into kernel.outbox (tenant_id, name, payload) values
      (${t.tenantId}, 'notes.note.added', ${JSON.stringify({ body: '停用期间本县的事件' })}::jsonb),
      (${SECOND}, 'notes.note.added', ${JSON.stringify({ body: '第二县的事件' })}::jsonb)`.execute(t.database.db);
    await t.kernel.tick();
    await setOn('notes', true);
    await t.kernel.tick();
    const handled = await sql<{ tenant_id: string; body: string }>`select tenant_id, body from notes.note_events order by event_id`.execute(t.database.db);
    expect(handled.rows).toEqual([
      { tenant_id: t.tenantId, body: '开关前的便签' },
      { tenant_id: SECOND, body: '第二县的事件' },
    ]);
  });

  it('audits each switch in the county that made it', async () => {
    const before = { off: await auditCount('system.modules.disable'), on: await auditCount('system.modules.enable') };
    await setOn('memos', false);
    await setOn('memos', true);
    expect({ off: await auditCount('system.modules.disable'), on: await auditCount('system.modules.enable') }).toEqual({ off: before.off + 1, on: before.on + 1 });
    const last = await kdb(t.database)
      .selectFrom('kernel.audit_log')
      .select(['action', 'actor_name', 'target_type', 'target_id'])
      .where('tenant_id', '=', t.tenantId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'system.modules.enable', actor_name: expect.any(String), target_type: 'plugin', target_id: 'memos' });
  });

  it('answers a switch to the state it is already in without writing', async () => {
    const { countyVersion } = await switchOf('memos');
    const audited = await auditCount('system.modules.enable');
    const { caller } = await admin();
    expect(await caller.system.enableModule({ pluginId: 'memos', version: 12345 })).toEqual({ enabled: true, version: countyVersion, changed: false });
    expect(await auditCount('system.modules.enable')).toBe(audited);
  });

  it('refuses a switch made from a stale version', async () => {
    const { countyVersion } = await switchOf('memos');
    const { caller } = await admin();
    await expect(caller.system.disableModule({ pluginId: 'memos', version: countyVersion + 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: apiStrings.conflict });
    expect((await switchOf('memos')).countyEnabled).toBe(true);
  });

  it('refuses to switch off a plugin another plugin that is on depends on', async () => {
    const { countyVersion } = await switchOf('notes');
    const { caller } = await admin();
    await expect(caller.system.disableModule({ pluginId: 'notes', version: countyVersion })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '「测试备忘」依赖「测试便签」，请先停用「测试备忘」',
    });
    expect((await switchOf('notes')).countyEnabled).toBe(true);
  });

  it('refuses to switch on a plugin before the plugin it depends on', async () => {
    await setOn('memos', false);
    await setOn('notes', false);
    const { countyVersion } = await switchOf('memos');
    const { caller } = await admin();
    await expect(caller.system.enableModule({ pluginId: 'memos', version: countyVersion })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '「测试备忘」依赖「测试便签」，请先启用「测试便签」',
    });
    expect((await switchOf('memos')).countyEnabled).toBe(false);
  });

  it('refuses to switch a plugin that is not installed', async () => {
    const { caller } = await admin();
    await expect(caller.system.disableModule({ pluginId: 'mediation', version: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '功能模块「mediation」没有安装或未在本部署启用',
    });
  });
});
