import { permissionProcedure, z } from '@zhengfa/plugin-api';
import { instrumentKindNames, instrumentStatusNames, powerNames } from '../strings.js';
import { draftInstrument, getInstrument, instrumentStep, listInstruments, reviseInstrument } from './instruments.js';
import { acknowledgeOpinion, concludeMeeting, getMeeting, holdMeeting, listMeetings, meetingFigures, reportExecution, scheduleMeeting, signOpinion } from './meetings.js';
import { listPowerUses, recordPowerUse } from './powers.js';
import { instrumentLadder } from './ladder.js';

const uuid = z.string().uuid('编号格式不正确');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const version = z.number().int().positive();
const kinds = instrumentLadder as unknown as [keyof typeof instrumentKindNames, ...(keyof typeof instrumentKindNames)[]];
const powers = Object.keys(powerNames) as [keyof typeof powerNames, ...(keyof typeof powerNames)[]];

export const supervisionRouter = {
  vocab: permissionProcedure('cases.read').query(() => ({
    instrumentKinds: instrumentLadder.map((k) => ({ value: k, label: instrumentKindNames[k] })),
    powers: powers.map((p) => ({ value: p, label: powerNames[p] })),
    instrumentStatuses: (Object.keys(instrumentStatusNames) as (keyof typeof instrumentStatusNames)[]).map((v) => ({ value: v, label: instrumentStatusNames[v] })),
  })),

  draftInstrument: permissionProcedure('supervision.instruments')
    .input(
      z.object({
        caseId: uuid,
        kind: z.enum(kinds, { error: '请选择文书种类' }),
        recipientOrgId: uuid,
        officerName: z.string().trim().max(30).nullish(),
        officerPost: z.string().trim().max(50).nullish(),
        facts: z.string().trim().min(10, '请写明存在的问题（至少 10 个字）').max(5000),
        legalBasis: z.string().trim().max(2000).default(''),
        requirement: z.string().trim().min(4, '请写明整改（纠正）要求').max(2000),
        responseDeadline: date,
        previousId: uuid.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => draftInstrument(ctx, input)),

  reviseInstrument: permissionProcedure('supervision.instruments')
    .input(
      z.object({
        id: uuid,
        version,
        kind: z.enum(kinds, { error: '请选择文书种类' }),
        recipientOrgId: uuid,
        officerName: z.string().trim().max(30).nullish(),
        officerPost: z.string().trim().max(50).nullish(),
        facts: z.string().trim().min(10, '请写明存在的问题（至少 10 个字）').max(5000),
        legalBasis: z.string().trim().max(2000).default(''),
        requirement: z.string().trim().min(4, '请写明整改（纠正）要求').max(2000),
        responseDeadline: date,
      }),
    )
    .mutation(({ ctx, input }) => reviseInstrument(ctx, input)),

  instrumentStep: permissionProcedure('cases.read')
    .input(
      z.object({
        id: uuid,
        version,
        step: z.enum(['submit', 'sign', 'acknowledge', 'answer', 'decide']),
        approve: z.boolean().optional(),
        comment: z.string().trim().max(2000).optional(),
        answer: z.string().trim().max(10000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => instrumentStep(ctx, input)),

  instruments: permissionProcedure('cases.read')
    .input(z.object({ caseId: uuid.optional(), status: z.array(z.enum(['draft', 'pending_signoff', 'issued', 'acknowledged', 'answered', 'accepted', 'rejected'])).optional() }).default({}))
    .query(({ ctx, input }) => listInstruments(ctx, input)),

  instrument: permissionProcedure('cases.read')
    .input(z.object({ id: uuid }))
    .query(({ ctx, input }) => getInstrument(ctx, input.id)),

  recordPower: permissionProcedure('supervision.powers')
    .input(
      z.object({
        caseId: uuid,
        power: z.enum(powers, { error: '请选择监督方式' }),
        usedOn: date,
        targetOrgId: uuid.nullish(),
        targetPerson: z.string().trim().max(30).nullish(),
        description: z.string().trim().min(4, '请填写行使情况').max(5000),
        result: z.string().trim().max(5000).default(''),
      }),
    )
    .mutation(({ ctx, input }) => recordPowerUse(ctx, input)),

  powerUses: permissionProcedure('cases.read')
    .input(z.object({ caseId: uuid }))
    .query(({ ctx, input }) => listPowerUses(ctx, input.caseId)),

  scheduleMeeting: permissionProcedure('supervision.meetings')
    .input(
      z.object({
        title: z.string().trim().min(4, '请填写会议名称').max(100),
        scheduledAt: z.coerce.date({ error: '请填写会议时间' }),
        place: z.string().trim().max(100).default(''),
        chairId: uuid.nullish(),
        orgIds: z.array(uuid).min(1, '请至少邀请一个单位').max(50),
        caseIds: z.array(uuid).min(1, '请至少选择一件事项').max(50),
      }),
    )
    .mutation(({ ctx, input }) => scheduleMeeting(ctx, input)),

  holdMeeting: permissionProcedure('supervision.meetings')
    .input(z.object({ id: uuid, version, minutes: z.string().trim().min(4, '请填写会议纪要').max(20000), attendance: z.array(z.object({ orgId: uuid, attended: z.boolean(), attendees: z.string().trim().max(200).optional() })).max(50) }))
    .mutation(({ ctx, input }) => holdMeeting(ctx, input)),

  concludeMeeting: permissionProcedure('supervision.meetings')
    .input(
      z.object({
        id: uuid,
        version,
        outcome: z.enum(['consensus', 'no_consensus']),
        opinion: z.string().trim().max(20000).optional(),
        escalation: z.enum(['unit_superiors', 'higher_committee']).optional(),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => concludeMeeting(ctx, input)),

  signOpinion: permissionProcedure('supervision.sign')
    .input(z.object({ id: uuid, version }))
    .mutation(({ ctx, input }) => signOpinion(ctx, input)),

  acknowledgeOpinion: permissionProcedure('cases.handle')
    .input(z.object({ id: uuid }))
    .mutation(({ ctx, input }) => acknowledgeOpinion(ctx, input)),

  reportExecution: permissionProcedure('cases.handle')
    .input(z.object({ id: uuid, report: z.string().trim().min(4, '请填写执行情况').max(10000) }))
    .mutation(({ ctx, input }) => reportExecution(ctx, input)),

  meetings: permissionProcedure('cases.read')
    .input(z.object({ year: z.number().int().min(2000).max(2100).optional() }).default({}))
    .query(({ ctx, input }) => listMeetings(ctx, input)),

  meeting: permissionProcedure('cases.read')
    .input(z.object({ id: uuid }))
    .query(({ ctx, input }) => getMeeting(ctx, input.id)),

  meetingFigures: permissionProcedure('cases.read')
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => meetingFigures(ctx, input.year)),
};
