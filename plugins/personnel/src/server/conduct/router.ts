// trpc.personnel.conduct.*: 三个规定 records, the units' monthly reports and the quarterly summary.
import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../discipline-strings.js';
import { intervenerKinds, listRecords, manners, myRecords, getRecord, quarterSummary, recordConduct, submitReport, unitMonth } from './service.js';

/** YYYY-MM. */
export const monthField = f.withLabel(
  z.string({ error: `请填写「${n.month}」` }).regex(/^(199\d|20\d{2})-(0[1-9]|1[0-2])$/, { error: `「${n.month}」应为“年-月”，如 2026-03` }),
  n.month,
);

export const recordSchema = z.object({
  intervenerKind: f.choice(n.intervenerKind, intervenerKinds),
  intervenerName: f.text(n.intervenerName, { min: 1, max: 50 }),
  intervenerPost: f.optionalText(n.intervenerPost, { max: 100 }),
  subjectOfficerId: f.uuid(n.subjectOfficerId).nullish(),
  occurredOn: f.isoDate(n.occurredOn, { notFuture: true }),
  manner: f.choice(n.manner, manners),
  caseRef: f.text(n.caseRef, { min: 1, max: 200 }),
  content: f.text(n.content, { min: 1, max: 2000 }),
  clientKey: f.text(n.clientKey, { min: 8, max: 100 }).optional(),
});

export const conductRouter = {
  /** Any officer with an account records, in under a minute (six fields). */
  record: authedProcedure.input(recordSchema).mutation(({ ctx, input }) => recordConduct(ctx, input)),
  /** The signed-in officer's own records. */
  mine: authedProcedure.query(({ ctx }) => myRecords(ctx)),
  /** Every record with its reporter: discipline staff only, audited. */
  list: permissionProcedure('personnel.discipline')
    .input(
      z
        .object({
          from: f.isoDate(n.from).optional(),
          to: f.isoDate(n.to).optional(),
          unitId: f.uuid(n.unitId).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listRecords(ctx, input ?? {})),
  get: permissionProcedure('personnel.discipline')
    .input(z.object({ id: f.uuid(n.recordId) }))
    .query(({ ctx, input }) => getRecord(ctx, input.id)),
  /** The liaison's unit in a month: the count of records and whether it has reported. */
  unitMonth: permissionProcedure('personnel.conduct_report')
    .input(z.object({ month: monthField }))
    .query(({ ctx, input }) => unitMonth(ctx, input.month)),
  submitReport: permissionProcedure('personnel.conduct_report')
    .input(z.object({ month: monthField, note: f.optionalText(n.note, { max: 500 }) }))
    .mutation(({ ctx, input }) => submitReport(ctx, input)),
  quarterSummary: permissionProcedure('personnel.conduct_summary')
    .input(z.object({ year: f.int(n.year, { min: 2000, max: 2100 }), quarter: f.int(n.quarter, { min: 1, max: 4 }) }))
    .query(({ ctx, input }) => quarterSummary(ctx, input.year, input.quarter)),
};
