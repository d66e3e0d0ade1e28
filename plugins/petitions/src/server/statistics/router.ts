// trpc.petitions.statistics.*: figures for any period, the monthly chart series, and the
// monthly ledger and annual summary as xlsx (base64). Definitions: see ./queries.ts.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { petitionFieldNames as n, statisticsStrings as s } from '../strings.js';
import { annualSummaryXlsx, monthlyLedgerXlsx } from './export.js';
import { monthly, statisticsScope, summary } from './queries.js';
import { own } from '../db.js';

const year = f.withLabel(z.number({ error: s.badYear }).int(s.badYear).min(1990, s.badYear).max(2100, s.badYear), n.year);
const month = f.withLabel(z.number({ error: s.badMonth }).int(s.badMonth).min(1, s.badMonth).max(12, s.badMonth), n.month);

const TEN_YEARS_MS = 10 * 366 * 24 * 3600 * 1000;

export const periodSchema = z
  .object({ from: f.isoDate(n.from), to: f.isoDate(n.to) })
  .refine((p) => p.from <= p.to, { message: s.fromAfterTo, path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= TEN_YEARS_MS, { message: s.periodTooLong, path: ['from'] });

export const statisticsRouter = {
  /** 件, 人次, 集体访, 重复访, 同比, 化解率, 息访率 for [from, to], with breakdowns by unit, category and channel. */
  summary: permissionProcedure('petitions.stats')
    .input(periodSchema)
    .query(async ({ ctx, input }) => summary(own(ctx), ctx.tenant.id, await statisticsScope(ctx), input)),

  /** Twelve months of the year and of the year before, for the dashboard chart. */
  monthly: permissionProcedure('petitions.stats')
    .input(z.object({ year }))
    .query(async ({ ctx, input }) => ({ year: input.year, months: await monthly(own(ctx), ctx.tenant.id, await statisticsScope(ctx), input.year) })),

  /** 信访台账 of one month as xlsx: one row per visit, names masked. */
  exportLedger: permissionProcedure('petitions.stats')
    .input(z.object({ year, month }))
    .mutation(async ({ ctx, input }) => {
      const file = await monthlyLedgerXlsx(ctx, await statisticsScope(ctx), input.year, input.month);
      await ctx.audit.record({ action: 'petitions.statistics.exportLedger', detail: { year: input.year, month: input.month } });
      return file;
    }),

  /** 年度统计表 as xlsx: rows by channel and category; 件, 人次, 同比, 化解率, 息访率. */
  exportAnnual: permissionProcedure('petitions.stats')
    .input(z.object({ year }))
    .mutation(async ({ ctx, input }) => {
      const file = await annualSummaryXlsx(ctx, await statisticsScope(ctx), input.year);
      await ctx.audit.record({ action: 'petitions.statistics.exportAnnual', detail: { year: input.year } });
      return file;
    }),
};
