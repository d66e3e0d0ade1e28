// The authorization matrix (issue 29): every procedure of the kernel and the installed
// plugins and every HTTP route of the server, called by every demo built-in role, a police
// user holding every business permission, the procuratorate's liaison, an officer of a
// neighbouring county and nobody, on a target of the caller's own unit, another unit and
// another county; each answer compared with the declared one (procedures.ts, routes.ts),
// refusals by their exact code and message. A procedure or route without a declaration
// fails the first tests.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@zhengfa/kernel';
import { describeEachEngine, writeProbeSummary } from '@zhengfa/test-utils';
import { accessRefusal, judge, leaks, probeTargets, relationOf, refused, type Outcome, type ProbeContext, type ProcedureDeclaration } from './matrix.js';
import { procedureDeclarations } from './procedures.js';
import { judgeResponse, routeAccessRefusal, routeDeclarations } from './routes.js';
import { buildWorld, identityKeys, type World } from './world.js';

/**
 * Routes that are not endpoints of their own: middleware, /trpc (the procedures), the
 * console's pages and, where the console is built, its static files (the same for anyone).
 */
const NOT_ENDPOINTS = new Set(['ALL /*', 'ALL /trpc/*', 'ALL /assets/*', 'ALL /favicon.ico']);

function routeKeys(w: World): string[] {
  return [...new Set(w.app.routes.map((r) => `${r.method} ${r.path}`))].filter((k) => !NOT_ENDPOINTS.has(k)).sort();
}

function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split('.').reduce((o: any, k) => o[k], caller) as (input: unknown) => Promise<unknown>;
}

describeEachEngine('the authorization matrix', (engine) => {
  let w: World;
  const broken: string[] = [];
  let calls = 0;
  let finished = 0;
  const nameOf = (p: string) => w.t.kernel.host.permissionName(p);

  beforeAll(async () => {
    w = await buildWorld(engine);
  }, 600_000);

  afterAll(async () => {
    if (!w) return;
    const procedures = Object.keys(procedureDeclarations).length;
    const routes = Object.keys(routeDeclarations).length;
    const held = finished === 3 && broken.length === 0 ? 'all held' : `${broken.length} broke`;
    writeProbeSummary(
      `authorization-matrix-${engine}`,
      `authorization matrix [${engine}]: ${procedures} procedures and ${routes} routes × ${identityKeys.length} identities (own unit, other unit, other county) = ${calls} calls, ${held}`,
    );
    // Ledger exports the probes started finish in the background: let them, before the database goes.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const r = await sql<{ n: number }>`select count(*)::int as n from kernel.exports where status not in ('done', 'failed')`.execute(w.t.database.db);
      if (r.rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await w.stop();
  }, 120_000);

  it('declares every procedure of the kernel and the installed plugins, and no other', () => {
    const procedures = Object.keys(w.t.kernel.router._def.procedures).sort();
    expect(Object.keys(procedureDeclarations).sort()).toEqual(procedures);
  });

  it('declares for every procedure the access its builder records', () => {
    const records = w.t.kernel.router._def.procedures as unknown as Record<string, { _def: { meta?: unknown } }>;
    const differs = Object.entries(procedureDeclarations)
      .filter(([path, d]) => JSON.stringify(records[path]?._def.meta) !== JSON.stringify(d.access))
      .map(([path, d]) => `${path}: declared ${JSON.stringify(d.access)}, recorded ${JSON.stringify(records[path]?._def.meta)}`);
    expect(differs).toEqual([]);
  });

  it('declares every HTTP route of the server, and no other', () => {
    expect(Object.keys(routeDeclarations).sort()).toEqual(routeKeys(w));
  });

  const runProcedures = async (entries: [string, ProcedureDeclaration][]) => {
    for (const [path, declaration] of entries) {
      for (const probe of declaration.probes) {
        for (const key of identityKeys) {
          for (const targetKey of probeTargets[probe.over]) {
            const who = w.who[key];
            const target = targetKey ? w.targets[targetKey] : null;
            const c: ProbeContext = { w, who, target, rel: target ? relationOf(who, target) : null };
            const needs = probe.needs && who.userId && !who.permissions.has(probe.needs) ? refused('FORBIDDEN', `您没有「${nameOf(probe.needs)}」权限，请联系安全管理员分配`) : null;
            const expected: Outcome = accessRefusal(declaration.access, who, nameOf) ?? needs ?? probe.expect(c);
            calls += 1;
            const result = await procedureAt(who.caller, path)(await probe.input(c)).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            const where = `${path}${probe.variant ? ` (${probe.variant})` : ''} as ${who.label}${target ? ` on the ${target.key} target` : ''}`;
            const wrong = judge(expected, result);
            if (wrong) broken.push(`${where}: ${wrong}`);
            // Whatever it answers, an answer shows nothing of what the caller may not see.
            const shown = 'value' in result ? leaks(who, Object.values(w.targets), result.value) : [];
            if (shown.length) broken.push(`${where}: shows what the caller may not see: ${shown.join(', ')}`);
          }
        }
      }
    }
  };

  it('holds for every procedure, identity and target', async () => {
    const before = broken.length;
    await runProcedures(Object.entries(procedureDeclarations).filter(([, d]) => !d.last));
    expect(broken.slice(before)).toEqual([]);
    finished += 1;
  }, 600_000);

  it('holds for every HTTP route, identity and target', async () => {
    const before = broken.length;
    for (const [route, declaration] of Object.entries(routeDeclarations)) {
      for (const key of identityKeys) {
        for (const targetKey of probeTargets[declaration.probe.over]) {
          const who = w.who[key];
          const target = targetKey ? w.targets[targetKey] : null;
          const c: ProbeContext = { w, who, target, rel: target ? relationOf(who, target) : null };
          const expected = routeAccessRefusal(declaration.permission, c, nameOf) ?? declaration.probe.expect(c);
          const { path, init } = declaration.probe.request(c);
          const headers = new Headers(init?.headers);
          if (who.cookie) headers.set('cookie', `${SESSION_COOKIE}=${who.cookie}`);
          calls += 1;
          const wrong = await judgeResponse(expected, await w.app.request(path, { ...init, headers }));
          if (wrong) broken.push(`${route} as ${who.label}${target ? ` on the ${target.key} target` : ''}: ${wrong}`);
        }
      }
    }
    expect(broken.slice(before)).toEqual([]);
    finished += 1;
  }, 600_000);

  it('holds for the procedures that end the session, called last', async () => {
    const before = broken.length;
    await runProcedures(Object.entries(procedureDeclarations).filter(([, d]) => d.last));
    expect(broken.slice(before)).toEqual([]);
    finished += 1;
  }, 120_000);
});
