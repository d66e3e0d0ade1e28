// trpc.mediation.confirmation.*: the joint application for judicial confirmation and the
// court's ruling.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, outcomeFieldNames as o } from '../strings.js';
import { recordApplication, recordRuling, rulings } from './service.js';

const target = { disputeId: f.uuid(n.disputeId), version: f.version(n.version) };

export const confirmationRouter = {
  application: permissionProcedure('mediation.outcomes')
    .input(z.object({ ...target, appliedOn: f.isoDate(o.appliedOn, { notFuture: true }), court: f.text(o.court, { min: 2, max: 100 }) }))
    .mutation(({ ctx, input }) => recordApplication(ctx, input)),
  ruling: permissionProcedure('mediation.outcomes')
    .input(
      z.object({
        ...target,
        ruling: f.choice(o.ruling, rulings),
        ruledOn: f.isoDate(o.ruledOn, { notFuture: true }),
        rulingNo: f.text(o.rulingNo, { min: 2, max: 100 }),
      }),
    )
    .mutation(({ ctx, input }) => recordRuling(ctx, input)),
};
