// The dispute page's action: each form's intent as one procedure call, the server's
// confirmation or its Chinese refusal, and on a refusal the user's input to fill the form again.
import { badForm, form, type ActionResult, type RouteArgs } from '@zhengfa/ui';
import { disputeKit, type DisputeCalls } from '../api.js';
import { page as s } from '../strings.js';
import { keptValues, partiesOn, readExtension, readObligations, type KeptValues } from './submission.js';

export type DisputeActionResult = ActionResult & { values?: KeptValues };

type Step = (c: DisputeCalls, fd: FormData, target: { disputeId: string; version: number }) => Promise<unknown>;

/** Each intent: its success message and its call. */
export const steps: Record<string, [string, Step]> = {
  reveal: ['', (c, _fd, t) => c.mediation.disputes.reveal({ id: t.disputeId })],
  triage: [
    s.triaged,
    (c, fd, t) =>
      c.mediation.disputes.triage({
        ...t,
        route: form.str(fd, 'route') as 'mediate',
        orgId: form.optStr(fd, 'orgId') ?? null,
        reason: form.optStr(fd, 'reason') ?? null,
      }),
  ],
  acknowledge: [s.acknowledgedDone, (c, fd) => c.mediation.disputes.acknowledgeHandoff({ handoffId: form.str(fd, 'handoffId'), receivedBy: form.str(fd, 'receivedBy') })],
  urge: [
    s.urged,
    (c, fd, t) =>
      c.mediation.disputes.urge({ disputeId: t.disputeId, urgedOn: form.str(fd, 'urgedOn'), urgedParty: form.str(fd, 'urgedParty'), note: form.optStr(fd, 'note') ?? null }),
  ],
  accept: [
    s.accepted,
    (c, fd, t) => c.mediation.mediations.accept({ ...t, acceptedOn: form.str(fd, 'acceptedOn'), consents: partiesOn(fd, 'consentParty', 'consentedOn', 'consentedOn') }),
  ],
  withdraw: [
    s.withdrawn,
    (c, fd, t) => c.mediation.mediations.withdraw({ ...t, partyId: form.str(fd, 'partyId'), withdrawnOn: form.str(fd, 'withdrawnOn'), reason: form.str(fd, 'reason') }),
  ],
  assign: [s.assigned, (c, fd, t) => c.mediation.mediations.assignMediators({ ...t, mediatorIds: form.list(fd, 'mediatorIds') })],
  declareConflict: [
    s.declared,
    (c, fd, t) =>
      c.mediation.mediations.declareConflict({
        ...t,
        assignmentId: form.str(fd, 'assignmentId'),
        kind: form.str(fd, 'kind') as 'party',
        detail: form.str(fd, 'detail'),
        declaredOn: form.str(fd, 'declaredOn'),
      }),
  ],
  replace: [s.replaced, (c, fd, t) => c.mediation.mediations.replaceMediator({ ...t, assignmentId: form.str(fd, 'assignmentId'), replacementId: form.str(fd, 'replacementId') })],
  recordSession: [
    s.sessionRecorded,
    (c, fd, t) =>
      c.mediation.mediations.recordSession({
        ...t,
        heldOn: form.str(fd, 'heldOn'),
        place: form.str(fd, 'place'),
        partyIds: form.list(fd, 'partyIds'),
        mediatorIds: form.list(fd, 'mediatorIds'),
        record: form.str(fd, 'record'),
        ...(form.optStr(fd, 'clientKey') ? { clientKey: form.str(fd, 'clientKey') } : {}),
      }),
  ],
  extend: [s.extended, (c, fd, t) => c.mediation.mediations.extend({ ...t, reason: form.str(fd, 'reason'), agreedOn: form.str(fd, 'agreedOn'), ...readExtension(fd) })],
  escalate: [
    s.escalated,
    (c, fd, t) =>
      c.mediation.mediations.escalate({
        ...t,
        urgency: form.str(fd, 'urgency') as 'normal',
        leadLeaderId: form.str(fd, 'leadLeaderId'),
        handlerName: form.str(fd, 'handlerName'),
        handlerPhone: form.optStr(fd, 'handlerPhone') ?? null,
        resolutionPlan: form.str(fd, 'resolutionPlan'),
        deadline: form.str(fd, 'deadline'),
        leadUnitId: form.str(fd, 'leadUnitId'),
        cooperatingUnitIds: form.list(fd, 'cooperatingUnitIds'),
        flagReason: form.optStr(fd, 'flagReason') ?? null,
      }),
  ],
  escalateObligation: [
    s.escalated,
    (c, fd, t) =>
      c.mediation.followUp.escalate({
        ...t,
        obligationId: form.str(fd, 'obligationId'),
        urgency: form.str(fd, 'urgency') as 'normal',
        leadLeaderId: form.str(fd, 'leadLeaderId'),
        handlerName: form.str(fd, 'handlerName'),
        handlerPhone: form.optStr(fd, 'handlerPhone') ?? null,
        resolutionPlan: form.str(fd, 'resolutionPlan'),
        deadline: form.str(fd, 'deadline'),
        leadUnitId: form.str(fd, 'leadUnitId'),
        cooperatingUnitIds: form.list(fd, 'cooperatingUnitIds'),
      }),
  ],
  settle: [
    s.settled,
    (c, fd, t) => {
      const written = form.str(fd, 'form') !== 'oral';
      return c.mediation.outcomes.settle({
        ...t,
        form: written ? 'written' : 'oral',
        agreedOn: form.str(fd, 'agreedOn'),
        terms: form.str(fd, 'terms'),
        obligations: readObligations(fd),
        ...(written ? { signatures: partiesOn(fd, 'signedParty', 'signedOn', 'signedOn') } : {}),
      });
    },
  ],
  terminate: [
    s.terminated,
    (c, fd, t) =>
      c.mediation.outcomes.terminate({ ...t, terminatedOn: form.str(fd, 'terminatedOn'), reason: form.str(fd, 'reason'), routes: form.list(fd, 'routes') as 'litigation'[] }),
  ],
  apply: [s.applied, (c, fd, t) => c.mediation.confirmation.application({ ...t, appliedOn: form.str(fd, 'appliedOn'), court: form.str(fd, 'court') })],
  rule: [
    s.ruled,
    (c, fd, t) =>
      c.mediation.confirmation.ruling({ ...t, ruling: form.str(fd, 'ruling') as 'confirmed', ruledOn: form.str(fd, 'ruledOn'), rulingNo: form.str(fd, 'rulingNo') }),
  ],
  visit: [
    s.visited,
    (c, fd, t) =>
      c.mediation.followUp.visit({
        ...t,
        obligationId: form.optStr(fd, 'obligationId') ?? null,
        visitedOn: form.str(fd, 'visitedOn'),
        method: form.str(fd, 'method') as 'visit',
        visitor: form.str(fd, 'visitor'),
        result: form.str(fd, 'result') as 'full',
        note: form.optStr(fd, 'note') ?? null,
      }),
  ],
  close: [s.closed, (c, _fd, t) => c.mediation.followUp.close(t)],
};

export async function disputeAction(args: RouteArgs): Promise<DisputeActionResult> {
  const disputeId = args.params.id ?? '';
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const step = Object.hasOwn(steps, intent) ? steps[intent] : undefined;
  if (!step) return badForm(intent);
  const [message, call] = step;
  const target = { disputeId, version: form.int(fd, 'version') };
  const result = await disputeKit.mutate(args, intent, message, (c) => call(c, fd, target));
  return result.ok ? result : { ...result, values: keptValues(fd) };
}

