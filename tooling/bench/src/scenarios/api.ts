// Ledger, search and dashboard through the real server: tRPC over HTTP with session
// cookies, one session per client, clients spread over the counties. The calls go over the
// generator's lean HTTP client (lean-http.ts), as tRPC's httpLink would send them.
import { runLoad, type LoadResult } from '../load.js';
import type { Session } from '../server.js';
import { ledgerVariants, searchVariant, terms2, terms4, type LedgerVariant, type Persona, type Personas, type ScenarioContext } from './common.js';

/** The ledger's first page for one filter, as an official's console asks for it. */
const firstPage = (session: Session, v: LedgerVariant) => session.query('ledger', { ...v, page: 1, pageSize: 20 });
const dashboard = (session: Session) => session.query('dashboard', {});

export async function ledgerApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  const sessions = personas[persona];
  return runLoad(`ledger.${persona}`, ctx, (client, i) => {
    const v = ledgerVariants[(client + i) % ledgerVariants.length]!;
    return firstPage(sessions[client % sessions.length]!, v);
  }, ctx.log);
}

export async function searchApi(ctx: ScenarioContext, personas: Personas, persona: Persona, chars: 2 | 4): Promise<LoadResult> {
  const sessions = personas[persona];
  const terms = chars === 2 ? terms2 : terms4;
  return runLoad(`search${chars}.${persona}`, ctx, (client, i) => {
    return firstPage(sessions[client % sessions.length]!, searchVariant(terms, client + i));
  }, ctx.log);
}

export async function dashboardApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  const sessions = personas[persona];
  return runLoad(`dashboard.${persona}`, ctx, (client) => dashboard(sessions[client % sessions.length]!), ctx.log);
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
