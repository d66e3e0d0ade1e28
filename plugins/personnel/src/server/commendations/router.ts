// trpc.personnel.commendations.* and trpc.personnel.assessments.*.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../discipline-strings.js';
import { assess, assessments, award, commendationKinds, commendations, grades } from './service.js';

const P = 'personnel.commendations';
const periodField = f.withLabel(
  z.string({ error: `请填写「${n.period}」` }).regex(/^(199\d|20\d{2})(-Q[1-4])?$/, { error: `「${n.period}」应为年度（如 2026）或季度（如 2026-Q1）` }),
  n.period,
);

export const commendationsRouter = {
  award: permissionProcedure(P)
    .input(
      z.object({
        kind: f.choice(n.commendationKind, commendationKinds),
        officerId: f.uuid(n.officerId).nullish(),
        unitId: f.uuid(n.unitId).nullish(),
        caseRef: f.optionalText(n.caseRef, { max: 200 }),
        title: f.text(n.title, { min: 2, max: 100 }),
        awardedOn: f.isoDate(n.awardedOn, { notFuture: true }),
        awardedBy: f.optionalText(n.awardedBy, { max: 100 }),
      }),
    )
    .mutation(({ ctx, input }) => award(ctx, input)),
  list: permissionProcedure(P)
    .input(z.object({ year: f.int(n.year, { min: 2000, max: 2100 }).optional(), officerId: f.uuid(n.officerId).optional() }).optional())
    .query(({ ctx, input }) => commendations(ctx, input ?? {})),
};

export const assessmentsRouter = {
  record: permissionProcedure(P)
    .input(
      z.object({
        officerId: f.uuid(n.officerId),
        period: periodField,
        grade: f.choice(n.grade, grades),
        assessedOn: f.isoDate(n.assessedOn, { notFuture: true }),
        note: f.optionalText(n.note, { max: 1000 }),
      }),
    )
    .mutation(({ ctx, input }) => assess(ctx, input)),
  list: permissionProcedure(P)
    .input(z.object({ officerId: f.uuid(n.officerId).optional(), period: periodField.optional() }).optional())
    .query(({ ctx, input }) => assessments(ctx, input ?? {})),
};
