import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { SESSION_COOKIE, sessionIdOf } from './sessions.js';

// Reads (GET) may reuse a session resolved in the last seconds; writes never do, and a
// write empties what reads remembered (auth/principal-cache.ts).
describeEachEngine('sessions remembered for reads', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  const contextAs = (cookie: string, method: string) =>
    t.kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}`, 'user-agent': 'vitest' }), method, ip: '127.0.0.1' });
  /** Ends a session the way another process would: in the database only. */
  const endElsewhere = (cookie: string) => sql`delete from kernel.sessions where id = ${sessionIdOf(cookie)}`.execute(t.database.db);

  it('lets a read reuse a session another process ended moments ago', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(cookie, 'GET')).user?.username).toBe('supervisor');
    await endElsewhere(cookie);
    expect((await contextAs(cookie, 'GET')).user?.username).toBe('supervisor');
  });

  it('never lets a write rely on a remembered session', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(cookie, 'GET')).user).not.toBeNull();
    await endElsewhere(cookie);
    expect((await contextAs(cookie, 'POST')).user).toBeNull();
  });

  it('makes reads after a write see a session ended elsewhere', async () => {
    const { cookie } = await t.signIn('supervisor');
    const other = await t.signIn('leader');
    expect((await contextAs(cookie, 'GET')).user).not.toBeNull();
    await endElsewhere(cookie);
    await contextAs(other.cookie, 'POST');
    expect((await contextAs(cookie, 'GET')).user).toBeNull();
  });

  it('makes reads see a disabled user once the kernel forgets remembered sessions', async () => {
    const { cookie } = await t.signIn('liaison');
    expect((await contextAs(cookie, 'GET')).user).not.toBeNull();
    await sql`update kernel.users set disabled = true where tenant_id = ${t.tenantId} and username = 'liaison'`.execute(t.database.db);
    t.kernel.forgetSessions();
    expect((await contextAs(cookie, 'GET')).user).toBeNull();
    await sql`update kernel.users set disabled = false where tenant_id = ${t.tenantId} and username = 'liaison'`.execute(t.database.db);
  });

  it('reads the session fresh when the request says no method', async () => {
    const { cookie } = await t.signIn('supervisor');
    expect((await contextAs(cookie, 'GET')).user).not.toBeNull();
    await endElsewhere(cookie);
    const ctx = await t.kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}` }) });
    expect(ctx.user).toBeNull();
  });
});
