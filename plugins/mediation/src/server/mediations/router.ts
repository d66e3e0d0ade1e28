// trpc.mediation.mediations.*: the mediation phase of a dispute routed to mediation here.
// Every input is a zod schema of field.* with the Chinese field names of strings.ts.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../strings.js';
import { acceptMediation, withdrawMediation } from './acceptance.js';
import { escalateDispute } from './escalation.js';
import { assignMediators, conflictKinds, declareConflict, replaceMediator } from './mediators.js';
import { getMediation } from './queries.js';
import { listSessions, recordSession } from './sessions.js';
import { extendMediation } from './time-limit.js';

const step = {
  disputeId: f.uuid(n.disputeId),
  version: f.version(n.version),
};

export const mediationsRouter = {
  get: permissionProcedure('mediation.read')
    .input(z.object({ disputeId: f.uuid(n.disputeId) }))
    .query(({ ctx, input }) => getMediation(ctx, input.disputeId)),
  accept: permissionProcedure('mediation.mediate')
    .input(
      z.object({
        ...step,
        acceptedOn: f.isoDate(n.acceptedOn, { notFuture: true }),
        consents: f.list(n.consents, z.object({ partyId: f.uuid(n.partyId), consentedOn: f.isoDate(n.consentedOn, { notFuture: true }) }), { min: 1, max: 100 }),
      }),
    )
    .mutation(({ ctx, input }) => acceptMediation(ctx, input)),
  withdraw: permissionProcedure('mediation.mediate')
    .input(
      z.object({
        ...step,
        partyId: f.uuid(n.partyId),
        withdrawnOn: f.isoDate(n.withdrawnOn, { notFuture: true }),
        reason: f.text(n.withdrawalReason, { min: 1, max: 1000 }),
      }),
    )
    .mutation(({ ctx, input }) => withdrawMediation(ctx, input)),
  assignMediators: permissionProcedure('mediation.mediate')
    .input(z.object({ ...step, mediatorIds: f.list(n.mediatorIds, f.uuid(n.mediatorIds), { min: 1, max: 10 }) }))
    .mutation(({ ctx, input }) => assignMediators(ctx, input)),
  declareConflict: permissionProcedure('mediation.mediate')
    .input(
      z.object({
        ...step,
        assignmentId: f.uuid(n.assignmentId),
        kind: f.choice(n.conflictKind, conflictKinds),
        detail: f.text(n.conflictDetail, { min: 1, max: 1000 }),
        declaredOn: f.isoDate(n.declaredOn, { notFuture: true }),
      }),
    )
    .mutation(({ ctx, input }) => declareConflict(ctx, input)),
  replaceMediator: permissionProcedure('mediation.mediate')
    .input(z.object({ ...step, assignmentId: f.uuid(n.assignmentId), replacementId: f.uuid(n.replacementId) }))
    .mutation(({ ctx, input }) => replaceMediator(ctx, input)),
  sessions: permissionProcedure('mediation.read')
    .input(z.object({ disputeId: f.uuid(n.disputeId) }))
    .query(({ ctx, input }) => listSessions(ctx, input.disputeId)),
  recordSession: permissionProcedure('mediation.mediate')
    .input(
      z.object({
        ...step,
        heldOn: f.isoDate(n.heldOn, { notFuture: true }),
        place: f.text(n.place, { min: 1, max: 200 }),
        partyIds: f.list(n.partiesPresent, f.uuid(n.partiesPresent), { min: 1, max: 100 }),
        mediatorIds: f.list(n.mediatorsPresent, f.uuid(n.mediatorsPresent), { min: 1, max: 10 }),
        record: f.text(n.record, { min: 1, max: 20000 }),
        clientKey: f.text(n.clientKey, { min: 8, max: 100 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => recordSession(ctx, input)),
  extend: permissionProcedure('mediation.mediate')
    .input(
      z.object({
        ...step,
        reason: f.text(n.extensionReason, { min: 1, max: 1000 }),
        agreedOn: f.isoDate(n.agreedOn, { notFuture: true }),
        newDueOn: f.isoDate(n.newDueOn, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }).nullish(),
        days: f.int(n.extensionDays, { min: 1, max: 365 }).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => extendMediation(ctx, input)),
  escalate: permissionProcedure('mediation.escalate')
    .input(
      z.object({
        ...step,
        urgency: f.choice(n.urgency, ['normal', 'urgent', 'critical']),
        leadLeaderId: f.uuid(n.leadLeader),
        handlerName: f.text(n.handlerName, { min: 2, max: 30 }),
        handlerPhone: f.optionalText(n.handlerPhone, { max: 20 }),
        resolutionPlan: f.text(n.resolutionPlan, { min: 4, max: 5000 }),
        deadline: f.isoDate(n.deadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        leadUnitId: f.uuid(n.leadUnit),
        cooperatingUnitIds: f.list(n.cooperatingUnits, f.uuid(n.cooperatingUnits), { max: 20 }).optional(),
        flagReason: f.optionalText(n.flagReason, { max: 1000 }),
      }),
    )
    .mutation(({ ctx, input }) => escalateDispute(ctx, input)),
};
