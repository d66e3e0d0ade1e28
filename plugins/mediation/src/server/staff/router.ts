// trpc.mediation.staff.* and trpc.mediation.rota.*: the staff seconded to the center and the
// duty rota. Read with mediation.read; changed with mediation.roster.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { staffFieldNames as n, staffMessages as sm } from '../strings.js';
import { createStaff, listRota, listStaff, setDuty, updateStaff } from './service.js';

const staffFields = {
  name: f.text(n.name, { min: 1, max: 50 }),
  unit: f.text(n.unit, { min: 2, max: 100 }),
  post: f.optionalText(n.post, { max: 50 }),
  secondedFrom: f.isoDate(n.secondedFrom),
  secondedTo: f.isoDate(n.secondedTo).nullish(),
  active: f.bool(n.active).optional(),
};

/** At most 62 days (two months) a request. */
const MAX_ROTA_DAYS = 62;

export const staffRouter = {
  list: permissionProcedure('mediation.read').query(({ ctx }) => listStaff(ctx)),
  create: permissionProcedure('mediation.roster')
    .input(z.object(staffFields))
    .mutation(({ ctx, input }) => createStaff(ctx, input)),
  update: permissionProcedure('mediation.roster')
    .input(z.object({ id: f.uuid(n.staffId), version: f.version(n.version), ...staffFields }))
    .mutation(({ ctx, input }) => updateStaff(ctx, input.id, input.version, input)),
};

export const rotaRouter = {
  list: permissionProcedure('mediation.read')
    .input(
      z
        .object({ from: f.isoDate(n.from), to: f.isoDate(n.to) })
        .refine((p) => p.from <= p.to, { message: sm.fromAfterTo, path: ['to'] })
        .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= (MAX_ROTA_DAYS - 1) * 86_400_000, { message: sm.periodTooLong, path: ['to'] }),
    )
    .query(({ ctx, input }) => listRota(ctx, input)),
  set: permissionProcedure('mediation.roster')
    .input(z.object({ dutyOn: f.isoDate(n.dutyOn), staffIds: f.list(n.staffIds, f.uuid(n.staffId), { max: 50 }) }))
    .mutation(({ ctx, input }) => setDuty(ctx, input)),
};
