import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, writeProbeSummary, type TestKernel } from '../testing/index.js';
import { createSession, SESSION_COOKIE, sessionIdOf } from './sessions.js';

// Sessions end after 30 idle minutes or 12 hours in all. The clock is the `now` a request
// is resolved at (RequestInput.now) and a session is created at: no test waits.
describeEachEngine('session expiry', (engine) => {
  let t: TestKernel;
  // The suite's figures, printed at the end of CI with the other probe suites'.
  const figures = { sessions: 0, requests: 0, ended: 0 };
  let held = 0;
  const TESTS = 4;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(async () => {
    writeProbeSummary(
      `session-expiry-${engine}`,
      `session expiry [${engine}]: ${figures.sessions} sessions, ${figures.requests} requests at controlled times (idle 30 min, absolute 12 h), ${figures.ended} ended when due; ${held === TESTS ? 'all held' : `${TESTS - held} of ${TESTS} broke`}`,
    );
    await t.stop();
  });

  const start = new Date('2026-11-23T01:00:00.000Z');
  const at = (minutes: number, ms = 0) => new Date(start.getTime() + minutes * 60_000 + ms);

  /** A session of `username` begun at `start`. */
  async function sessionOf(username: string): Promise<string> {
    figures.sessions++;
    const u = await t.database.db.selectFrom('kernel.users').select(['tenant_id', 'id']).where('username', '=', username).executeTakeFirstOrThrow();
    return (await createSession(t.database.db, { tenantId: u.tenant_id, userId: u.id, ip: '127.0.0.1', userAgent: 'vitest' }, start)).token;
  }

  const userAt = async (token: string, now: Date) => {
    figures.requests++;
    return (await t.kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}` }), ip: '127.0.0.1', now })).user?.username ?? null;
  };

  const expiries = async (username: string) => {
    const r = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log a join kernel.users u on u.id = a.actor_id
      where a.action = 'auth.session.expired' and u.username = ${username}`.execute(t.database.db);
    return r.rows[0]!.n;
  };

  it('keeps an unused session for exactly 30 minutes', async () => {
    const token = await sessionOf('leader');
    expect(await userAt(token, at(30))).toBe('leader');
    held++;
  });

  it('ends a session unused for more than 30 minutes, deletes it and audits the expiry', async () => {
    const token = await sessionOf('auditor');
    expect(await userAt(token, at(30, 1))).toBeNull();
    const row = await sql`select 1 from kernel.sessions where id = ${sessionIdOf(token)}`.execute(t.database.db);
    expect(row.rows).toHaveLength(0);
    expect(await expiries('auditor')).toBe(1);
    // Ended is ended: going back in time does not revive it.
    expect(await userAt(token, at(10))).toBeNull();
    figures.ended++;
    held++;
  });

  it('counts the idle minutes from the last use', async () => {
    const token = await sessionOf('liaison');
    expect(await userAt(token, at(20))).toBe('liaison');
    expect(await userAt(token, at(50))).toBe('liaison');
    expect(await userAt(token, at(80, 1))).toBeNull();
    figures.ended++;
    held++;
  });

  it('ends a session 12 hours after it began however busy it is', async () => {
    const token = await sessionOf('secadmin');
    for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
      expect(await userAt(token, at(minutes))).toBe('secadmin');
    }
    expect(await userAt(token, at(12 * 60, 1))).toBeNull();
    expect(await expiries('secadmin')).toBe(1);
    figures.ended++;
    held++;
  }, 60_000);
});
