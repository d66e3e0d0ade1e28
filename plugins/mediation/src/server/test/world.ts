// Shared steps for the plugin's tests: a test kernel with the plugin on a fixed clock, the
// demo users signed in, and a valid registration to vary.
import { createTestClock, startTestKernel, type ActingUser, type TestClock, type TestEngine, type TestKernel } from '@zhengfa/test-utils';
import mediation from '../index.js';

export interface World {
  t: TestKernel;
  clock: TestClock;
  sup: ActingUser;
  leader: ActingUser;
  liaison: ActingUser;
}

/** 10:00 in China on `day`. */
export function chinaMorning(day: string): string {
  return `${day}T02:00:00Z`;
}

export async function startWorld(engine: TestEngine, today: string): Promise<World> {
  const clock = createTestClock(chinaMorning(today));
  const t = await startTestKernel({ engine, plugins: [mediation], clock });
  const [sup, leader, liaison] = [await t.signIn('supervisor'), await t.signIn('leader'), await t.signIn('liaison')];
  return { t, clock, sup, leader, liaison };
}

/** The plugin's procedures on a caller. */
export function api(u: ActingUser): any {
  return (u.caller as any).mediation;
}

export function disputeInput(over: Record<string, unknown> = {}) {
  return {
    source: 'walk_in',
    receivedOn: '2026-09-30',
    summary: '相邻两户因排水沟改道发生争执',
    disputeType: '邻里纠纷',
    amount: 3000,
    personCount: 2,
    riskLevel: 'low',
    parties: [
      { kind: 'person', role: 'applicant', name: '王建国', idNumber: '430102199001011234', phone: '13812345678' },
      { kind: 'person', role: 'respondent', name: '李春梅', phone: '0731-84123456' },
    ],
    ...over,
  };
}

/** A committee of the roster with its mediators, by name. */
export async function committee(w: World, name: string, mediatorNames: string[]): Promise<{ orgId: string; mediators: Record<string, string> }> {
  const a = api(w.sup);
  const orgId = (await a.organisations.create({ kind: 'township', name })).id as string;
  const mediators: Record<string, string> = {};
  for (const m of mediatorNames) mediators[m] = (await a.mediators.create({ orgId, name: m, specialities: ['邻里纠纷'] })).id;
  return { orgId, mediators };
}

export interface InMediation {
  id: string;
  code: string;
  /** The dispute's version after triage. */
  version: number;
  /** The parties' ids by name. */
  parties: Record<string, string>;
}

/** A dispute registered and routed to mediation by the committee `orgId` (status 'mediating'). */
export async function mediating(w: World, orgId: string, over: Record<string, unknown> = {}): Promise<InMediation> {
  const a = api(w.sup);
  const { id, code } = await a.disputes.register(disputeInput(over));
  const { version } = await a.disputes.triage({ disputeId: id, version: 1, route: 'mediate', orgId });
  const d = await a.disputes.get({ id });
  return { id, code, version, parties: Object.fromEntries(d.parties.map((p: any) => [p.name, p.id])) };
}

/** Accepts the dispute for mediation with every party's consent on `on`; answers the new version. */
export async function accepted(w: World, d: InMediation, on: string): Promise<number> {
  const r = await api(w.sup).mediations.accept({
    disputeId: d.id,
    version: d.version,
    acceptedOn: on,
    consents: Object.values(d.parties).map((partyId) => ({ partyId, consentedOn: on })),
  });
  return r.version;
}
