import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, migrationStatus, SchemaNewerError } from '@zhengfa/db';
import { addUserWithPermissions, describeEachEngine, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import { createNotesPlugin } from '../testing/index.js';
import { createPluginHost } from './host.js';

describeEachEngine('plugin contract', (engine) => {
  let t: TestKernel;
  const notes = createNotesPlugin();
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [notes] });
  });
  afterAll(() => t.stop());

  it("mounts a compatible plugin's router under its id", async () => {
    const { caller } = await t.signIn('supervisor');
    const plugin = (caller as any).notes;
    await plugin.notes.add({ body: '第一条便签' });
    expect(await plugin.notes.list()).toEqual([{ id: 1, body: '第一条便签' }]);
  });

  it('keeps the plugin in its own schema with its own migration history', async () => {
    const tables = await sql<{ table_schema: string }>`select table_schema from information_schema.tables where table_name = 'notes'`.execute(t.database.db);
    expect(tables.rows.map((r) => r.table_schema)).toEqual(['notes']);
    const history = await sql<{ owner: string; name: string }>`select owner, name from meta.migrations order by owner, name`.execute(t.database.db);
    expect(history.rows).toEqual([
      { owner: 'kernel', name: '0001_foundation' },
      { owner: 'kernel', name: '0002_cases' },
      { owner: 'kernel', name: '0003_supervision' },
      { owner: 'kernel', name: '0004_ledger_indexes' },
      { owner: 'kernel', name: '0005_open_deadline_index' },
      { owner: 'kernel', name: '0006_case_tallies' },
      { owner: 'kernel', name: '0007_audit_chain_heads' },
      { owner: 'kernel', name: '0008_session_principal' },
      { owner: 'kernel', name: '0009_open_cases_covering_index' },
      { owner: 'kernel', name: '0010_audit_append_one_statement' },
      { owner: 'kernel', name: '0011_principal_change_notices' },
      { owner: 'kernel', name: '0012_search_pending_list_limit' },
      { owner: 'kernel', name: '0013_case_scopes_plpgsql' },
      { owner: 'kernel', name: '0014_case_scope_orgs' },
      { owner: 'kernel', name: '0015_open_cases_cover_scope' },
      { owner: 'kernel', name: '0016_case_party_names' },
      { owner: 'kernel', name: '0017_case_sweep_indexes' },
      { owner: 'kernel', name: '0018_sign_in_throttle' },
      { owner: 'kernel', name: '0019_password_reset_requests' },
      { owner: 'kernel', name: '0020_case_restriction' },
      { owner: 'kernel', name: '0021_role_default_permissions' },
      { owner: 'kernel', name: '0022_dispatch_day_counting' },
      { owner: 'kernel', name: '0023_sealed_party_identifiers' },
      { owner: 'kernel', name: '0024_event_delivery_cursors' },
      { owner: 'kernel', name: '0025_county_modules' },
      { owner: 'kernel', name: '0026_database_walls' },
      { owner: 'kernel', name: '0027_dispatch_owed' },
      { owner: 'kernel', name: '0028_case_follows' },
      { owner: 'notes', name: '0001_notes' },
    ]);
  });

  it("gives built-in business roles the plugin's permissions and the role editor lists them", async () => {
    const { caller } = await t.signIn('secadmin');
    const perms = await caller.roles.permissions();
    expect(perms.filter((p) => p.owner === 'notes').map((p) => p.key)).toEqual(['notes.read', 'notes.write']);
    const roles = await caller.roles.list();
    expect(roles.find((r) => r.key === 'supervisor')!.permissions).toContain('notes.write');
    expect(roles.find((r) => r.key === 'liaison')!.permissions).toContain('notes.read');
    expect(roles.find((r) => r.key === 'liaison')!.permissions).not.toContain('notes.write');
    expect(roles.find((r) => r.key === 'sysadmin')!.permissions).not.toContain('notes.read');
  });

  it("refuses a plugin procedure to a user without the plugin's permission", async () => {
    const { caller } = await t.signIn('liaison');
    await expect((caller as any).notes.notes.add({ body: '越权' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('编写便签') });
  });

  it("registers a kernel case of the plugin's kind and its own row in one transaction", async () => {
    const { caller } = await t.signIn('supervisor');
    const kase = await (caller as any).notes.notes.registerCase({ title: '插件登记的事项' });
    expect(kase.docNo).toMatch(/^示政法签〔\d{4}〕1号$/);
    expect((await caller.cases.get({ id: kase.id })).kindName).toBe('便签事项');
    await expect((caller as any).notes.notes.registerCase({ title: '中途失败的登记', fail: true })).rejects.toThrow();
    const cases = await sql<{ n: number }>`select count(*)::int as n from kernel.cases where title = '中途失败的登记'`.execute(t.database.db);
    expect(cases.rows[0]!.n).toBe(0);
    const notes = await sql<{ body: string }>`select body from notes.notes where body like '示政法签%'`.execute(t.database.db);
    expect(notes.rows).toEqual([{ body: kase.docNo }]);
  });

  it('applies each migration once when two migrate runs start at the same time', async () => {
    const upgraded = createNotesPlugin({
      version: '1.1.0',
      extraMigrations: {
        '0002_tags': { up: async (db) => void (await sql`alter table notes.notes add column tags text[] not null default '{}'`.execute(db)) },
      },
    });
    const host = createPluginHost({ installed: [upgraded] });
    // A second pool for PostgreSQL makes the race real; PGlite serialises on one connection.
    const results = await Promise.all([migrate(t.database.db, host.migrationSets), migrate(t.database.db, host.migrationSets)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1]);
    expect(results.flatMap((r) => r.applied)).toEqual([{ owner: 'notes', name: '0002_tags' }]);
    const history = await sql<{ n: number }>`select count(*)::int as n from meta.migrations where owner = 'notes'`.execute(t.database.db);
    expect(history.rows[0]!.n).toBe(2);
  });

  it('refuses to run older code against a database migrated by newer code, naming both versions', async () => {
    const host = createPluginHost({ installed: [createNotesPlugin({ version: '1.0.0' })] });
    const status = await migrationStatus(t.database.db, host.migrationSets);
    expect(status.newer).toEqual([{ owner: 'notes', databaseVersion: '1.1.0', codeVersion: '1.0.0', unknownMigrations: ['0002_tags'] }]);
    const err = await migrate(t.database.db, host.migrationSets).catch((e) => e);
    expect(err).toBeInstanceOf(SchemaNewerError);
    expect(err.message).toContain('「notes」的结构版本为 1.1.0，比当前程序的 1.0.0 新');
  });

  it('delivers an event to its subscriber once, even when two deliveries race', async () => {
    const { caller } = await t.signIn('supervisor');
    await (caller as any).notes.notes.add({ body: '事件测试' });
    await Promise.all([t.kernel.tick(), t.kernel.tick()]);
    await t.kernel.tick();
    const rows = await sql<{ body: string }>`select body from notes.note_events order by event_id`.execute(t.database.db);
    expect(rows.rows.map((r) => r.body)).toEqual(['第一条便签', '事件测试']);
  });

  it('runs a job once per period across concurrent schedulers', async () => {
    const now = new Date('2026-11-21T08:00:30Z');
    notes.jobRuns.length = 0;
    await Promise.all([t.kernel.tick(now), t.kernel.tick(now)]);
    await t.kernel.tick(new Date('2026-11-21T08:00:59Z'));
    expect(notes.jobRuns).toHaveLength(1);
    await t.kernel.tick(new Date('2026-11-21T08:01:00Z'));
    expect(notes.jobRuns).toHaveLength(2);
  });

  it("gathers the plugin's to-dos for the signed-in user on the workbench", async () => {
    const { caller } = await t.signIn('leader');
    expect(await caller.workbench.todos()).toEqual([]);
    const writer = await addUserWithPermissions(t, { username: 'notewriter', displayName: '便签作者', orgName: '示范县委政法委', permissions: ['notes.write'] });
    await (writer.caller as any).notes.notes.add({ body: '待办便签' });
    expect(await writer.caller.workbench.todos()).toEqual([
      { pluginId: 'notes', pluginName: '测试便签', items: [{ key: 'mine', label: '我写的便签', count: 1, link: '/notes', oldest: null }] },
    ]);
  });
});

describeEachEngine('disabling a plugin', (engine) => {
  it('hides its router and permissions but keeps its data', async () => {
    const t = await startTestKernel({ engine, plugins: [createNotesPlugin()] });
    try {
      const { caller } = await t.signIn('supervisor');
      await (caller as any).notes.notes.add({ body: '保留的数据' });
      const { createKernel } = await import('../kernel.js');
      const disabled = createKernel({ vault: testVault(), database: t.database, plugins: [createNotesPlugin()], enabled: [] });
      const ctx = await disabled.createContext({ headers: new Headers({ cookie: `zf_session=${(await t.signIn('supervisor')).cookie}` }) });
      expect((disabled.router._def.record as Record<string, unknown>).notes).toBeUndefined();
      await expect((disabled.createCaller(ctx) as any).notes.notes.list()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(disabled.host.permissions.some((p) => p.owner === 'notes')).toBe(false);
      const kept = await sql<{ body: string }>`select body from notes.notes`.execute(t.database.db);
      expect(kept.rows).toEqual([{ body: '保留的数据' }]);
    } finally {
      await t.stop();
    }
  });
});
