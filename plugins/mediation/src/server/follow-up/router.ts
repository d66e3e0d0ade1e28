// trpc.mediation.followUp.*: return visits on the performance of an agreement, and closing
// the dispute once everything was performed.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, outcomeFieldNames as o } from '../strings.js';
import { escalateObligation } from './escalation.js';
import { closeDispute, recordVisit, visitMethods, visitResults } from './service.js';

const target = { disputeId: f.uuid(n.disputeId), version: f.version(n.version) };

export const followUpRouter = {
  visit: permissionProcedure('mediation.outcomes')
    .input(
      z.object({
        ...target,
        obligationId: f.uuid(o.obligationId).nullish(),
        visitedOn: f.isoDate(o.visitedOn, { notFuture: true }),
        method: f.choice(o.visitMethod, visitMethods),
        visitor: f.text(o.visitor, { min: 1, max: 50 }),
        result: f.choice(o.performance, visitResults),
        note: f.optionalText(o.visitNote, { max: 2000 }),
      }),
    )
    .mutation(({ ctx, input }) => recordVisit(ctx, input)),
  /** An obligation a return visit found unperformed becomes a kernel matter with its four fixes. */
  escalate: permissionProcedure('mediation.escalate')
    .input(
      z.object({
        ...target,
        obligationId: f.uuid(o.obligationId),
        urgency: f.choice(n.urgency, ['normal', 'urgent', 'critical']),
        leadLeaderId: f.uuid(n.leadLeader),
        handlerName: f.text(n.handlerName, { min: 2, max: 30 }),
        handlerPhone: f.optionalText(n.handlerPhone, { max: 20 }),
        resolutionPlan: f.text(n.resolutionPlan, { min: 4, max: 5000 }),
        deadline: f.isoDate(n.deadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        leadUnitId: f.uuid(n.leadUnit),
        cooperatingUnitIds: f.list(n.cooperatingUnits, f.uuid(n.cooperatingUnits), { max: 20 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => escalateObligation(ctx, input)),
  close: permissionProcedure('mediation.outcomes')
    .input(z.object(target))
    .mutation(({ ctx, input }) => closeDispute(ctx, input)),
};
