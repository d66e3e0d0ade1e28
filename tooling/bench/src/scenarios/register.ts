// Registering matters through the API: each registration takes a document number, writes
// the case, its parties, its first timeline event, an audit row and an outbox event in one
// transaction. Clients are committee supervisors of different counties.
import { Rng, seedOf } from '../prng.js';
import { runAtRate, runLoad, type LoadResult } from '../load.js';
import * as v from '../vocab.js';
import type { ScenarioContext } from './common.js';
import type { Session } from '../server.js';
import { atRateName, OFFERED_LOAD_TARGETS } from '../targets.js';

/** The rate the register target names: its p99 is read at this offered load (runAtRate, targets.ts). */
export const REGISTER_TARGET_RATE = OFFERED_LOAD_TARGETS.find((t) => t.scenarios.includes('register'))!.rate;

function registrations(supervisors: Session[], runId: string) {
  const rng = new Rng(seedOf('register', runId));
  const sources = ['letter', 'visit', 'online', 'phone'] as const;
  return (client: number, i: number) => {
    const subject = rng.pick(v.subjects);
    const who = rng.pick(v.surnames) + rng.pick(v.givenChars) + rng.pick(v.givenChars);
    return supervisors[client % supervisors.length]!.mutate('register', {
      kind: 'supervision',
      title: `${who}反映${rng.pick(subject.detail)}`.slice(0, 100),
      summary: `${who}反映${rng.pick(v.townshipHeads)}镇${subject.word}问题，${rng.pick(subject.detail)}，请求${rng.pick(v.demands)}。`,
      source: rng.pick(sources),
      urgency: rng.chance(0.2) ? 'urgent' : 'normal',
      isKey: false,
      parties: [{ name: who }],
      idempotencyKey: `bench-${runId}-${client}-${i}`,
    });
  };
}

/** Closed loop: 32 supervisors registering back to back, the throughput it saturates at. */
export async function registerApi(ctx: ScenarioContext, supervisors: Session[], runId: string): Promise<LoadResult> {
  return runLoad('register', ctx, registrations(supervisors, runId), ctx.log);
}

/**
 * Open loop: registrations falling due at `rate` a second from the same 32 supervisors
 * (at most one each in flight), each timed from when it fell due.
 */
export async function registerAtRate(ctx: ScenarioContext, supervisors: Session[], runId: string, rate = REGISTER_TARGET_RATE): Promise<LoadResult> {
  return runAtRate(atRateName('register', rate), { rate, seconds: ctx.seconds, maxInFlight: ctx.concurrency, cpu: ctx.cpu, serverStalls: ctx.serverStalls }, registrations(supervisors, `${runId}-rate`), ctx.log);
}
