import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';

async function orgId(t: TestKernel, name: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from kernel.orgs where name = ${name}`.execute(t.database.db);
  return r.rows[0]!.id;
}

async function countWhere(t: TestKernel, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db);
  return r.rows[0]!.n;
}

describeEachEngine('user data scope', (engine) => {
  let t: TestKernel;
  let courtUserId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    const admin = await t.signIn('admin');
    const created = await admin.caller.users.create({
      orgId: await orgId(t, '示范县人民法院'),
      username: 'court01',
      displayName: '周法官',
      password: 'Court-2026!',
      roleIds: [],
    });
    courtUserId = created.id;
    await admin.caller.users.create({
      orgId: await orgId(t, '城关派出所'),
      username: 'police01',
      displayName: '吴民警',
      password: 'Police-2026!',
      roleIds: [],
    });
  });
  afterAll(() => t.stop());

  it('shows a committee user every user of the county', async () => {
    const { caller } = await t.signIn('leader');
    const list = await caller.users.list({ pageSize: 100 });
    expect(list.items.map((u) => u.username)).toEqual(expect.arrayContaining(['court01', 'police01', 'liaison', 'admin']));
  });

  it("lists for a unit liaison only the users of the liaison's unit and the units below it", async () => {
    const { caller } = await t.signIn('liaison');
    const list = await caller.users.list({ pageSize: 100 });
    expect(list.items.map((u) => u.username).sort()).toEqual(['liaison', 'police01']);
    expect(list.total).toBe(2);
  });

  it("returns nothing when a liaison asks for another unit's users by organisation", async () => {
    const { caller } = await t.signIn('liaison');
    const list = await caller.users.list({ orgId: await orgId(t, '示范县人民法院') });
    expect(list).toEqual({ total: 0, items: [] });
  });

  it('scopes the list in SQL rather than filtering the rows afterwards', async () => {
    // The scoped query never reads the other unit's rows: with the limit at 1 and the
    // liaison's own unit sorting after the court, a filter-after approach would return
    // nothing, the scoped query returns the liaison's first user.
    const { caller } = await t.signIn('liaison');
    const page = await caller.users.list({ pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(['liaison', 'police01']).toContain(page.items[0]!.username);
  });

  it("refuses a liaison's attempt to edit a user, audits the denial and writes nothing", async () => {
    const { caller } = await t.signIn('liaison');
    const before = await sql<{ version: number }>`select version from kernel.users where id = ${courtUserId}`.execute(t.database.db);
    await expect(
      caller.users.update({ id: courtUserId, version: 1, orgId: await orgId(t, '示范县公安局'), displayName: '改名', disabled: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('管理用户账号') });
    const after = await sql<{ version: number; display_name: string }>`select version, display_name from kernel.users where id = ${courtUserId}`.execute(t.database.db);
    expect(after.rows[0]).toMatchObject({ version: before.rows[0]!.version, display_name: '周法官' });
    const denied = await sql<{ detail: { permission: string } }>`select detail from kernel.audit_log where action = 'permission.denied' order by seq desc limit 1`.execute(t.database.db);
    expect(denied.rows[0]!.detail.permission).toBe('users.manage');
  });

  it("lets a unit's own account manager edit only users inside that unit", async () => {
    // A police-bureau user holding the system administrator role is still scoped to the bureau.
    const admin = await t.signIn('admin');
    const { id } = await admin.caller.users.create({ orgId: await orgId(t, '示范县公安局'), username: 'policeadmin', displayName: '公安管理员', password: 'Admin-2026!', roleIds: [] });
    const sec = await t.signIn('secadmin');
    const roles = await sec.caller.roles.list();
    await sec.caller.users.assignRoles({ id, roleIds: [roles.find((r) => r.key === 'sysadmin')!.id] });
    await sql`update kernel.users set must_change_password = false where id = ${id}`.execute(t.database.db);
    const { caller } = await t.signIn('policeadmin', 'Admin-2026!');
    await expect(
      caller.users.update({ id: courtUserId, version: 1, orgId: await orgId(t, '示范县人民法院'), displayName: '改名', disabled: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      caller.users.create({ orgId: await orgId(t, '示范县人民法院'), username: 'sneaky', displayName: '越权', password: 'Sneaky-2026!', roleIds: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const list = await caller.users.list({ pageSize: 100 });
    expect(list.items.every((u) => ['示范县公安局', '城关派出所'].includes(u.orgName))).toBe(true);
  });

  it('rejects bad input with a Chinese message and writes nothing', async () => {
    const { caller } = await t.signIn('admin');
    const users = await countWhere(t, 'kernel.users');
    const audit = await countWhere(t, 'kernel.audit_log');
    await expect(
      caller.users.create({ orgId: await orgId(t, '示范县司法局'), username: '1bad name', displayName: '钱', password: 'short', roleIds: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^提交的内容有误：用户名只能包含/) });
    await expect(
      caller.users.create({ orgId: await orgId(t, '示范县司法局'), username: 'weakpass', displayName: '钱司法', password: 'alllowercase', roleIds: [] }),
    ).rejects.toThrow('密码需同时包含大写字母、小写字母、数字、特殊字符中的至少三类');
    expect(await countWhere(t, 'kernel.users')).toBe(users);
    expect(await countWhere(t, 'kernel.audit_log')).toBe(audit);
  });

  it('refuses a stale edit with a conflict instead of overwriting', async () => {
    const { caller } = await t.signIn('admin');
    const courtOrg = await orgId(t, '示范县人民法院');
    const current = (await caller.users.list({ keyword: 'court01' })).items[0]!;
    await caller.users.update({ id: courtUserId, version: current.version, orgId: courtOrg, displayName: '周法官甲', disabled: false });
    await expect(
      caller.users.update({ id: courtUserId, version: current.version, orgId: courtOrg, displayName: '周法官乙', disabled: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被他人修改') });
    const row = await sql<{ display_name: string }>`select display_name from kernel.users where id = ${courtUserId}`.execute(t.database.db);
    expect(row.rows[0]!.display_name).toBe('周法官甲');
  });

  it('requires a new user to change the initial password before doing anything else', async () => {
    const { caller } = await t.signIn('court01', 'Court-2026!');
    expect((await caller.auth.me())?.user.mustChangePassword).toBe(true);
    await expect(caller.orgs.tree()).rejects.toThrow('请先修改初始密码');
    await caller.auth.changePassword({ currentPassword: 'Court-2026!', newPassword: 'Court-2026!new' });
    const next = await t.signIn('court01', 'Court-2026!new');
    expect((await next.caller.auth.me())?.user.mustChangePassword).toBe(false);
  });
});
