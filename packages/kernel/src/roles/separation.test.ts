import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { adminDuties, builtinRoles, dutiesOf, separatedPermissions, separationViolation } from '../permissions.js';

describe('built-in roles', () => {
  it('give the three administrators powers that do not overlap', () => {
    const [sys, sec, aud] = ['sysadmin', 'secadmin', 'auditor'].map((k) => builtinRoles.find((r) => r.key === k)!);
    expect(dutiesOf(sys!.permissions)).toEqual(['system']);
    expect(dutiesOf(sec!.permissions)).toEqual(['security']);
    expect(dutiesOf(aud!.permissions)).toEqual(['audit']);
    const all = Object.values(adminDuties).flatMap((d) => d.permissions);
    expect(new Set(all).size).toBe(all.length);
  });

  it('give business roles none of the administrators powers', () => {
    for (const key of ['leader', 'supervisor', 'liaison']) {
      expect(dutiesOf(builtinRoles.find((r) => r.key === key)!.permissions)).toEqual([]);
    }
  });

  it('give the three administrators no business permission', () => {
    for (const key of ['sysadmin', 'secadmin', 'auditor']) {
      expect(separationViolation(builtinRoles.find((r) => r.key === key)!.permissions)).toBeNull();
    }
  });
});

describe('the separation rule', () => {
  it('names the duty and the first business permission when an administrator duty meets business work', () => {
    expect(separationViolation(['users.read', 'roles.assign', 'supervision.sign', 'cases.read'])).toBe(
      '违反三员分立：「安全管理员」的权限不能与业务权限「查看事项与台账」由同一角色或同一用户同时拥有',
    );
  });

  it("names a plugin's business permission by the name the caller gives", () => {
    expect(separationViolation(['audit.read', 'petitions.accusations'], (k) => (k === 'petitions.accusations' ? '查看检举控告人身份' : k))).toBe(
      '违反三员分立：「审计管理员」的权限不能与业务权限「查看检举控告人身份」由同一角色或同一用户同时拥有',
    );
  });

  it('lets anyone hold the permissions to read the organisations and the users', () => {
    expect(separationViolation(['orgs.read', 'users.read', 'audit.read'])).toBeNull();
    expect(separationViolation(['orgs.read', 'users.read', 'cases.read'])).toBeNull();
  });

  it('leaves a principal that respects the separation its permissions', () => {
    expect(separatedPermissions(['orgs.read', 'users.read', 'audit.read'])).toEqual(['orgs.read', 'users.read', 'audit.read']);
  });

  it('takes every permission from a principal whose roles together break the separation', () => {
    expect(separatedPermissions(['users.read', 'audit.read', 'cases.read'])).toEqual([]);
    expect(separatedPermissions(['users.manage', 'roles.assign'])).toEqual([]);
  });
});

