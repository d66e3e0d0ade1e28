// The ledger as xlsx, streamed: rows are read in keyset pages of 1,000 and written through
// exceljs's streaming workbook writer straight to disk, so memory stays flat however many
// rows the filter selects. The sheet is laid out for printing by @zhengfa/documents/sheets
// (title, 序号, borders, print titles, landscape A4 one page wide, page numbers). Progress
// is kept in kernel.exports so any server process can report it to the console.
import { mkdir, rm } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { notFound, badRequest } from '@zhengfa/plugin-api';
import { addPrintSheet, formatPeriod, type PrintColumn } from '@zhengfa/documents/sheets';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { exportStrings as s } from '../strings.js';
import { chinaDate } from './dates.js';
import { closedStatuses } from './lifecycle.js';
import { statusLiterals } from './plan-literals.js';
import { ledgerQuery, ledgerRows, toLedgerRow, type LedgerFilter } from './queries.js';

const PAGE = 1000;

export function exportFilePath(exportsDir: string, tenantId: string, id: string): string {
  return path.join(exportsDir, tenantId, `${id}.xlsx`);
}

const c = s.columns;
const ledgerColumns: PrintColumn[] = [
  { header: c.docNo, width: 22 },
  { header: c.kind, width: 10, align: 'center' },
  { header: c.title, width: 32 },
  { header: c.source, width: 10, align: 'center' },
  { header: c.urgency, width: 8, align: 'center' },
  { header: c.status, width: 8, align: 'center' },
  { header: c.isKey, width: 6, align: 'center' },
  { header: c.leadUnit, width: 18 },
  { header: c.leadLeader, width: 10, align: 'center' },
  { header: c.deadline, width: 12, align: 'center' },
  { header: c.overdue, width: 8, align: 'center' },
  { header: c.nextDispatch, width: 12, align: 'center' },
  { header: c.receivedOn, width: 12, align: 'center' },
  { header: c.registeredAt, width: 17, align: 'center' },
  { header: c.parties, width: 14 },
  { header: c.result, width: 32 },
];

/**
 * The page of rows the export reads: the ledger's columns, the lead leader's name and what
 * became of the case (its result report; for a case closed without one, the reason it was
 * withdrawn, read from its withdraw event only for such cases).
 */
function exportRows(db: Kysely<KernelDatabase>, ctx: AuthedContext, filter: LedgerFilter) {
  return ledgerRows(ledgerQuery(db, ctx, filter))
    .leftJoin('kernel.users as l', (j) => j.onRef('l.tenant_id', '=', 'c.tenant_id').onRef('l.id', '=', 'c.lead_leader_id'))
    .select(['l.display_name as lead_leader_name', 'c.result_report'])
    .select(
      sql<string | null>`case when c.result_report is null and c.status in (${statusLiterals(closedStatuses)}) then
        (select e.comment from kernel.case_events as e
          where e.tenant_id = c.tenant_id and e.case_id = c.id and e.type = 'withdraw'
          order by e.id desc limit 1) end`.as('withdraw_reason'),
    );
}

/** 办理结果: the result report, or for a withdrawn case the reason; empty otherwise. */
export function resultOf(r: { result_report: string | null; withdraw_reason: string | null }): string {
  if (r.result_report) return r.result_report;
  if (r.withdraw_reason !== null) return s.withdrawnResult(r.withdraw_reason);
  return '';
}

/** Writes the filtered ledger to `file`; calls onProgress after each page. */
export async function writeLedgerXlsx(
  ctx: AuthedContext,
  host: PluginHost,
  filter: LedgerFilter,
  file: string,
  onProgress: (done: number) => Promise<void> = async () => {},
): Promise<number> {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  await mkdir(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const today = chinaDate(ctx.now());
  const printed = addPrintSheet(workbook, {
    sheetName: s.sheetName,
    title: { county: ctx.tenant.name, name: s.title, period: formatPeriod(filter.from, filter.to), madeOn: today },
    columns: ledgerColumns,
  });
  const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  let done = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    let q = exportRows(db, ctx, filter);
    if (after) {
      const a: { at: Date; id: string } = after;
      q = q.where(sql<boolean>`(c.registered_at, c.id) < (${a.at}, ${a.id}::uuid)`);
    }
    const rows = await q.orderBy('c.registered_at', 'desc').orderBy('c.id', 'desc').limit(PAGE).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const row = toLedgerRow(host, r, r.party_names ?? [], today);
      printed.addRow([
        row.docNo,
        row.kindName,
        row.title,
        row.sourceName,
        row.urgencyName,
        row.statusName,
        row.isKey ? s.yes : s.no,
        row.leadUnitName,
        r.lead_leader_name,
        row.deadline,
        row.overdue ? s.yes : s.no,
        row.nextDispatchOn,
        row.receivedOn,
        fmt.format(row.registeredAt),
        row.parties,
        resultOf(r),
      ]);
    }
    done += rows.length;
    const last = rows.at(-1)!;
    after = { at: last.registered_at, id: last.id };
    await onProgress(done);
    if (rows.length < PAGE) break;
  }
  printed.sheet.commit();
  await workbook.commit();
  return done;
}

export async function startLedgerExport(ctx: AuthedContext, host: PluginHost, exportsDir: string, filter: LedgerFilter): Promise<{ id: string; total: number; finished: Promise<void> }> {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const { total } = await ledgerQuery(db, ctx, filter).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('kernel.exports')
    .values({ tenant_id: ctx.tenant.id, user_id: ctx.user.id, kind: 'ledger', filter: JSON.stringify(filter), total_rows: Number(total), file_name: s.fileName(chinaDate(ctx.now())) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit.record({ action: 'cases.export', targetType: 'export', targetId: id, detail: { filter, rows: Number(total) } });
  const file = exportFilePath(exportsDir, ctx.tenant.id, id);
  const update = (set: Record<string, unknown>) =>
    db.updateTable('kernel.exports').set(set as never).where('tenant_id', '=', ctx.tenant.id).where('id', '=', id).execute();
  const finished = writeLedgerXlsx(ctx, host, filter, file, async (done) => {
    await update({ done_rows: done });
  })
    .then(async (done) => {
      await update({ status: 'done', done_rows: done, total_rows: done, finished_at: new Date() });
    })
    .catch(async (err) => {
      await update({ status: 'failed', error: String((err as Error)?.message ?? err), finished_at: new Date() }).catch(() => {});
      await rm(file, { force: true });
    });
  return { id, total: Number(total), finished };
}

export async function exportStatus(ctx: AuthedContext, id: string) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const row = await db
    .selectFrom('kernel.exports')
    .select(['id', 'status', 'total_rows', 'done_rows', 'file_name', 'created_at', 'finished_at'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .where('user_id', '=', ctx.user.id)
    .executeTakeFirst();
  if (!row) throw notFound(s.notFound);
  return { id: row.id, status: row.status, total: row.total_rows, done: row.done_rows, fileName: row.file_name, createdAt: row.created_at, finishedAt: row.finished_at };
}

export async function openExport(ctx: AuthedContext, exportsDir: string, id: string) {
  const status = await exportStatus(ctx, id);
  if (status.status === 'failed') throw badRequest(s.failed);
  if (status.status !== 'done') throw badRequest(s.notReady);
  const file = exportFilePath(exportsDir, ctx.tenant.id, id);
  return { fileName: status.fileName, size: statSync(file).size, stream: () => createReadStream(file) };
}
