// trpc.petitions.fourVisits.*: the calendar of reception days, visits down, appointments
// and return visits.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fourVisitStrings as s, petitionFieldNames as n } from '../strings.js';
import { listMonth, record, satisfactions, schedule, visitTypes } from './service.js';


export const fourVisitsRouter = {
  /** One month's calendar (YYYY-MM), grouped by day. */
  calendar: permissionProcedure('petitions.read')
    .input(z.object({ month: f.text(n.month, { max: 7 }).regex(/^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, s.badMonth), type: f.choice(n.visitType, visitTypes).optional() }))
    .query(({ ctx, input }) => listMonth(ctx, input)),

  schedule: permissionProcedure('petitions.visits')
    .input(
      z.object({
        type: f.choice(n.visitType, visitTypes),
        scheduledOn: f.isoDate(n.scheduledOn, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        leaderName: f.text(n.leaderName, { max: 50 }).min(1, s.leaderRequired),
        place: f.text(n.place, { max: 200 }).optional(),
        matterId: f.uuid(n.matter).nullish(),
        notes: f.text(n.notes, { max: 2000 }).optional(),
        idempotencyKey: f.text(n.idempotencyKey, { min: 8, max: 100 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => schedule(ctx, input)),

  /** Records that the visit took place; a return visit records the petitioner's satisfaction. */
  record: permissionProcedure('petitions.visits')
    .input(
      z.object({
        id: f.uuid(n.visit),
        version: f.version(n.version),
        heldOn: f.isoDate(n.heldOn, { notFuture: true }),
        notes: f.text(n.notes, { max: 2000 }).optional(),
        satisfaction: f.choice(n.satisfaction, satisfactions).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => record(ctx, input)),
};
