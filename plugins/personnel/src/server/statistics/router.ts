// trpc.personnel.statistics.*: the statistics page's figures for a period. Training by unit
// (personnel.read, the caller's units); clues by source and outcomes by kind, by unit
// (discipline staff, audited).
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, messages as m } from '../discipline-strings.js';
import { disciplineKindStatistics, trainingStatistics } from './service.js';

const period = z
  .object({ from: f.isoDate(n.from), to: f.isoDate(n.to) })
  .refine((v) => v.from <= v.to, { error: m.periodReversed, path: ['to'] });

export const statisticsRouter = {
  training: permissionProcedure('personnel.read')
    .input(period)
    .query(({ ctx, input }) => trainingStatistics(ctx, input)),
  discipline: permissionProcedure('personnel.discipline')
    .input(period)
    .query(({ ctx, input }) => disciplineKindStatistics(ctx, input)),
};
