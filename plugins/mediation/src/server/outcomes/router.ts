// trpc.mediation.outcomes.*: the outcome of a dispute under mediation (agreement or
// termination) and the view of it.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, outcomeFieldNames as o } from '../strings.js';
import { readOutcome } from './queries.js';
import { agreementForms, openRoutes, settleDispute, terminateMediation } from './service.js';

const amount = f.withLabel(
  z
    .number({ error: `「${o.obligationAmount}」应为数字` })
    .min(0, { error: `「${o.obligationAmount}」不能小于 0` })
    .max(1_000_000_000_000, { error: `「${o.obligationAmount}」不能大于 1000000000000` }),
  o.obligationAmount,
);

const obligationSchema = z.object({
  obligorPartyId: f.uuid(o.obligor),
  content: f.text(o.obligationContent, { min: 1, max: 1000 }),
  amount: amount.nullish(),
  dueOn: f.isoDate(o.dueOn),
});

const signatureSchema = z.object({
  partyId: f.uuid(o.signedParty),
  signedOn: f.isoDate(o.signedOn, { notFuture: true }),
});

const target = { disputeId: f.uuid(n.disputeId), version: f.version(n.version) };

export const outcomesRouter = {
  get: permissionProcedure('mediation.read')
    .input(z.object({ disputeId: f.uuid(n.disputeId) }))
    .query(({ ctx, input }) => readOutcome(ctx, ctx.db, input.disputeId)),
  settle: permissionProcedure('mediation.outcomes')
    .input(
      z.object({
        ...target,
        form: f.choice(o.form, agreementForms),
        agreedOn: f.isoDate(o.agreedOn, { notFuture: true }),
        terms: f.text(o.terms, { min: 1, max: 10000 }),
        obligations: f.list(o.obligations, obligationSchema, { max: 50 }),
        signatures: f.list(o.signatures, signatureSchema, { max: 100 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => settleDispute(ctx, input)),
  terminate: permissionProcedure('mediation.outcomes')
    .input(
      z.object({
        ...target,
        terminatedOn: f.isoDate(o.terminatedOn, { notFuture: true }),
        reason: f.text(o.terminationReason, { min: 2, max: 2000 }),
        routes: f.list(o.openRoutes, f.choice(o.openRoutes, openRoutes), { min: 1, max: openRoutes.length }),
      }),
    )
    .mutation(({ ctx, input }) => terminateMediation(ctx, input)),
};
