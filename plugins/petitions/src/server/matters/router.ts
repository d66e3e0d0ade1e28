// trpc.petitions.matters.*: registration, lists, routing, handling, outcomes, relief and
// the petitioner's documents.
import { badRequest, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { buildDocument, documentKinds } from '../notices/documents.js';
import { matterStatusNames, matterStrings as s, petitionFieldNames as n } from '../strings.js';
import { concludeMatter, decideRelief, decideWriteOff, payRelief, recordAcceptance, recordAnswer, requestRelief, requestWriteOff, reviewStep, setCategory } from './handling.js';
import { mattersXlsx } from './export.js';
import { concludeMediated, referToMediation } from './mediation.js';
import { findRepeats, listMatters, matterDetail, matterIdOfCase, revealPetitioners } from './queries.js';
import { categories, petitionerSchema, registerPetition, registerPetitionSchema } from './register.js';
import { continueRouting, routeMatter } from './routing.js';

// Dates of what happened: the services refuse a future one with their own words; the
// schema refuses what is no date at all, or implausible (0000-01-01, 9999-12-31).
const on = (label: string) => f.isoDate(label).optional();
const id = f.uuid(n.matter);
const version = f.version(n.version);
const page = f.int(n.page, { min: 1, max: 100_000 }).default(1);
const statuses = Object.keys(matterStatusNames) as [keyof typeof matterStatusNames, ...(keyof typeof matterStatusNames)[]];

/** What narrows the list (and its export). */
const listFilterShape = {
  from: f.isoDate(n.from).optional(),
  to: f.isoDate(n.to).optional(),
  status: f.choice(n.status, statuses).optional(),
  category: f.choice(n.category, categories).optional(),
  accusation: f.bool(n.accusation).optional(),
  unrouted: f.bool(n.unrouted).optional(),
  mediationSettled: f.bool(n.mediationSettled).optional(),
};

export const mattersRouter = {
  /** 来信来访登记: a new matter (kernel case + petitioners + first visit) or, with linkToMatterId, a repeat visit. */
  register: permissionProcedure('petitions.register')
    .input(registerPetitionSchema)
    .mutation(({ ctx, input }) => registerPetition(ctx, input)),

  /** Likely earlier matters of the same person or on the same issue, offered while registering. */
  findRepeats: permissionProcedure('petitions.register')
    .input(
      z.object({
        petitioners: f.list(n.petitioners, petitionerSchema.pick({ name: true, idNumber: true, phone: true }), { max: 200 }).default([]),
        content: f.text(n.content, { max: 10000 }).default(''),
      }),
    )
    .query(({ ctx, input }) => findRepeats(ctx, input)),

  list: permissionProcedure('petitions.read')
    .input(
      z.object({
        ...listFilterShape,
        page,
        pageSize: f.int(n.pageSize, { min: 1, max: 200 }).default(20),
      }),
    )
    .query(({ ctx, input }) => listMatters(ctx, input)),

  /** The list as filtered (every page), as xlsx: masked as the list shows it; audited. */
  export: permissionProcedure('petitions.read')
    .input(z.object(listFilterShape))
    .mutation(async ({ ctx, input }) => {
      const { rows, ...file } = await mattersXlsx(ctx, input);
      await ctx.audit.record({ action: 'petitions.matters.export', detail: { filter: input, rows } });
      return file;
    }),

  get: permissionProcedure('petitions.read')
    .input(z.object({ id }))
    .query(({ ctx, input }) => matterDetail(ctx, input.id)),

  /** The matter of a kernel case (the petition's panel on the case page); NOT_FOUND when the user may not see it. */
  byCase: permissionProcedure('petitions.read')
    .input(z.object({ caseId: id }))
    .query(async ({ ctx, input }) => matterDetail(ctx, await matterIdOfCase(ctx, input.caseId))),

  /** Unmasked petitioners (all, or one); audited. Accusers only for the committee with petitions.accusations. */
  reveal: permissionProcedure('petitions.reveal')
    .input(z.object({ matterId: id, petitionerId: f.uuid(n.petitioner).optional() }))
    .mutation(({ ctx, input }) => revealPetitioners(ctx, input)),

  /** 分级负责、归口办理: the four fixes, then 立项审批 and 交办 as far as the user may. */
  route: permissionProcedure('petitions.route')
    .input(
      z.object({
        id,
        version,
        leadLeaderId: f.uuid(n.leadLeader),
        // The kernel's limits (its four-fixes schema): the kernel validates what it is given again.
        handlerName: f.text(n.handlerName, { min: 2, max: 30 }),
        handlerPhone: f.text(n.handlerPhone, { max: 20 }).nullish(),
        resolutionPlan: f.text(n.resolutionPlan, { min: 4, max: 5000 }),
        deadline: f.isoDate(n.deadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        leadUnitId: f.uuid(n.leadUnit),
        cooperatingUnitIds: f.list(n.cooperatingUnits, f.uuid(n.cooperatingUnits), { max: 20 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => routeMatter(ctx, input)),

  /** Continues routing: a leader approves (立项审批), then the petition office assigns (交办). */
  continueRouting: permissionProcedure('petitions.route')
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => continueRouting(ctx, input)),

  /** 受理 / 不予受理 (with the reason told to the petitioner), by the lead unit or the committee. */
  recordAcceptance: permissionProcedure('petitions.read')
    .input(z.object({ id, version, accepted: f.bool(n.accepted), note: f.text(n.acceptanceNote, { max: 5000 }).optional(), on: on(n.acceptedOn) }))
    .mutation(({ ctx, input }) => recordAcceptance(ctx, input)),

  /** 处理意见: the answer to the petitioner; opens the 30-day window for 复查. */
  recordAnswer: permissionProcedure('petitions.read')
    .input(z.object({ id, version, answer: f.text(n.answer, { min: 1, max: 10000 }), answeredOn: on(n.answeredOn) }))
    .mutation(({ ctx, input }) => recordAnswer(ctx, input)),

  requestReview: permissionProcedure('petitions.register')
    .input(z.object({ id, version, on: on(n.reviewOn) }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'requestReview', input)),
  decideReview: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, result: f.text(n.reviewResult, { min: 1, max: 10000 }), on: on(n.reviewOn) }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'decideReview', input)),
  requestReReview: permissionProcedure('petitions.register')
    .input(z.object({ id, version, on: on(n.reviewOn) }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'requestReReview', input)),
  decideReReview: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, result: f.text(n.reviewResult, { min: 1, max: 10000 }), on: on(n.reviewOn) }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'decideReReview', input)),

  /** 化解 / 息访 / 终结. 核销 goes through requestWriteOff and decideWriteOff (two people). */
  conclude: permissionProcedure('petitions.conclude')
    .input(
      z.object({
        id,
        version,
        outcome: f.choice(n.outcome, ['resolved', 'stopped', 'concluded', 'written_off']),
        note: f.text(n.outcomeNote, { min: 1, max: 5000 }),
        on: on(n.concludedOn),
      }),
    )
    .mutation(({ ctx, input }) => concludeMatter(ctx, input)),

  /** 访调对接: refers the matter, with the petitioner's consent, to the joint mediation center. */
  referToMediation: permissionProcedure('petitions.route')
    .input(z.object({ id, version, consent: f.bool(n.mediationConsent) }))
    .mutation(({ ctx, input }) => referToMediation(ctx, input)),

  /** Closes a matter the mediation center settled, as 化解 or 息访, in one step. */
  concludeMediated: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, outcome: f.choice(n.mediationOutcome, ['resolved', 'stopped']), note: f.text(n.outcomeNote, { max: 5000 }).optional() }))
    .mutation(({ ctx, input }) => concludeMediated(ctx, input)),

  /** 核销申请: a matter found not law-related (category 其他) is proposed for write-off. */
  requestWriteOff: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, reason: f.text(n.writeOffReason, { min: 1, max: 5000 }), on: on(n.writeOffOn) }))
    .mutation(({ ctx, input }) => requestWriteOff(ctx, input)),

  /** 核销审批 by another officer holding petitions.writeoff: approve (the matter is concluded as 核销) or refuse. */
  decideWriteOff: permissionProcedure('petitions.writeoff')
    .input(z.object({ id, version, approve: f.bool(n.approve), note: f.text(n.decisionNote, { max: 2000 }).optional() }))
    .mutation(({ ctx, input }) => decideWriteOff(ctx, input)),

  setCategory: permissionProcedure('petitions.register')
    .input(z.object({ id, version, category: f.choice(n.category, categories), reason: f.text(n.categoryReason, { min: 1, max: 1000 }) }))
    .mutation(({ ctx, input }) => setCategory(ctx, input)),

  requestRelief: permissionProcedure('petitions.relief')
    .input(
      z.object({
        matterId: id,
        amount: f.withLabel(
          z
            .number({ error: s.reliefAmount })
            .positive(s.reliefAmount)
            .max(10_000_000, s.reliefAmount)
            .refine((v) => Math.round(v * 100) === v * 100, s.reliefAmount),
          n.reliefAmount,
        ),
        reason: f.text(n.reliefReason, { min: 1, max: 2000 }),
        idempotencyKey: f.text(n.idempotencyKey, { min: 8, max: 100 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => requestRelief(ctx, input)),
  decideRelief: permissionProcedure('petitions.relief')
    .input(z.object({ id, version, approve: f.bool(n.approve), note: f.text(n.decisionNote, { max: 2000 }).optional(), on: on(n.reliefDecidedOn) }))
    .mutation(({ ctx, input }) => decideRelief(ctx, input)),
  payRelief: permissionProcedure('petitions.relief')
    .input(z.object({ id, version, paidOn: f.isoDate(n.paidOn) }))
    .mutation(({ ctx, input }) => payRelief(ctx, input)),

  /** 登记表 and the notices as docx (base64), with the query code; names masked unless reveal. */
  document: permissionProcedure('petitions.read')
    .input(z.object({ id, kind: f.choice(n.documentKind, documentKinds), reveal: f.bool(n.reveal).optional(), extensionReason: f.text(n.extensionReason, { max: 1000 }).optional() }))
    .mutation(({ ctx, input }) => {
      if (input.kind === 'extension' && !input.extensionReason) throw badRequest(s.extensionReasonRequired);
      return buildDocument(ctx, input);
    }),
};
