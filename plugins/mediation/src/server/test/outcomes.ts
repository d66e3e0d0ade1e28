// Shared steps for the outcome tests: a dispute under mediation by a committee, with its
// parties' ids, and a written agreement to vary.
import { api, disputeInput, type World } from './world.js';

export interface Mediating {
  id: string;
  code: string;
  version: number;
  /** 王建国 (applicant), 李春梅 (respondent). */
  parties: [string, string];
}

export async function committeeOf(w: World, name = '城关镇人民调解委员会'): Promise<string> {
  return (await api(w.sup).organisations.create({ kind: 'township', name })).id;
}

/** Registered on `receivedOn` and routed to mediation by `committee`: version 2. */
export async function mediating(w: World, committee: string, over: Record<string, unknown> = {}): Promise<Mediating> {
  const a = api(w.sup);
  const r = await a.disputes.register(disputeInput(over));
  await a.disputes.triage({ disputeId: r.id, version: 1, route: 'mediate', orgId: committee });
  const o = await a.outcomes.get({ disputeId: r.id });
  return { id: r.id, code: r.code, version: o.version, parties: [o.parties[0].id, o.parties[1].id] };
}

/** A written agreement on `agreedOn`, signed by both parties that day, with two obligations. */
export function writtenAgreement(d: Mediating, agreedOn: string, over: Record<string, unknown> = {}) {
  return {
    disputeId: d.id,
    version: d.version,
    form: 'written',
    agreedOn,
    terms: '双方同意排水沟恢复原走向，李春梅赔偿王建国菜地损失。',
    obligations: [
      { obligorPartyId: d.parties[1], content: '一次性支付菜地损失赔偿款', amount: 1500, dueOn: '2026-10-20' },
      { obligorPartyId: d.parties[0], content: '配合恢复排水沟原走向', dueOn: '2026-10-31' },
    ],
    signatures: [
      { partyId: d.parties[0], signedOn: agreedOn },
      { partyId: d.parties[1], signedOn: agreedOn },
    ],
    ...over,
  };
}
