import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { adminDuties, builtinRoles, dutiesOf } from '../permissions.js';

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

  it('refuses permissions that no installed module declares', async () => {
    const { caller } = await t.signIn('secadmin');
    await expect(caller.roles.create({ name: '未知权限', permissions: ['petitions.register'] })).rejects.toThrow('权限「petitions.register」不存在');
  });
});
