// Registering matters through the API: each registration takes a document number, writes
// the case, its parties, its first timeline event, an audit row and an outbox event in one
// transaction. Clients are committee supervisors of different counties.
import { Rng, seedOf } from '../prng.js';
import { runLoad, type LoadResult } from '../load.js';
import * as v from '../vocab.js';
import type { ScenarioContext } from './common.js';
import type { Session } from '../server.js';

export async function registerApi(ctx: ScenarioContext, supervisors: Session[], runId: string): Promise<LoadResult> {
  const rng = new Rng(seedOf('register', runId));
  const sources = ['letter', 'visit', 'online', 'phone'] as const;
  return runLoad('register', ctx, (client, i) => {
    const subject = rng.pick(v.subjects);
    const who = rng.pick(v.surnames) + rng.pick(v.givenChars) + rng.pick(v.givenChars);
    return supervisors[client % supervisors.length]!.api.cases.register.mutate({
      kind: 'supervision',
      title: `${who}反映${rng.pick(subject.detail)}`.slice(0, 100),
      summary: `${who}反映${rng.pick(v.townshipHeads)}镇${subject.word}问题，${rng.pick(subject.detail)}，请求${rng.pick(v.demands)}。`,
      source: rng.pick(sources),
      urgency: rng.chance(0.2) ? 'urgent' : 'normal',
      isKey: false,
      parties: [{ name: who }],
      idempotencyKey: `bench-${runId}-${client}-${i}`,
    });
  }, ctx.log);
}
