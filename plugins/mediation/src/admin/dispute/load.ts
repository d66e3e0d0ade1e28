// The dispute page's data: the dispute (parties masked), its mediation phase, sessions and
// outcome, what the signed-in user may do, and the choices its forms offer.
import { handlingUnits, usersWithRole } from '@zhengfa/ui';
import type { DisputeCalls } from '../api.js';

export function abilities(permissions: readonly string[]) {
  const has = (p: string) => permissions.includes(p);
  return {
    reveal: has('mediation.reveal'),
    triage: has('mediation.triage'),
    mediate: has('mediation.mediate'),
    escalate: has('mediation.escalate'),
    outcomes: has('mediation.outcomes'),
  };
}

/** The documents that apply to a dispute in its state. */
export function documentsFor(d: { status: string; agreementForm: string | null; terminated: boolean; hasFollowUps: boolean }): string[] {
  const out = ['registration'];
  if (d.agreementForm === 'written') out.push('agreement', 'confirmation_application');
  if (d.terminated) out.push('termination');
  if (d.hasFollowUps) out.push('follow_up');
  return out;
}

export async function loadDisputePage(c: DisputeCalls, id: string, permissions: readonly string[]) {
  const can = abilities(permissions);
  const [dispute, mediation, outcome, sessions] = await Promise.all([
    c.mediation.disputes.get({ id }),
    c.mediation.mediations.get({ disputeId: id }),
    c.mediation.outcomes.get({ disputeId: id }),
    c.mediation.mediations.sessions({ disputeId: id }),
  ]);
  const mediating = dispute.status === 'mediating';
  const registered = dispute.status === 'registered';
  // Escalation of the dispute under mediation, or of an obligation a return visit found unperformed.
  const escalating = mediating || (dispute.status === 'agreed' && outcome.obligations.some((x) => (x.performance === 'none' || x.performance === 'partial') && !x.escalation));
  const [mediators, organisations, orgs, leaders] = await Promise.all([
    can.mediate && (mediating || registered) ? c.mediation.mediators.list({ activeOnly: true }) : Promise.resolve([]),
    can.triage && registered ? c.mediation.organisations.list({ activeOnly: true }) : Promise.resolve([]),
    can.escalate && escalating ? c.orgs.tree() : Promise.resolve([]),
    can.escalate && escalating ? usersWithRole(c, 'leader') : Promise.resolve([]),
  ]);
  const documents = documentsFor({
    status: dispute.status,
    agreementForm: outcome.agreement?.form ?? null,
    terminated: outcome.termination !== null,
    hasFollowUps: outcome.followUps.length > 0,
  });
  return { dispute, mediation, outcome, sessions, can, mediators, organisations, units: handlingUnits(orgs), leaders, documents };
}

export type DisputePageData = Awaited<ReturnType<typeof loadDisputePage>>;

/** The day in China of `at`: only the forms' default dates (the server dates every record by its own clock). */
export function consoleToday(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);
}
