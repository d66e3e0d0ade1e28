// Ledger, search and dashboard through the real server: tRPC over HTTP with session
// cookies, one session per client, clients spread over the counties. The calls go over the
// generator's lean HTTP client (lean-http.ts), as tRPC's httpLink would send them.
import { runAtRate, runLoad, type LoadResult } from '../load.js';
import { atRateName } from '../targets.js';
import type { Session } from '../server.js';
import { ledgerVariants, searchVariant, terms2, terms4, type LedgerVariant, type Persona, type Personas, type ScenarioContext } from './common.js';

/** The ledger's first page for one filter, as an official's console asks for it. */
const firstPage = (session: Session, v: LedgerVariant) => session.query('ledger', { ...v, page: 1, pageSize: 20 });
const dashboard = (session: Session) => session.query('dashboard', {});

/** The scenario kinds measured through the API, as their results are named (`<kind>.<persona>`). */
type ApiKind = 'ledger' | 'search2' | 'search4' | 'dashboard';

/** The request client `slot` sends as its `i`-th of scenario `kind`, for `persona`'s sessions. */
function scenarioRequest(personas: Personas, kind: ApiKind, persona: Persona): (slot: number, i: number) => Promise<unknown> {
  const sessions = personas[persona];
  const session = (slot: number) => sessions[slot % sessions.length]!;
  switch (kind) {
    case 'ledger':
      return (slot, i) => firstPage(session(slot), ledgerVariants[(slot + i) % ledgerVariants.length]!);
    case 'search2':
    case 'search4':
      return (slot, i) => firstPage(session(slot), searchVariant(kind === 'search2' ? terms2 : terms4, slot + i));
    case 'dashboard':
      return (slot) => dashboard(session(slot));
  }
}

export async function ledgerApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  return runLoad(`ledger.${persona}`, ctx, scenarioRequest(personas, 'ledger', persona), ctx.log);
}

export async function searchApi(ctx: ScenarioContext, personas: Personas, persona: Persona, chars: 2 | 4): Promise<LoadResult> {
  return runLoad(`search${chars}.${persona}`, ctx, scenarioRequest(personas, `search${chars}`, persona), ctx.log);
}

/**
 * The same requests as a closed-loop scenario, offered in an open loop at half the
 * throughput that scenario saturated at (runAtRate: each timed from when it fell due, at
 * most `concurrency` in flight). The closed loop's latency is mostly the wait behind the
 * other clients at saturation (mean ≈ clients / throughput); this is the latency of the
 * same requests while the machine still has room, which the targets' PASS/MISS does not
 * use (they are read from the closed loop, as stated).
 */
export async function atHalfLoad(ctx: ScenarioContext, personas: Personas, closed: LoadResult): Promise<LoadResult> {
  const rate = Math.max(1, Math.round(closed.throughput / 2));
  const [kind, persona] = closed.name.split('.') as [ApiKind, Persona];
  return runAtRate(`${closed.name}@50%`, { rate, seconds: ctx.seconds, maxInFlight: ctx.concurrency, cpu: ctx.cpu, serverStalls: ctx.serverStalls }, scenarioRequest(personas, kind, persona), ctx.log);
}

/**
 * The requests of closed-loop scenario `scenario` (e.g. `ledger.committee`) offered in an
 * open loop at `rate` a second, at most `concurrency` in flight, each timed from when it fell
 * due: the latency the offered-load targets are read from (targets.ts).
 */
export async function atOfferedRate(ctx: ScenarioContext, personas: Personas, scenario: string, rate: number): Promise<LoadResult> {
  const [kind, persona] = scenario.split('.') as [ApiKind, Persona];
  return runAtRate(atRateName(scenario, rate), { rate, seconds: ctx.seconds, maxInFlight: ctx.concurrency, cpu: ctx.cpu, serverStalls: ctx.serverStalls }, scenarioRequest(personas, kind, persona), ctx.log);
}

export async function dashboardApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  return runLoad(`dashboard.${persona}`, ctx, scenarioRequest(personas, 'dashboard', persona), ctx.log);
}

/**
 * Unmeasured requests before the first measured scenario. The server and the load
 * generator have just started: V8 has compiled none of their hot paths yet and the pool
 * holds no connections, so whichever scenario ran first paid for that (the committee's
 * ledger: about twice the server's and the generator's CPU per request of the liaison's
 * ledger run a minute later in the same run). A server in service is past that within its
 * first minute. The mix is the scenarios' own requests, for both personas.
 */
export async function warmUp(ctx: ScenarioContext, personas: Personas, seconds: number): Promise<void> {
  const calls = [
    (s: Session, i: number) => firstPage(s, ledgerVariants[i % ledgerVariants.length]!),
    (s: Session, i: number) => firstPage(s, searchVariant(i % 2 ? terms2 : terms4, i)),
    dashboard,
  ];
  const sessions = [...personas.committee, ...personas.liaison];
  await runLoad('warm-up (not recorded)', { concurrency: ctx.concurrency, seconds, warmupSeconds: 0 }, (client, i) => calls[(client + i) % calls.length]!(sessions[(client * 7 + i) % sessions.length]!, client + i), ctx.log);
}
