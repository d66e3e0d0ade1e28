import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { DEMO_PASSWORD } from '../seed/demo.js';

describeEachEngine('sign-in', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  it('signs a demo user in with an httpOnly session cookie and reports who they are', async () => {
    const responseHeaders = new Headers();
    const ctx = await t.kernel.createContext({ headers: new Headers(), responseHeaders });
    await t.kernel.createCaller(ctx).auth.signIn({ username: 'admin', password: DEMO_PASSWORD });
    const cookie = responseHeaders.get('set-cookie')!;
    expect(cookie).toMatch(/^zf_session=[\w-]{30,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await (await t.signIn('admin')).caller.auth.me();
    expect(me?.user.displayName).toBe('王系统');
    expect(me?.tenant.name).toBe('示范县');
  });

  it('stores only a hash of the session token', async () => {
    const { cookie } = await t.signIn('leader');
    const rows = await sql<{ id: string }>`select id from kernel.sessions`.execute(t.database.db);
    expect(rows.rows.some((r) => r.id === cookie)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('refuses a wrong password with a Chinese message and audits the failure', async () => {
    const caller = await t.anonymous();
    await expect(caller.auth.signIn({ username: 'leader', password: 'Wrong-pass1' })).rejects.toThrow(/用户名或密码错误/);
    const row = await sql<{ outcome: string; detail: { reason: string } }>`
      select outcome, detail from kernel.audit_log where action = 'auth.signin' order by seq desc limit 1`.execute(t.database.db);
    expect(row.rows[0]).toMatchObject({ outcome: 'failure', detail: { reason: 'wrong-password' } });
  });

  it('locks the account at the fifth wrong password so the sixth attempt is refused even when correct, and audits the lock', async () => {
    const caller = await t.anonymous();
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      await caller.auth.signIn({ username: 'supervisor', password: `Wrong-pass${i}` }).catch((e: Error) => messages.push(e.message));
    }
    expect(messages[0]).toBe('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    expect(messages[4]).toContain('已被锁定 15 分钟');
    await expect(caller.auth.signIn({ username: 'supervisor', password: DEMO_PASSWORD })).rejects.toThrow(/已被锁定/);
    const lock = await sql<{ detail: { minutes: number } }>`select detail from kernel.audit_log where action = 'auth.lock'`.execute(t.database.db);
    expect(lock.rows).toHaveLength(1);
    expect(lock.rows[0]!.detail.minutes).toBe(15);
    const user = await sql<{ locked_until: Date }>`select locked_until from kernel.users where username = 'supervisor'`.execute(t.database.db);
    const minutes = (user.rows[0]!.locked_until.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('lets a locked account in again once the lock has expired', async () => {
    await sql`update kernel.users set locked_until = now() - interval '1 minute' where username = 'supervisor'`.execute(t.database.db);
    const { caller } = await t.signIn('supervisor');
    expect((await caller.auth.me())?.user.username).toBe('supervisor');
  });

  it('ends a session after 30 idle minutes and audits the expiry', async () => {
    const { cookie, caller } = await t.signIn('auditor');
    expect(await caller.auth.me()).not.toBeNull();
    await sql`update kernel.sessions set last_seen_at = now() - interval '31 minutes'`.execute(t.database.db);
    const later = await t.asCookie(cookie);
    expect(await later.caller.auth.me()).toBeNull();
    await expect(later.caller.orgs.tree()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const expired = await sql`select 1 from kernel.audit_log where action = 'auth.session.expired'`.execute(t.database.db);
    expect(expired.rows.length).toBeGreaterThan(0);
  });

  it('keeps a session alive while it is used within 30 minutes', async () => {
    const { cookie } = await t.signIn('leader');
    await sql`update kernel.sessions set last_seen_at = now() - interval '29 minutes'`.execute(t.database.db);
    expect(await (await t.asCookie(cookie)).caller.auth.me()).not.toBeNull();
  });

  it('signs out by deleting the session and clearing the cookie', async () => {
    const { cookie, ctx, caller } = await t.signIn('leader');
    await caller.auth.signOut();
    expect(ctx.responseHeaders.get('set-cookie')).toContain('Max-Age=0');
    expect(await (await t.asCookie(cookie)).caller.auth.me()).toBeNull();
  });
});
