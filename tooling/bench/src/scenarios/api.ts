// Ledger, search and dashboard through the real server: tRPC over HTTP with session
// cookies, one session per client, clients spread over the counties.
import { runLoad, type LoadResult } from '../load.js';
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
