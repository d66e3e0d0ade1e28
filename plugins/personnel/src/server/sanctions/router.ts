// trpc.personnel.sanctions.* and trpc.personnel.accountability.*: outcomes and sanctions with
// their effect periods, and error-case accountability.
import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, messages as m } from '../discipline-strings.js';
import { decide, defend, listAccountability, myAccountability, recordFinding, review, reviewResults } from './accountability.js';
import { sanctionKinds } from './periods.js';
import { decideSanction, eligibility, listPeriods, listSanctions, setPeriod } from './service.js';
import { disciplineStatistics } from './statistics.js';

const P = 'personnel.discipline';

export const sanctionsRouter = {
  decide: permissionProcedure(P)
    .input(
      z.object({
        officerId: f.uuid(n.officerId),
        clueId: f.uuid(n.clueId).nullish(),
        form: f.int(n.form, { min: 1, max: 4 }),
        kind: f.choice(n.kind, sanctionKinds),
        probationYears: f.withLabel(z.union([z.literal(1), z.literal(2)], { error: `「${n.probationYears}」应为一年或二年` }), n.probationYears).nullish(),
        decidedOn: f.isoDate(n.decidedOn, { notFuture: true }),
        decisionNo: f.optionalText(n.decisionNo, { max: 100 }),
        reason: f.text(n.reason, { min: 1, max: 5000 }),
      }),
    )
    .mutation(({ ctx, input }) => decideSanction(ctx, input)),
  list: permissionProcedure(P)
    .input(z.object({ officerId: f.uuid(n.officerId).optional(), inForce: f.bool(n.inForce).optional() }).optional())
    .query(({ ctx, input }) => listSanctions(ctx, input ?? {})),
  periods: permissionProcedure(P).query(({ ctx }) => listPeriods(ctx)),
  setPeriod: permissionProcedure(P)
    .input(z.object({ kind: f.choice(n.kind, sanctionKinds), months: f.int(n.months, { min: 1, max: 600 }) }))
    .mutation(({ ctx, input }) => setPeriod(ctx, input)),
  /** Whether an officer may be commended or promoted on a day. */
  eligibility: permissionProcedure('personnel.commendations')
    .input(z.object({ officerId: f.uuid(n.officerId), on: f.isoDate(n.on).optional() }))
    .query(({ ctx, input }) => eligibility(ctx, input.officerId, input.on)),
  /** Clues and outcomes by unit and form, and the sanctions in force (counts; audited). */
  statistics: permissionProcedure(P)
    .input(
      z
        .object({ from: f.isoDate(n.from), to: f.isoDate(n.to) })
        .refine((v) => v.from <= v.to, { error: m.periodReversed, path: ['to'] }),
    )
    .query(({ ctx, input }) => disciplineStatistics(ctx, input.from, input.to)),
};

const ref = { id: f.uuid(n.accountabilityId), version: f.version(n.version) };

export const accountabilityRouter = {
  find: permissionProcedure(P)
    .input(z.object({ officerId: f.uuid(n.officerId), caseRef: f.text(n.caseRef, { min: 1, max: 200 }), finding: f.text(n.finding, { min: 1, max: 5000 }), foundOn: f.isoDate(n.foundOn, { notFuture: true }) }))
    .mutation(({ ctx, input }) => recordFinding(ctx, input)),
  /** 申辩: the officer concerned (or the discipline staff on their behalf). */
  defend: authedProcedure
    .input(z.object({ ...ref, defence: f.text(n.defence, { min: 1, max: 5000 }), on: f.isoDate(n.defendedOn, { notFuture: true }) }))
    .mutation(({ ctx, input }) => defend(ctx, input)),
  decide: permissionProcedure(P)
    .input(z.object({ ...ref, decision: f.text(n.decision, { min: 1, max: 5000 }), on: f.isoDate(n.decidedOn, { notFuture: true }), sanctionId: f.uuid(n.sanctionId).nullish() }))
    .mutation(({ ctx, input }) => decide(ctx, input)),
  review: permissionProcedure(P)
    .input(
      z.object({
        ...ref,
        request: f.text(n.reviewRequest, { min: 1, max: 5000 }),
        result: f.choice(n.reviewResult, reviewResults),
        note: f.optionalText(n.reviewNote, { max: 5000 }),
        on: f.isoDate(n.reviewedOn, { notFuture: true }),
      }),
    )
    .mutation(({ ctx, input }) => review(ctx, input)),
  list: permissionProcedure(P)
    .input(z.object({ officerId: f.uuid(n.officerId).optional() }).optional())
    .query(({ ctx, input }) => listAccountability(ctx, input?.officerId)),
  mine: authedProcedure.query(({ ctx }) => myAccountability(ctx)),
};