describeEachEngine('separation of the three administrators', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  it('refuses a custom role that combines system and audit powers', async () => {
    const { caller } = await t.signIn('secadmin');
    await expect(caller.roles.create({ name: '超级管理员', permissions: ['users.manage', 'audit.read'] })).rejects.toThrow(
      '违反三员分立：「系统管理员」与「审计管理员」的权限不能由同一角色或同一用户同时拥有',
    );
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.roles where name = '超级管理员'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('refuses to give one user two administrator roles', async () => {
    const { caller } = await t.signIn('secadmin');
    const roles = await caller.roles.list();
    const users = await caller.users.list({ keyword: 'admin' });
    const admin = users.items.find((u) => u.username === 'admin')!;
    await expect(
      caller.users.assignRoles({ id: admin.id, roleIds: [roles.find((r) => r.key === 'sysadmin')!.id, roles.find((r) => r.key === 'auditor')!.id] }),
    ).rejects.toThrow('违反三员分立');
  });

  it('refuses to widen a role so that a holder would combine duties', async () => {
    const { caller } = await t.signIn('secadmin');
    const { id } = await caller.roles.create({ name: '账号审核员', permissions: ['users.read'] });
    const users = await caller.users.list({ keyword: 'admin' });
    const admin = users.items.find((u) => u.username === 'admin')!;
    const roles = await caller.roles.list();
    await caller.users.assignRoles({ id: admin.id, roleIds: [roles.find((r) => r.key === 'sysadmin')!.id, id] });
    await expect(caller.roles.update({ id, version: 1, name: '账号审核员', description: '', permissions: ['users.read', 'audit.read'] })).rejects.toThrow('违反三员分立');
  });

  it('does not let the system administrator grant roles or edit them', async () => {
    const { caller } = await t.signIn('admin');
    await expect(caller.roles.create({ name: '自建角色', permissions: ['orgs.read'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const me = await caller.auth.me();
    await expect(caller.users.assignRoles({ id: me!.user.id, roleIds: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps built-in roles read-only', async () => {
    const { caller } = await t.signIn('secadmin');
    const leader = (await caller.roles.list()).find((r) => r.key === 'leader')!;
    await expect(caller.roles.update({ id: leader.id, version: leader.version, name: leader.name, description: '', permissions: [] })).rejects.toThrow('内置角色');
  });

  it('refuses a custom role that combines an administrator duty with business permissions, and writes nothing', async () => {
    const { caller } = await t.signIn('secadmin');
    await expect(caller.roles.create({ name: '安全兼督办', permissions: ['roles.assign', 'cases.read', 'cases.reveal'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '违反三员分立：「安全管理员」的权限不能与业务权限「查看事项与台账」由同一角色或同一用户同时拥有',
    });
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.roles where name = '安全兼督办'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('refuses to edit a custom role so that it combines an administrator duty with business permissions', async () => {
    const { caller } = await t.signIn('secadmin');
    const { id } = await caller.roles.create({ name: '日历维护员', permissions: ['calendar.manage'] });
    await expect(caller.roles.update({ id, version: 1, name: '日历维护员', description: '', permissions: ['calendar.manage', 'cases.register'] })).rejects.toThrow(
      '违反三员分立：「系统管理员」的权限不能与业务权限「登记事项」由同一角色或同一用户同时拥有',
    );
    const row = await sql<{ permissions: string[] }>`select permissions from kernel.roles where id = ${id}`.execute(t.database.db);
    expect(row.rows[0]!.permissions).toEqual(['calendar.manage']);
  });

  it("refuses to widen a holder's business role so that an administrator would also do business work", async () => {
    // The role alone holds no administrator duty; only its holder, the auditor, would combine.
    const { caller } = await t.signIn('secadmin');
    const { id } = await caller.roles.create({ name: '机构查阅', permissions: ['orgs.read'] });
    const auditor = (await caller.users.list({ keyword: 'auditor' })).items.find((u) => u.username === 'auditor')!;
    const roles = await caller.roles.list();
    await caller.users.assignRoles({ id: auditor.id, roleIds: [roles.find((r) => r.key === 'auditor')!.id, id] });
    await expect(caller.roles.update({ id, version: 1, name: '机构查阅', description: '', permissions: ['orgs.read', 'cases.read'] })).rejects.toThrow(
      '违反三员分立：「审计管理员」的权限不能与业务权限「查看事项与台账」由同一角色或同一用户同时拥有',
    );
  });

  it('refuses to give the audit administrator a business role as well', async () => {
    const { caller } = await t.signIn('secadmin');
    const roles = await caller.roles.list();
    const auditor = (await caller.users.list({ keyword: 'auditor' })).items.find((u) => u.username === 'auditor')!;
    await expect(
      caller.users.assignRoles({ id: auditor.id, roleIds: [roles.find((r) => r.key === 'auditor')!.id, roles.find((r) => r.key === 'leader')!.id] }),
    ).rejects.toThrow('违反三员分立：「审计管理员」的权限不能与业务权限「立项审批」由同一角色或同一用户同时拥有');
    const held = await sql<{ key: string }>`select r.key from kernel.user_roles ur join kernel.roles r on r.id = ur.role_id where ur.user_id = ${auditor.id} order by r.key`.execute(t.database.db);
    expect(held.rows.map((r) => r.key)).not.toContain('leader');
  });

  it('refuses anyone assigning roles to their own account, even roles they already hold', async () => {
    const { caller } = await t.signIn('secadmin');
    const me = (await caller.auth.me())!;
    const roles = await caller.roles.list();
    await expect(caller.users.assignRoles({ id: me.user.id, roleIds: [roles.find((r) => r.key === 'secadmin')!.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '不能给自己分配角色，请由另一位安全管理员办理',
    });
    const audit = await sql<{ outcome: string }>`select outcome from kernel.audit_log where action = 'users.roles.assign' and target_id = ${me.user.id} order by seq desc limit 1`.execute(t.database.db);
    expect(audit.rows).toEqual([{ outcome: 'denied' }]);
  });

  it('refuses to create an account whose roles combine an administrator duty with business work', async () => {
    // No principal holds both users.manage and roles.assign (the separation and the wall at
    // principal load take them away), so the check is reached here with a forged context.
    const admin = await t.signIn('admin');
    const forged = { ...admin.ctx, can: (p: string) => admin.ctx.can(p) || p === 'roles.assign' };
    const roles = await (await t.signIn('secadmin')).caller.roles.list();
    const org = await sql<{ id: string }>`select id from kernel.orgs where name = '示范县委政法委'`.execute(t.database.db);
    await expect(
      t.kernel.createCaller(forged).users.create({
        orgId: org.rows[0]!.id,
        username: 'mixed01',
        displayName: '混合角色',
        password: 'Mixed-2026!',
        roleIds: [roles.find((r) => r.key === 'auditor')!.id, roles.find((r) => r.key === 'supervisor')!.id],
      }),
    ).rejects.toThrow('违反三员分立：「审计管理员」的权限不能与业务权限「归档」由同一角色或同一用户同时拥有');
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.users where username = 'mixed01'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('gives an account whose roles were combined behind the product no permission at all', async () => {
    // Simulates an operator's SQL that gave the leader the audit administrator's role too.
    const db = t.database.db;
    await sql`insert into kernel.user_roles (tenant_id, user_id, role_id)
      select u.tenant_id, u.id, r.id from kernel.users u join kernel.roles r on r.tenant_id = u.tenant_id and r.key = 'auditor' where u.username = 'leader'`.execute(db);
    try {
      const { caller } = await t.signIn('leader');
      expect((await caller.auth.me())!.user.permissions).toEqual([]);
      await expect(caller.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('查看审计日志') });
      await expect(caller.cases.ledger({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await sql`delete from kernel.user_roles where user_id = (select id from kernel.users where username = 'leader')
        and role_id = (select id from kernel.roles where key = 'auditor')`.execute(db);
    }
  });

  it('refuses permissions that no installed module declares', async () => {
    const { caller } = await t.signIn('secadmin');
    await expect(caller.roles.create({ name: '未知权限', permissions: ['petitions.register'] })).rejects.toThrow('权限「petitions.register」不存在');
  });
});
