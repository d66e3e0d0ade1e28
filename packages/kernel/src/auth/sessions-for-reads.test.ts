import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgres } from '@zhengfa/db';
import { describeEachEngine, onPostgres, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import { createKernel, type Kernel } from '../kernel.js';
import { createSession, SESSION_COOKIE, sessionIdOf } from './sessions.js';

// Reads (GET) may reuse a session resolved in the last seconds; writes never do, and a
// write empties what reads remembered (auth/principal-cache.ts). On PostgreSQL a process
// reuses sessions only while it listens for the database's notices of principal changes.
const contextAs = (kernel: Kernel, cookie: string, method?: string) =>
  kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}`, 'user-agent': 'vitest' }), method, ip: '127.0.0.1' });

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Makes a session look past its deadline without ending it: an update no notice reports. */
const backdate = (t: TestKernel, cookie: string) =>
  sql`update kernel.sessions set expires_at = now() - interval '1 minute' where id = ${sessionIdOf(cookie)}`.execute(t.database.db);

/** A session of `username` made as a sign-in makes it, without the sign-in's update of kernel.users. */
async function sessionWithoutNotice(t: TestKernel, username: string): Promise<{ cookie: string }> {
  const u = await t.database.db.selectFrom('kernel.users').select(['tenant_id', 'id']).where('username', '=', username).executeTakeFirstOrThrow();
  const { token } = await createSession(t.database.db, { tenantId: u.tenant_id, userId: u.id, ip: '127.0.0.1', userAgent: 'vitest' });
  return { cookie: token };
}

describeEachEngine('sessions remembered for reads', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    await contextAs(t.kernel, 'none', 'GET');
    await until(() => t.kernel.remembersSessions());
  });
  afterAll(() => t.stop());

  it('lets a read reuse a session resolved moments ago', async () => {
    // Not t.signIn: a sign-in updates kernel.users, whose notice reaches the listener at some
    // moment after the commit and empties the cache, which on a loaded machine can be after
    // the first read below has filled it. A session row by itself announces nothing.
    const { cookie } = await sessionWithoutNotice(t, 'supervisor');
    expect((await contextAs(t.kernel, cookie, 'GET')).user?.username).toBe('supervisor');
    await backdate(t, cookie);
    expect((await contextAs(t.kernel, cookie, 'GET')).user?.username).toBe('supervisor');
  });

  it('never lets a write rely on a remembered session', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(t.kernel, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    expect((await contextAs(t.kernel, cookie, 'POST')).user).toBeNull();
  });

  it('makes reads after a write see what changed before it', async () => {
    const { cookie } = await t.signIn('supervisor');
    const other = await t.signIn('leader');
    expect((await contextAs(t.kernel, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    await contextAs(t.kernel, other.cookie, 'POST');
    expect((await contextAs(t.kernel, cookie, 'GET')).user).toBeNull();
  });

  it('makes reads see a change once the kernel forgets remembered sessions', async () => {
    const { cookie } = await t.signIn('liaison');
    expect((await contextAs(t.kernel, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    t.kernel.forgetSessions();
    expect((await contextAs(t.kernel, cookie, 'GET')).user).toBeNull();
  });

  it('reads the session fresh when the request says no method', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(t.kernel, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    expect((await contextAs(t.kernel, cookie)).user).toBeNull();
  });
});

// Two server processes on one PostgreSQL database: the second one's reads.
describe.skipIf(!onPostgres())('sessions remembered for reads, across processes', () => {
  let t: TestKernel;
  let second: Kernel;
  let closeSecond: () => Promise<void>;
  beforeAll(async () => {
    t = await startTestKernel({ engine: 'postgres' });
    const database = openPostgres({ url: t.database.url!, poolSize: 2, applicationName: 'zhengfa-second' });
    closeSecond = () => database.close();
    second = createKernel({ vault: testVault(), database, plugins: [] });
    await contextAs(second, 'none', 'GET');
    await until(() => second.remembersSessions());
  });
  afterAll(async () => {
    await closeSecond();
    await t.stop();
  });

  it('reuses nothing before this process listens for changes', async () => {
    const database = openPostgres({ url: t.database.url!, poolSize: 1, applicationName: 'zhengfa-third' });
    try {
      expect(createKernel({ vault: testVault(), database, plugins: [] }).remembersSessions()).toBe(false);
    } finally {
      await database.close();
    }
  });

  it("shows another process's sign-out to this process's reads as soon as it commits", async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(second, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    expect((await contextAs(second, cookie, 'GET')).user).not.toBeNull();
    // What signing out does, done by the first process.
    await sql`delete from kernel.sessions where id = ${sessionIdOf(cookie)}`.execute(t.database.db);
    // Well inside the cache's 2 s: the notice, not the time to live, made it forget.
    await until(async () => (await contextAs(second, cookie, 'GET')).user === null, 1000);
  });

  it('shows a role withdrawn by another process to reads as soon as it commits', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(second, cookie, 'GET')).user?.permissions.has('cases.read')).toBe(true);
    await sql`delete from kernel.user_roles where tenant_id = ${t.tenantId} and user_id = (select id from kernel.users where tenant_id = ${t.tenantId} and username = 'supervisor')`.execute(t.database.db);
    await until(async () => (await contextAs(second, cookie, 'GET')).user?.permissions.has('cases.read') === false, 1000);
  });

  it('stops reusing sessions while its listener is cut off, and resumes once it listens again', async () => {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zhengfa-second-listen'`.execute(t.database.db);
    await until(() => !second.remembersSessions());
    const { cookie } = await t.signIn('leader');
    expect((await contextAs(second, cookie, 'GET')).user).not.toBeNull();
    await backdate(t, cookie);
    expect((await contextAs(second, cookie, 'GET')).user).toBeNull();
    await until(() => second.remembersSessions());
  });
});
