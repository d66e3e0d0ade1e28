import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, instrumentKindNames, instrumentStatusNames, powerNames, supervisionStrings } from '../strings.js';
import { draftInstrument, getInstrument, instrumentStep, listInstruments, reviseInstrument } from './instruments.js';
import { acknowledgeOpinion, concludeMeeting, getMeeting, holdMeeting, listMeetings, meetingFigures, reportExecution, scheduleMeeting, signOpinion } from './meetings.js';
import { listPowerUses, recordPowerUse } from './powers.js';
import { instrumentLadder } from './ladder.js';

const uuid = f.uuid;
const version = f.version(n.version);
const year = f.int(n.year, { min: 1990, max: 2100 });
const responseDeadline = f.isoDate(n.responseDeadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD });
const kind = () => f.choice(n.instrumentKind, kinds);
const instrumentFields = {
  recipientOrgId: uuid(n.recipientOrg),
  officerName: f.text(n.officerName, { max: 30 }).nullish(),
  officerPost: f.text(n.officerPost, { max: 50 }).nullish(),
  facts: f.text(n.facts, { min: 10, max: 5000 }),
  legalBasis: f.text(n.legalBasis, { max: 2000 }).default(''),
  requirement: f.text(n.requirement, { min: 4, max: 2000 }),
  responseDeadline,
};
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
        caseId: uuid(n.case),
        kind: kind(),
        ...instrumentFields,
        previousId: uuid(n.previousInstrument).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => draftInstrument(ctx, input)),

  reviseInstrument: permissionProcedure('supervision.instruments')
    .input(
      z.object({
        id: uuid(n.instrument),
        version,
        kind: kind(),
        ...instrumentFields,
      }),
    )
    .mutation(({ ctx, input }) => reviseInstrument(ctx, input)),

  instrumentStep: permissionProcedure('cases.read')
    .input(
      z.object({
        id: uuid(n.instrument),
        version,
        step: f.choice(n.step, ['submit', 'sign', 'acknowledge', 'answer', 'decide']),
        approve: f.bool(n.approve).optional(),
        comment: f.text(n.comment, { max: 2000 }).optional(),
        answer: f.text(n.answer, { max: 10000 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => instrumentStep(ctx, input)),

  instruments: permissionProcedure('cases.read')
    .input(
      z
        .object({
          caseId: uuid(n.case).optional(),
          status: f
            .list(n.instrumentStatus, f.choice(n.instrumentStatus, ['draft', 'pending_signoff', 'issued', 'acknowledged', 'answered', 'accepted', 'rejected']), { max: 7 })
            .optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => listInstruments(ctx, input)),

  instrument: permissionProcedure('cases.read')
    .input(z.object({ id: uuid(n.instrument) }))
    .query(({ ctx, input }) => getInstrument(ctx, input.id)),

  recordPower: permissionProcedure('supervision.powers')
    .input(
      z.object({
        caseId: uuid(n.case),
        power: f.choice(n.power, powers),
        usedOn: f.isoDate(n.usedOn, { notFuture: true }),
        targetOrgId: uuid(n.targetOrg).nullish(),
        targetPerson: f.text(n.targetPerson, { max: 30 }).nullish(),
        description: f.text(n.powerDescription, { min: 4, max: 5000 }),
        result: f.text(n.powerResult, { max: 5000 }).default(''),
      }),
    )
    .mutation(({ ctx, input }) => recordPowerUse(ctx, input)),

  powerUses: permissionProcedure('cases.read')
    .input(z.object({ caseId: uuid(n.case) }))
    .query(({ ctx, input }) => listPowerUses(ctx, input.caseId)),

  scheduleMeeting: permissionProcedure('supervision.meetings')
    .input(
      z.object({
        title: f.text(n.meetingTitle, { min: 4, max: 100 }),
        scheduledAt: f.dateTime(n.scheduledAt, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        place: f.text(n.place, { max: 100 }).default(''),
        chairId: uuid(n.chair).nullish(),
        orgIds: f.list(n.meetingOrgs, uuid(n.meetingOrgs), { min: 1, max: 50 }),
        caseIds: f.list(n.meetingCases, uuid(n.meetingCases), { min: 1, max: 50 }),
      }),
    )
    .mutation(({ ctx, input }) => scheduleMeeting(ctx, input)),

  holdMeeting: permissionProcedure('supervision.meetings')
    .input(
      z.object({
        id: uuid(n.meeting),
        version,
        minutes: f.text(n.minutes, { min: 4, max: 20000 }),
        attendance: f.list(n.attendance, z.object({ orgId: uuid(n.meetingOrgs), attended: f.bool(n.attended), attendees: f.text(n.attendees, { max: 200 }).optional() }), { max: 50 }),
      }),
    )
    .mutation(({ ctx, input }) => holdMeeting(ctx, input)),

  concludeMeeting: permissionProcedure('supervision.meetings')
    .input(
      z
        .object({
          id: uuid(n.meeting),
          version,
          outcome: f.choice(n.outcome, ['consensus', 'no_consensus']),
          opinion: f.text(n.opinion, { max: 20000 }).optional(),
          escalation: f.choice(n.escalation, ['unit_superiors', 'higher_committee']).optional(),
          note: f.text(n.note, { max: 2000 }).optional(),
        })
        // Each outcome names what it lacks: an opinion for a consensus, an escalation without one.
        .refine((v) => v.outcome !== 'consensus' || Boolean(v.opinion), { message: supervisionStrings.opinionRequired, path: ['opinion'] })
        .refine((v) => v.outcome !== 'no_consensus' || Boolean(v.escalation), { message: supervisionStrings.escalationRequired, path: ['escalation'] }),
    )
    .mutation(({ ctx, input }) => concludeMeeting(ctx, input)),

  signOpinion: permissionProcedure('supervision.sign')
    .input(z.object({ id: uuid(n.meeting), version }))
    .mutation(({ ctx, input }) => signOpinion(ctx, input)),

  acknowledgeOpinion: permissionProcedure('cases.handle')
    .input(z.object({ id: uuid(n.meeting) }))
    .mutation(({ ctx, input }) => acknowledgeOpinion(ctx, input)),

  reportExecution: permissionProcedure('cases.handle')
    .input(z.object({ id: uuid(n.meeting), report: f.text(n.executionReport, { min: 4, max: 10000 }) }))
    .mutation(({ ctx, input }) => reportExecution(ctx, input)),

  meetings: permissionProcedure('cases.read')
    .input(z.object({ year: year.optional() }).default({}))
    .query(({ ctx, input }) => listMeetings(ctx, input)),

  meeting: permissionProcedure('cases.read')
    .input(z.object({ id: uuid(n.meeting) }))
    .query(({ ctx, input }) => getMeeting(ctx, input.id)),

  meetingFigures: permissionProcedure('cases.read')
    .input(z.object({ year }))
    .query(({ ctx, input }) => meetingFigures(ctx, input.year)),
};
