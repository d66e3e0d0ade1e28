// trpc.petitions.fourVisits.*: the calendar of reception days, visits down, appointments
// and return visits.
import { permissionProcedure, z } from '@zhengfa/plugin-api';
import { isIsoDate } from '../matters/dates.js';
import { fourVisitStrings as s, matterStrings as ms } from '../strings.js';
import { listMonth, record, satisfactions, schedule, visitTypes } from './service.js';

const isoDate = z.string().trim().refine(isIsoDate, ms.badDate);

export const fourVisitsRouter = {
  /** One month's calendar (YYYY-MM), grouped by day. */
  calendar: permissionProcedure('petitions.read')
    .input(z.object({ month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, s.badMonth), type: z.enum(visitTypes).optional() }))
    .query(({ ctx, input }) => listMonth(ctx, input)),

  schedule: permissionProcedure('petitions.visits')
    .input(
      z.object({
        type: z.enum(visitTypes),
        scheduledOn: isoDate,
        leaderName: z.string().trim().min(1, s.leaderRequired).max(50),
        place: z.string().trim().max(200).optional(),
        matterId: z.uuid().nullish(),
        notes: z.string().trim().max(2000).optional(),
        idempotencyKey: z.string().trim().min(8).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) => schedule(ctx, input)),

  /** Records that the visit took place; a return visit records the petitioner's satisfaction. */
  record: permissionProcedure('petitions.visits')
    .input(
      z.object({
        id: z.uuid(),
        version: z.number().int(),
        heldOn: isoDate,
        notes: z.string().trim().max(2000).optional(),
        satisfaction: z.enum(satisfactions).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => record(ctx, input)),
};
