// Ledger, search and dashboard through the real server: tRPC over HTTP with session
// cookies, one session per client, clients spread over the counties.
import { runLoad, type LoadResult } from '../load.js';
import type { Session } from '../server.js';
import { ledgerVariants, searchVariant, terms2, terms4, type Persona, type Personas, type ScenarioContext } from './common.js';

export async function ledgerApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  const sessions = personas[persona];
  return runLoad(`ledger.${persona}`, ctx, (client, i) => {
    const v = ledgerVariants[(client + i) % ledgerVariants.length]!;
    return sessions[client % sessions.length]!.api.cases.ledger.query({ ...v, page: 1, pageSize: 20 });
  }, ctx.log);
}

export async function searchApi(ctx: ScenarioContext, personas: Personas, persona: Persona, chars: 2 | 4): Promise<LoadResult> {
  const sessions = personas[persona];
  const terms = chars === 2 ? terms2 : terms4;
  return runLoad(`search${chars}.${persona}`, ctx, (client, i) => {
    return sessions[client % sessions.length]!.api.cases.ledger.query({ ...searchVariant(terms, client + i), page: 1, pageSize: 20 });
  }, ctx.log);
}

export async function dashboardApi(ctx: ScenarioContext, personas: Personas, persona: Persona): Promise<LoadResult> {
  const sessions = personas[persona];
  return runLoad(`dashboard.${persona}`, ctx, (client) => sessions[client % sessions.length]!.api.cases.dashboard.query({}), ctx.log);
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
    (s: Session, i: number) => s.api.cases.ledger.query({ ...ledgerVariants[i % ledgerVariants.length]!, page: 1, pageSize: 20 }),
    (s: Session, i: number) => s.api.cases.ledger.query({ ...searchVariant(i % 2 ? terms2 : terms4, i), page: 1, pageSize: 20 }),
    (s: Session) => s.api.cases.dashboard.query({}),
  ];
  const sessions = [...personas.committee, ...personas.liaison];
  await runLoad('warm-up (not recorded)', { concurrency: ctx.concurrency, seconds, warmupSeconds: 0 }, (client, i) => calls[(client + i) % calls.length]!(sessions[(client * 7 + i) % sessions.length]!, client + i), ctx.log);
}
