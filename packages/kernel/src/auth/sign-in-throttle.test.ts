import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import { createKernel } from '../kernel.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { signIn } from './sign-in.js';
import { addressSubject, pruneSignInThrottle } from './throttle.js';

const hhmm = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);

describeEachEngine('sign-in throttling', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  /** A new account of the demo county with the demo password, beside the seeded ones. */
  async function account(username: string): Promise<void> {
    await sql`insert into kernel.users (tenant_id, org_id, username, display_name, password_hash)
      select tenant_id, org_id, ${username}, ${`测试${username}`}, password_hash from kernel.users where username = 'admin'`.execute(t.database.db);
  }

  const signInFrom = async (ip: string, username: string, password: string) => {
    const ctx = await t.kernel.createContext({ headers: new Headers({ 'user-agent': 'vitest' }), ip });
    return t.kernel.createCaller(ctx).auth.signIn({ username, password });
  };

  const reasons = async (username: string) => {
    const r = await sql<{ reason: string; n: number }>`
      select a.detail->>'reason' as reason, count(*)::int as n from kernel.audit_log a
      join kernel.users u on u.id = a.actor_id where a.action = 'auth.signin' and u.username = ${username}
      group by 1 order by 1`.execute(t.database.db);
    return Object.fromEntries(r.rows.map((x) => [x.reason ?? 'success', x.n]));
  };

  it('checks at most five wrong passwords of one account among 200 parallel sign-ins and refuses the right one, sent last, with the lockout message', async () => {
    await account('parallel1');
    const attempts = Array.from({ length: 200 }, (_, i) =>
      signInFrom(`10.1.${Math.floor(i / 250)}.${i % 250}`, 'parallel1', i === 199 ? DEMO_PASSWORD : `Wrong-pass${i}`).then(
        () => 'signed in',
        (e: Error) => e.message,
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(await reasons('parallel1')).toEqual({ locked: 195, 'wrong-password': 5 });
    const user = await sql<{ locked_until: Date }>`select locked_until from kernel.users where username = 'parallel1'`.execute(t.database.db);
    expect(outcomes[199]).toBe(`账号因多次密码错误已被锁定，请于 ${hhmm(user.rows[0]!.locked_until)} 后再试，或联系安全管理员解锁`);
    const sessions = await sql`select 1 from kernel.sessions s join kernel.users u on u.id = s.user_id where u.username = 'parallel1'`.execute(t.database.db);
    expect(sessions.rows).toHaveLength(0);
  }, 120_000);

  const checkedFrom = async (ip: string) => {
    const r = await sql<{ reason: string; n: number }>`
      select detail->>'reason' as reason, count(*)::int as n from kernel.audit_log
      where action = 'auth.signin' and ip = ${ip} group by 1 order by 1`.execute(t.database.db);
    return Object.fromEntries(r.rows.map((x) => [x.reason ?? 'success', x.n]));
  };

  it('refuses an address after 20 failed sign-ins within 15 minutes, whichever names they tried, with the address message', async () => {
    await account('fromoneplace');
    for (let i = 0; i < 20; i++) {
      await expect(signInFrom('10.2.0.1', `nobody${i}`, 'Wrong-pass1')).rejects.toThrow('用户名或密码错误');
    }
    const refusal = await signInFrom('10.2.0.1', 'fromoneplace', DEMO_PASSWORD).catch((e: { code: string; message: string }) => e);
    const row = await sql<{ locked_until: Date }>`select locked_until from kernel.sign_in_throttle where kind = 'address' and subject = '10.2.0.1'`.execute(t.database.db);
    expect(refusal).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: `本机所在网络登录失败次数过多，请于 ${hhmm(row.rows[0]!.locked_until)} 后再试` });
    expect(await checkedFrom('10.2.0.1')).toEqual({ 'address-throttled': 1, 'unknown-user': 20 });
  });

  it('checks at most 20 passwords among 200 parallel sign-ins from one address', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signInFrom('10.3.0.1', `spray${i}`, 'Wrong-pass1').then(() => 'signed in', (e: Error) => e.message)),
    );
    expect(await checkedFrom('10.3.0.1')).toEqual({ 'address-throttled': 180, 'unknown-user': 20 });
    expect(outcomes.filter((m) => m.startsWith('本机所在网络登录失败次数过多'))).toHaveLength(180);
  }, 120_000);

  it('does not count successful sign-ins against the address', async () => {
    for (let i = 0; i < 25; i++) await signInFrom('10.4.0.1', 'leader', DEMO_PASSWORD);
    expect(await checkedFrom('10.4.0.1')).toEqual({ success: 25 });
  }, 60_000);

  it('counts an address in the database, so another server process refuses it too', async () => {
    const other = createKernel({ vault: testVault(), database: t.database, plugins: [] });
    for (let i = 0; i < 20; i++) {
      await expect(signInFrom('10.5.0.1', `elsewhere${i}`, 'Wrong-pass1')).rejects.toThrow('用户名或密码错误');
    }
    const ctx = await other.createContext({ headers: new Headers(), ip: '10.5.0.1' });
    await expect(other.createCaller(ctx).auth.signIn({ username: 'leader', password: DEMO_PASSWORD })).rejects.toThrow('本机所在网络登录失败次数过多');
  });

  it('lets an address sign in again once its lock has passed, counting from nothing', async () => {
    for (let i = 0; i < 20; i++) await signInFrom('10.6.0.1', `later${i}`, 'Wrong-pass1').catch(() => undefined);
    await sql`update kernel.sign_in_throttle set locked_until = now() - interval '1 minute' where subject = '10.6.0.1'`.execute(t.database.db);
    await signInFrom('10.6.0.1', 'leader', DEMO_PASSWORD);
    const row = await sql<{ failures: number }>`select failures from kernel.sign_in_throttle where subject = '10.6.0.1'`.execute(t.database.db);
    expect(row.rows[0]!.failures).toBe(0);
  });

  it('forgets failures of an address older than 15 minutes', async () => {
    for (let i = 0; i < 19; i++) await signInFrom('10.7.0.1', `slow${i}`, 'Wrong-pass1').catch(() => undefined);
    await sql`update kernel.sign_in_throttle set counting_since = now() - interval '16 minutes' where subject = '10.7.0.1'`.execute(t.database.db);
    await expect(signInFrom('10.7.0.1', 'slow19', 'Wrong-pass1')).rejects.toThrow('用户名或密码错误');
    await expect(signInFrom('10.7.0.1', 'slow20', 'Wrong-pass1')).rejects.toThrow('用户名或密码错误');
    const row = await sql<{ failures: number }>`select failures from kernel.sign_in_throttle where subject = '10.7.0.1'`.execute(t.database.db);
    expect(row.rows[0]!.failures).toBe(2);
  });

  it('answers an unknown user name with the same messages, in the same order, as an account given wrong passwords', async () => {
    await account('realname');
    const now = new Date();
    const answers = async (username: string, ipBase: string) => {
      const messages: string[] = [];
      for (let i = 0; i < 7; i++) {
        const ctx = await t.kernel.createContext({ headers: new Headers(), ip: `${ipBase}.${i}` });
        await signIn(ctx, { username, password: i === 6 ? DEMO_PASSWORD : `Wrong-pass${i}` }, now).catch((e: Error) => messages.push(e.message));
      }
      return messages;
    };
    const real = await answers('realname', '10.8.0');
    const unknown = await answers('nosuchname', '10.8.1');
    expect(unknown).toEqual(real);
    expect(real[0]).toBe('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    expect(real[4]).toBe('密码连续错误次数过多，账号已被锁定 15 分钟');
    expect(real[5]).toBe(`账号因多次密码错误已被锁定，请于 ${hhmm(new Date(now.getTime() + 15 * 60_000))} 后再试，或联系安全管理员解锁`);
    expect(real).toHaveLength(7);
  });

  it('names a disabled account only to whoever knows its password', async () => {
    await account('switchedoff');
    await sql`update kernel.users set disabled = true where username = 'switchedoff'`.execute(t.database.db);
    await expect(signInFrom('10.9.0.1', 'switchedoff', 'Wrong-pass1')).rejects.toThrow('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    await expect(signInFrom('10.9.0.1', 'switchedoff', DEMO_PASSWORD)).rejects.toThrow('账号已停用，请联系系统管理员');
  });

  it('starts an account’s count again after the right password', async () => {
    await account('typist');
    for (let i = 0; i < 4; i++) await signInFrom('10.10.0.1', 'typist', `Wrong-pass${i}`).catch(() => undefined);
    await signInFrom('10.10.0.1', 'typist', DEMO_PASSWORD);
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) await signInFrom('10.10.0.1', 'typist', `Wrong-pass${i}`).catch((e: Error) => messages.push(e.message));
    expect(messages).toEqual(Array.from({ length: 4 }, () => '用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟'));
  });

  it('forgets counts a day after their last attempt and their lock', async () => {
    await sql`insert into kernel.sign_in_throttle (tenant_id, kind, subject, failures, counting_since, last_attempt_at, locked_until) values
      ('000000', 'address', 'prune-old', 3, '2026-03-01T00:00:00Z', '2026-03-01T00:10:00Z', null),
      ('000000', 'address', 'prune-locked', 20, '2026-03-01T00:00:00Z', '2026-03-01T00:10:00Z', '2026-03-02T00:20:00Z'),
      ('000000', 'address', 'prune-recent', 3, '2026-03-01T00:00:00Z', '2026-03-01T12:00:00Z', null)`.execute(t.database.db);
    expect(await pruneSignInThrottle(t.database.db, new Date('2026-03-02T00:15:00Z'))).toBe(1);
    const left = await sql<{ subject: string }>`select subject from kernel.sign_in_throttle where subject like 'prune-%' order by subject`.execute(t.database.db);
    expect(left.rows.map((r) => r.subject)).toEqual(['prune-locked', 'prune-recent']);
  });

  it('asks for the county when the one named does not exist', async () => {
    await expect(signInFrom('10.11.0.1', 'leader', DEMO_PASSWORD).then(() => null)).resolves.toBeNull();
    const ctx = await t.kernel.createContext({ headers: new Headers(), ip: '10.11.0.1' });
    await expect(t.kernel.createCaller(ctx).auth.signIn({ tenantId: '999999', username: 'leader', password: DEMO_PASSWORD })).rejects.toThrow('请选择所在县（区）');
  });
});

describe('the address a sign-in is counted under', () => {
  it('is an IPv4 address as it is, also when written as IPv6', () => {
    expect(addressSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 network of an IPv6 address, however it is written', () => {
    expect(addressSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('is one "unknown" source when there is no address', () => {
    expect(addressSubject(null)).toBe('unknown');
    expect(addressSubject('not-an-address')).toBe('unknown');
  });
});
