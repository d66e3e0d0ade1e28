// trpc.petitions.matters.*: registration, lists, routing, handling, outcomes, relief and
// the petitioner's documents.
import { badRequest, permissionProcedure, z } from '@zhengfa/plugin-api';
import { buildDocument, documentKinds } from '../notices/documents.js';
import { matterStatusNames, matterStrings as s } from '../strings.js';
import { isIsoDate } from './dates.js';
import { concludeMatter, decideRelief, decideWriteOff, payRelief, recordAcceptance, recordAnswer, requestRelief, requestWriteOff, reviewStep, setCategory } from './handling.js';
import { findRepeats, listMatters, matterDetail, matterIdOfCase, revealPetitioners } from './queries.js';
import { categories, petitionerSchema, registerPetition, registerPetitionSchema } from './register.js';
import { continueRouting, routeMatter } from './routing.js';

const isoDate = z.string().trim().refine(isIsoDate, s.badDate);
const id = z.uuid();
const version = z.number().int().min(1);
const statuses = Object.keys(matterStatusNames) as [keyof typeof matterStatusNames, ...(keyof typeof matterStatusNames)[]];

export const mattersRouter = {
  /** 来信来访登记: a new matter (kernel case + petitioners + first visit) or, with linkToMatterId, a repeat visit. */
  register: permissionProcedure('petitions.register')
    .input(registerPetitionSchema)
    .mutation(({ ctx, input }) => registerPetition(ctx, input)),

  /** Likely earlier matters of the same person or on the same issue, offered while registering. */
  findRepeats: permissionProcedure('petitions.register')
    .input(
      z.object({
        petitioners: z.array(petitionerSchema.pick({ name: true, idNumber: true, phone: true })).max(200).default([]),
        content: z.string().trim().max(10000).default(''),
      }),
    )
    .query(({ ctx, input }) => findRepeats(ctx, input)),

  list: permissionProcedure('petitions.read')
    .input(
      z.object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        status: z.enum(statuses).optional(),
        category: z.enum(categories).optional(),
        accusation: z.boolean().optional(),
        unrouted: z.boolean().optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
      }),
    )
    .query(({ ctx, input }) => listMatters(ctx, input)),

  get: permissionProcedure('petitions.read')
    .input(z.object({ id }))
    .query(({ ctx, input }) => matterDetail(ctx, input.id)),

  /** The matter of a kernel case (the petition's panel on the case page); NOT_FOUND when the user may not see it. */
  byCase: permissionProcedure('petitions.read')
    .input(z.object({ caseId: id }))
    .query(async ({ ctx, input }) => matterDetail(ctx, await matterIdOfCase(ctx, input.caseId))),

  /** Unmasked petitioners (all, or one); audited. Accusers only for the committee with petitions.accusations. */
  reveal: permissionProcedure('petitions.reveal')
    .input(z.object({ matterId: id, petitionerId: id.optional() }))
    .mutation(({ ctx, input }) => revealPetitioners(ctx, input)),

  /** 分级负责、归口办理: the four fixes, then 立项审批 and 交办 as far as the user may. */
  route: permissionProcedure('petitions.route')
    .input(
      z.object({
        id,
        version,
        leadLeaderId: id,
        handlerName: z.string().trim().min(1, s.handlerRequired).max(50),
        handlerPhone: z.string().trim().max(30).nullish(),
        resolutionPlan: z.string().trim().min(1, s.planRequired).max(5000),
        deadline: isoDate,
        leadUnitId: id,
        cooperatingUnitIds: z.array(id).max(20).optional(),
      }),
    )
    .mutation(({ ctx, input }) => routeMatter(ctx, input)),

  /** Continues routing: a leader approves (立项审批), then the petition office assigns (交办). */
  continueRouting: permissionProcedure('petitions.route')
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => continueRouting(ctx, input)),

  /** 受理 / 不予受理 (with the reason told to the petitioner), by the lead unit or the committee. */
  recordAcceptance: permissionProcedure('petitions.read')
    .input(z.object({ id, version, accepted: z.boolean(), note: z.string().trim().max(5000).optional(), on: isoDate.optional() }))
    .mutation(({ ctx, input }) => recordAcceptance(ctx, input)),

  /** 处理意见: the answer to the petitioner; opens the 30-day window for 复查. */
  recordAnswer: permissionProcedure('petitions.read')
    .input(z.object({ id, version, answer: z.string().trim().min(1, s.answerRequired).max(10000), answeredOn: isoDate.optional() }))
    .mutation(({ ctx, input }) => recordAnswer(ctx, input)),

  requestReview: permissionProcedure('petitions.register')
    .input(z.object({ id, version, on: isoDate.optional() }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'requestReview', input)),
  decideReview: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, result: z.string().trim().min(1, s.resultRequired).max(10000), on: isoDate.optional() }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'decideReview', input)),
  requestReReview: permissionProcedure('petitions.register')
    .input(z.object({ id, version, on: isoDate.optional() }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'requestReReview', input)),
  decideReReview: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, result: z.string().trim().min(1, s.resultRequired).max(10000), on: isoDate.optional() }))
    .mutation(({ ctx, input }) => reviewStep(ctx, 'decideReReview', input)),

  /** 化解 / 息访 / 终结. 核销 goes through requestWriteOff and decideWriteOff (two people). */
  conclude: permissionProcedure('petitions.conclude')
    .input(
      z.object({
        id,
        version,
        outcome: z.enum(['resolved', 'stopped', 'concluded', 'written_off']),
        note: z.string().trim().min(1, s.outcomeNoteRequired).max(5000),
        on: isoDate.optional(),
      }),
    )
    .mutation(({ ctx, input }) => concludeMatter(ctx, input)),

  /** 核销申请: a matter found not law-related (category 其他) is proposed for write-off. */
  requestWriteOff: permissionProcedure('petitions.conclude')
    .input(z.object({ id, version, reason: z.string().trim().min(1, s.writeOffReasonRequired).max(5000), on: isoDate.optional() }))
    .mutation(({ ctx, input }) => requestWriteOff(ctx, input)),

  /** 核销审批 by another officer holding petitions.writeoff: approve (the matter is concluded as 核销) or refuse. */
  decideWriteOff: permissionProcedure('petitions.writeoff')
    .input(z.object({ id, version, approve: z.boolean(), note: z.string().trim().max(2000).optional() }))
    .mutation(({ ctx, input }) => decideWriteOff(ctx, input)),

  setCategory: permissionProcedure('petitions.register')
    .input(z.object({ id, version, category: z.enum(categories), reason: z.string().trim().min(1, s.categoryReasonRequired).max(1000) }))
    .mutation(({ ctx, input }) => setCategory(ctx, input)),

  requestRelief: permissionProcedure('petitions.relief')
    .input(
      z.object({
        matterId: id,
        amount: z
          .number({ error: s.reliefAmount })
          .positive(s.reliefAmount)
          .max(10_000_000, s.reliefAmount)
          .refine((v) => Math.round(v * 100) === v * 100, s.reliefAmount),
        reason: z.string().trim().min(1, s.reliefReasonRequired).max(2000),
        idempotencyKey: z.string().trim().min(8).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) => requestRelief(ctx, input)),
  decideRelief: permissionProcedure('petitions.relief')
    .input(z.object({ id, version, approve: z.boolean(), note: z.string().trim().max(2000).optional(), on: isoDate.optional() }))
    .mutation(({ ctx, input }) => decideRelief(ctx, input)),
  payRelief: permissionProcedure('petitions.relief')
    .input(z.object({ id, version, paidOn: isoDate }))
    .mutation(({ ctx, input }) => payRelief(ctx, input)),

  /** 登记表 and the notices as docx (base64), with the query code; names masked unless reveal. */
  document: permissionProcedure('petitions.read')
    .input(z.object({ id, kind: z.enum(documentKinds), reveal: z.boolean().optional(), extensionReason: z.string().trim().max(1000).optional() }))
    .mutation(({ ctx, input }) => {
      if (input.kind === 'extension' && !input.extensionReason) throw badRequest(s.extensionReasonRequired);
      return buildDocument(ctx, input);
    }),
};
