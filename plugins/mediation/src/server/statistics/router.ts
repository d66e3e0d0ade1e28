// trpc.mediation.statistics.*: the figures for any period and the annual table as xlsx
// (base64). Definitions: see ./queries.ts.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, statisticsStrings as s } from '../strings.js';
import { annualXlsx } from './export.js';
import { summary } from './queries.js';

const year = f.withLabel(z.number({ error: s.badYear }).int(s.badYear).min(1990, s.badYear).max(2100, s.badYear), n.year);

const TEN_YEARS_MS = 10 * 366 * 24 * 3600 * 1000;

export const periodSchema = z
  .object({ from: f.isoDate(n.from), to: f.isoDate(n.to) })
  .refine((p) => p.from <= p.to, { message: s.fromAfterTo, path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= TEN_YEARS_MS, { message: s.periodTooLong, path: ['from'] });

export const statisticsRouter = {
  /** 件, 人次, 同比, triage routes, settled and not, 调解成功率 for [from, to], by source, type and organisation. */
  summary: permissionProcedure('mediation.stats')
    .input(periodSchema)
    .query(({ ctx, input }) => summary(ctx.db, ctx.tenant.id, input)),

  /** 矛盾纠纷调处年度统计表 as xlsx. */
  exportAnnual: permissionProcedure('mediation.stats')
    .input(z.object({ year }))
    .mutation(async ({ ctx, input }) => {
      const file = await annualXlsx(ctx, input.year);
      await ctx.audit.record({ action: 'mediation.statistics.exportAnnual', detail: { year: input.year } });
      return file;
    }),
};
