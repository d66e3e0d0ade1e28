import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { directResetRefusal, resetPasswordOnServer } from './password-resets.js';

describe('who may reset whose password directly', () => {
  it('refuses every direct reset of a security administrator', () => {
    expect(directResetRefusal('system', ['security'])).toMatch(/^该账号是安全管理员，其密码不能直接重置/);
    expect(directResetRefusal('security', ['security'])).toMatch(/^该账号是安全管理员，其密码不能直接重置/);
  });

  it("leaves an audit administrator's reset to the security administrator", () => {
    expect(directResetRefusal('system', ['audit'])).toBe('该账号是审计管理员，系统管理员不能重置其密码，请由安全管理员重置');
    expect(directResetRefusal('security', ['audit'])).toBeNull();
  });

  it("leaves every other account's reset to the system administrator", () => {
    expect(directResetRefusal('system', [])).toBeNull();
    expect(directResetRefusal('system', ['system'])).toBeNull();
    expect(directResetRefusal('security', [])).toBe('安全管理员只能重置审计管理员的密码，其他账号的密码请由系统管理员重置');
    expect(directResetRefusal('security', ['system'])).toBe('安全管理员只能重置审计管理员的密码，其他账号的密码请由系统管理员重置');
  });
});

describeEachEngine('resetting the passwords of the security and audit administrators', (engine) => {
  let t: TestKernel;
  const ids: Record<string, string> = {};
  let committee: string;

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    const users = await sql<{ id: string; username: string }>`select id, username from kernel.users`.execute(t.database.db);
    for (const u of users.rows) ids[u.username] = u.id;
    committee = (await sql<{ id: string }>`select id from kernel.orgs where name = '示范县委政法委'`.execute(t.database.db)).rows[0]!.id;
    // A second security administrator, to show that even a peer cannot reset one directly.
    const admin = await t.signIn('admin');
    ids.secadmin2 = (await admin.caller.users.create({ orgId: committee, username: 'secadmin2', displayName: '孙安全', password: 'Second-2026!', roleIds: [] })).id;
    const sec = await t.signIn('secadmin');
    const roles = await sec.caller.roles.list();
    await sec.caller.users.assignRoles({ id: ids.secadmin2, roleIds: [roles.find((r) => r.key === 'secadmin')!.id] });
    await sql`update kernel.users set must_change_password = false where id = ${ids.secadmin2}`.execute(t.database.db);
  });
  afterAll(() => t.stop());

  /** Puts the demo password back (the demo accounts share one hash), which a change may no longer choose. */
  async function restoreDemoPassword(username: string): Promise<void> {
    await sql`update kernel.users set password_hash = (select password_hash from kernel.users where username = 'leader'), must_change_password = false
      where username = ${username}`.execute(t.database.db);
  }

  async function passwordHash(username: string): Promise<string> {
    return (await sql<{ password_hash: string }>`select password_hash from kernel.users where username = ${username}`.execute(t.database.db)).rows[0]!.password_hash;
  }

  async function lastAudit(action: string, targetId: string) {
    const r = await sql<{ outcome: string; actor_name: string; detail: Record<string, unknown> }>`select outcome, actor_name, detail from kernel.audit_log
      where action = ${action} and target_id = ${targetId} order by seq desc limit 1`.execute(t.database.db);
    return r.rows[0];
  }

  async function pendingRequests(userId: string): Promise<number> {
    return (await sql<{ n: number }>`select count(*)::int as n from kernel.password_reset_requests where user_id = ${userId} and status = 'pending'`.execute(t.database.db)).rows[0]!.n;
  }

  it("refuses the system administrator a reset of the audit administrator's password, and audits the attempt", async () => {
    const before = await passwordHash('auditor');
    const { caller } = await t.signIn('admin');
    await expect(caller.users.resetPassword({ id: ids.auditor!, password: 'Taken-over-2026!' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '该账号是审计管理员，系统管理员不能重置其密码，请由安全管理员重置',
    });
    expect(await passwordHash('auditor')).toBe(before);
    expect(await lastAudit('users.password.reset', ids.auditor!)).toMatchObject({ outcome: 'denied', actor_name: '王系统', detail: { by: 'system', duties: ['audit'] } });
    await t.signIn('auditor');
  });

  it("refuses the system administrator a reset of the security administrator's password", async () => {
    const before = await passwordHash('secadmin');
    const { caller } = await t.signIn('admin');
    await expect(caller.users.resetPassword({ id: ids.secadmin!, password: 'Taken-over-2026!' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^该账号是安全管理员，其密码不能直接重置：请提出重置申请，经审计管理员会签后生效/),
    });
    expect(await passwordHash('secadmin')).toBe(before);
  });

  it("still lets the system administrator reset an ordinary account's password", async () => {
    const { caller } = await t.signIn('admin');
    await caller.users.resetPassword({ id: ids.liaison!, password: 'Chongzhi-2026!a' });
    const { caller: liaison } = await t.signIn('liaison', 'Chongzhi-2026!a');
    expect((await liaison.auth.me())!.user.mustChangePassword).toBe(true);
  });

  it("lets the security administrator reset the audit administrator's password", async () => {
    const { caller } = await t.signIn('secadmin');
    const old = await t.signIn('auditor');
    await caller.users.resetAuditorPassword({ id: ids.auditor!, password: 'Shenji-2026!b' });
    // The old session has ended, the new password must be changed first.
    expect(await (await t.asCookie(old.cookie)).caller.auth.me()).toBeNull();
    const { caller: auditor } = await t.signIn('auditor', 'Shenji-2026!b');
    expect((await auditor.auth.me())!.user.mustChangePassword).toBe(true);
    expect(await lastAudit('users.password.reset', ids.auditor!)).toMatchObject({ outcome: 'success', actor_name: '李安全', detail: { by: 'security', duties: ['audit'] } });
    await auditor.auth.changePassword({ currentPassword: 'Shenji-2026!b', newPassword: 'Shenji-2026!c-changed' });
    await restoreDemoPassword('auditor');
  });

  it("refuses the security administrator a reset of an account without audit duties", async () => {
    const before = await passwordHash('leader');
    const { caller } = await t.signIn('secadmin');
    await expect(caller.users.resetAuditorPassword({ id: ids.leader!, password: 'Leader-reset-2026!' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '安全管理员只能重置审计管理员的密码，其他账号的密码请由系统管理员重置',
    });
    expect(await passwordHash('leader')).toBe(before);
  });

  it('refuses one security administrator a direct reset of another', async () => {
    const before = await passwordHash('secadmin2');
    const { caller } = await t.signIn('secadmin');
    await expect(caller.users.resetAuditorPassword({ id: ids.secadmin2!, password: 'Peer-reset-2026!' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^该账号是安全管理员，其密码不能直接重置/),
    });
    expect(await passwordHash('secadmin2')).toBe(before);
  });

  it("resets a security administrator's password once the audit administrator countersigns the request", async () => {
    const admin = await t.signIn('admin');
    const target = await t.signIn('secadmin2', 'Second-2026!');
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin2!, reason: '本人忘记密码，经电话核实身份' });
    // Nothing changes until the countersign.
    expect((await (await t.asCookie(target.cookie)).caller.auth.me())?.user.username).toBe('secadmin2');
    const auditor = await t.signIn('auditor');
    const pending = (await auditor.caller.passwordResets.list()).find((r) => r.id === id)!;
    expect(pending).toMatchObject({ username: 'secadmin2', status: 'pending', statusName: '待会签', requesterName: '王系统', reason: '本人忘记密码，经电话核实身份' });
    // It waits on the audit administrator's workbench until countersigned.
    const waiting = async () => (await auditor.caller.workbench.kernelTodos()).map((i) => [i.label, i.count, i.link]);
    expect(await waiting()).toEqual([['安全管理员密码重置待会签', 1, '/password-resets']]);
    const issued = await auditor.caller.passwordResets.countersign({ id });
    expect(await waiting()).toEqual([]);
    expect(issued).toMatchObject({ username: 'secadmin2', displayName: '孙安全' });
    expect(issued.password).toMatch(/^Zf-[A-Za-z0-9_-]{12}9a$/);

    expect(await (await t.asCookie(target.cookie)).caller.auth.me()).toBeNull();
    await expect(t.signIn('secadmin2', 'Second-2026!')).rejects.toThrow('用户名或密码错误');
    const { caller: reset } = await t.signIn('secadmin2', issued.password);
    expect((await reset.auth.me())!.user.mustChangePassword).toBe(true);
    expect((await auditor.caller.passwordResets.list()).find((r) => r.id === id)).toMatchObject({ status: 'countersigned', deciderName: '赵审计' });
    expect(await lastAudit('users.password.reset.request', ids.secadmin2!)).toMatchObject({ outcome: 'success', actor_name: '王系统', detail: { requestId: id } });
    expect(await lastAudit('users.password.reset.countersign', ids.secadmin2!)).toMatchObject({ outcome: 'success', actor_name: '赵审计', detail: { requestId: id } });
    await reset.auth.changePassword({ currentPassword: issued.password, newPassword: 'Second-2026!' });
  });

  it('lets a security administrator ask for the reset of another security administrator', async () => {
    const { caller } = await t.signIn('secadmin');
    const { id } = await caller.passwordResets.request({ userId: ids.secadmin2!, reason: '账号疑似泄露' });
    await caller.passwordResets.cancel({ id });
    expect(await lastAudit('users.password.reset.cancel', ids.secadmin2!)).toMatchObject({ outcome: 'success', actor_name: '李安全' });
    expect(await pendingRequests(ids.secadmin2!)).toBe(0);
  });

  it('refuses a countersign to anyone without the audit administrator’s permission', async () => {
    const admin = await t.signIn('admin');
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' });
    const before = await passwordHash('secadmin');
    await expect(admin.caller.passwordResets.countersign({ id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('会签安全管理员密码重置') });
    await expect((await t.signIn('secadmin2', 'Second-2026!')).caller.passwordResets.countersign({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await passwordHash('secadmin')).toBe(before);
    await admin.caller.passwordResets.cancel({ id });
  });

  it('refuses a request for an account that holds no security duties', async () => {
    const { caller } = await t.signIn('admin');
    await expect(caller.passwordResets.request({ userId: ids.auditor!, reason: '本人忘记密码' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '只有安全管理员的密码须申请、经会签后重置；其他账号请直接重置',
    });
    expect(await pendingRequests(ids.auditor!)).toBe(0);
  });

  it('refuses a request for one’s own password', async () => {
    const { caller } = await t.signIn('secadmin');
    await expect(caller.passwordResets.request({ userId: ids.secadmin!, reason: '想换个密码' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '不能为自己申请重置密码，请在“修改密码”中修改',
    });
  });

  it('refuses a request to anyone who is neither the system nor a security administrator', async () => {
    const { caller } = await t.signIn('leader');
    await expect(caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '您没有「管理用户账号」或「解锁账号与安全策略」权限，请联系安全管理员分配',
    });
    expect(await pendingRequests(ids.secadmin!)).toBe(0);
  });

  it('refuses a second pending request for the same account', async () => {
    const { caller } = await t.signIn('admin');
    const { id } = await caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' });
    await expect((await t.signIn('secadmin2', 'Second-2026!')).caller.passwordResets.request({ userId: ids.secadmin!, reason: '再次申请' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '该账号已有一份待会签的重置申请，请等待审计管理员会签，或先撤回该申请',
    });
    expect(await pendingRequests(ids.secadmin!)).toBe(1);
    await caller.passwordResets.cancel({ id });
  });

  it('refuses the withdrawal of a request by anyone but its requester', async () => {
    const admin = await t.signIn('admin');
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin2!, reason: '本人忘记密码' });
    await expect((await t.signIn('secadmin')).caller.passwordResets.cancel({ id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '只有申请人可以撤回申请' });
    expect(await pendingRequests(ids.secadmin2!)).toBe(1);
    await admin.caller.passwordResets.cancel({ id });
  });

  it('refuses to countersign a request older than a day, and takes a new one in its place', async () => {
    const admin = await t.signIn('admin');
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' });
    await sql`update kernel.password_reset_requests set expires_at = now() - interval '1 minute' where id = ${id}`.execute(t.database.db);
    const before = await passwordHash('secadmin');
    const auditor = await t.signIn('auditor');
    await expect(auditor.caller.passwordResets.countersign({ id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '该申请提出已超过 24 小时，已失效，请重新提出申请' });
    expect(await passwordHash('secadmin')).toBe(before);
    expect((await auditor.caller.passwordResets.list()).find((r) => r.id === id)).toMatchObject({ status: 'expired', statusName: '已失效' });
    const again = await admin.caller.passwordResets.request({ userId: ids.secadmin!, reason: '重新申请' });
    await admin.caller.passwordResets.cancel({ id: again.id });
  });

  it('lets the audit administrator reject a request, which then cannot be countersigned', async () => {
    const admin = await t.signIn('admin');
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' });
    const auditor = await t.signIn('auditor');
    await auditor.caller.passwordResets.reject({ id, note: '未核实本人身份' });
    const before = await passwordHash('secadmin');
    await expect(auditor.caller.passwordResets.countersign({ id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '该申请已驳回，不能再办理' });
    expect(await passwordHash('secadmin')).toBe(before);
    expect(await lastAudit('users.password.reset.reject', ids.secadmin!)).toMatchObject({ outcome: 'success', actor_name: '赵审计', detail: { requestId: id, note: '未核实本人身份' } });
    expect((await admin.caller.passwordResets.list()).find((r) => r.id === id)).toMatchObject({ status: 'rejected', decisionNote: '未核实本人身份' });
  });

  it("lists to a unit's own account manager only the requests for accounts inside that unit", async () => {
    const admin = await t.signIn('admin');
    const police = (await sql<{ id: string }>`select id from kernel.orgs where name = '示范县公安局'`.execute(t.database.db)).rows[0]!.id;
    const { id: managerId } = await admin.caller.users.create({ orgId: police, username: 'policeadmin', displayName: '公安管理员', password: 'Gongan-2026!x', roleIds: [] });
    const sec = await t.signIn('secadmin');
    await sec.caller.users.assignRoles({ id: managerId, roleIds: [(await sec.caller.roles.list()).find((r) => r.key === 'sysadmin')!.id] });
    await sql`update kernel.users set must_change_password = false where id = ${managerId}`.execute(t.database.db);
    const { id } = await admin.caller.passwordResets.request({ userId: ids.secadmin!, reason: '本人忘记密码' });
    try {
      const { caller } = await t.signIn('policeadmin', 'Gongan-2026!x');
      expect(await caller.passwordResets.list()).toEqual([]);
      expect((await admin.caller.passwordResets.list()).map((r) => r.id)).toContain(id);
    } finally {
      await admin.caller.passwordResets.cancel({ id });
    }
  });

  it('lists each user’s administrator duties, so the console offers the right reset', async () => {
    const { caller } = await t.signIn('admin');
    const list = await caller.users.list({ pageSize: 100 });
    const duties = Object.fromEntries(list.items.map((u) => [u.username, u.duties]));
    expect(duties).toMatchObject({ admin: ['system'], policeadmin: ['system'], secadmin: ['security'], secadmin2: ['security'], auditor: ['audit'], leader: [], liaison: [] });
  });

  it("resets any account's password from the server, audited under the server's command line", async () => {
    const reset = await resetPasswordOnServer(t.kernel.db, { username: 'SecAdmin' });
    expect(reset).toMatchObject({ tenantId: '990001', username: 'secadmin', displayName: '李安全' });
    const { caller } = await t.signIn('secadmin', reset.password);
    expect((await caller.auth.me())!.user.mustChangePassword).toBe(true);
    expect(await lastAudit('users.password.reset.server', ids.secadmin!)).toMatchObject({ outcome: 'success', actor_name: '服务器命令行', detail: { username: 'secadmin', duties: ['security'] } });
    await caller.auth.changePassword({ currentPassword: reset.password, newPassword: 'Anquan-2026!c-changed' });
    await restoreDemoPassword('secadmin');
  });

  it('names the county and the username the server could not find', async () => {
    await expect(resetPasswordOnServer(t.kernel.db, { username: 'nobody' })).rejects.toThrow('县（区）990001 没有用户名为「nobody」的账号');
    await expect(resetPasswordOnServer(t.kernel.db, { tenantId: '990009', username: 'secadmin' })).rejects.toThrow('县（区）990009 不存在');
  });
});
