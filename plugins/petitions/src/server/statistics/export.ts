// The statistics as xlsx for download: the monthly ledger (one row per visit) and the
// annual summary table. Files are small (a county's month or year), so they are built in
// memory and returned as base64; the console saves them without a new HTTP route.
// Personal data: petitioner names are masked (张*); an accusation (检举控告) shows neither
// the accuser nor the content in any export, whoever downloads it.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { statisticsStrings as s } from '../strings.js';
import { maskName } from '../matters/personal-data.js';
import { formatChange, formatPercent, monthRange, yearRange } from './periods.js';
import { CATEGORIES, CHANNELS, figureRows, type Category, type Channel, type FigureRow, type Scope } from './queries.js';

export interface XlsxFile {
  fileName: string;
  base64: string;
}

async function toFile(workbook: ExcelJS.Workbook, fileName: string): Promise<XlsxFile> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}

async function orgNames(ctx: AuthedContext): Promise<Map<string, string>> {
  const orgs = await ctx.kernel.orgs.list();
  return new Map(orgs.map((o) => [o.id, o.name]));
}

function scopeFilter(scope: Scope) {
  if (scope === null) return sql``;
  if (scope.length === 0) return sql`and false`;
  return sql`and m.involved_org_id in (${sql.join(scope.map((id) => sql`${id}::uuid`))})`;
}

function titleRow(sheet: ExcelJS.Worksheet, title: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
}

/** 信访台账: every visit received in the month, oldest first. Row 1 is the title, row 2 the header. */
export async function monthlyLedgerXlsx(ctx: AuthedContext, scope: Scope, year: number, month: number): Promise<XlsxFile> {
  const { from, to } = monthRange(year, month);
  const r = await sql<{
    received_on: string;
    channel: Channel;
    person_count: number;
    is_repeat: boolean;
    category: Category;
    involved_org_id: string | null;
    involved_org_name: string | null;
    is_accusation: boolean;
    content: string;
    outcome: keyof typeof s.outcomes | null;
    names: string[] | null;
  }>`
    select to_char(v.received_on, 'YYYY-MM-DD') as received_on, v.channel, v.person_count, v.is_repeat,
      m.category, m.involved_org_id::text as involved_org_id, m.involved_org_name, m.is_accusation,
      coalesce(nullif(v.content, ''), m.content) as content,
      case when m.outcome is not null and m.outcome_on <= ${to}::date then m.outcome end as outcome,
      (select array_agg(p.name order by p.is_primary desc, p.name) from petitions.petitioners p
        where p.tenant_id = m.tenant_id and p.matter_id = m.id) as names
    from petitions.visits v
    join petitions.matters m on m.tenant_id = v.tenant_id and m.id = v.matter_id
    where v.tenant_id = ${ctx.tenant.id}
      and v.received_on between ${from}::date and ${to}::date
      ${scopeFilter(scope)}
    order by v.received_on, v.created_at, v.id`.execute(ctx.db);
  const units = await orgNames(ctx);

  const c = s.ledger.columns;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(s.ledger.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = [c.no, c.receivedOn, c.channel, c.personCount, c.collective, c.repeat, c.petitioners, c.unit, c.category, c.content, c.outcome];
  const widths = [6, 12, 10, 6, 8, 8, 16, 20, 8, 50, 10];
  titleRow(sheet, s.ledger.title(year, month), headers.length);
  sheet.getRow(2).values = headers;
  sheet.getRow(2).font = { bold: true };
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  r.rows.forEach((row, i) => {
    const hidden = row.is_accusation;
    sheet.addRow([
      i + 1,
      row.received_on,
      s.channels[row.channel],
      Number(row.person_count),
      Number(row.person_count) >= 5 ? s.yes : s.no,
      row.is_repeat ? s.yes : s.no,
      hidden ? s.accusationHidden : (row.names ?? []).map(maskName).join('、') || s.empty,
      row.involved_org_id ? (row.involved_org_name ?? units.get(row.involved_org_id) ?? s.empty) : s.noUnit,
      s.categories[row.category],
      hidden ? s.accusationHidden : row.content,
      row.outcome ? s.outcomes[row.outcome] : s.empty,
    ]);
  });
  return toFile(workbook, s.ledger.fileName(year, month));
}

/**
 * 年度统计表: a total row, one row per channel (来信 … 领导信箱) and per category (涉法 …);
 * columns 件, 人次, 同比 (of 件), 化解率, 息访率, with the definitions as a note below.
 */
export async function annualSummaryXlsx(ctx: AuthedContext, scope: Scope, year: number): Promise<XlsxFile> {
  const period = yearRange(year);
  const [total, byChannel, byCategory] = await Promise.all([
    figureRows(ctx.db, ctx.tenant.id, scope, period, 'none'),
    figureRows(ctx.db, ctx.tenant.id, scope, period, 'channel', CHANNELS),
    figureRows(ctx.db, ctx.tenant.id, scope, period, 'category', CATEGORIES),
  ]);
  const c = s.annual.columns;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(s.annual.sheetName);
  const headers = [c.item, c.matters, c.personVisits, c.yoy, c.resolutionRate, c.stopRate];
  titleRow(sheet, s.annual.title(year), headers.length);
  sheet.getRow(2).values = headers;
  sheet.getRow(2).font = { bold: true };
  [16, 10, 10, 10, 10, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const line = (label: string, row: FigureRow) =>
    sheet.addRow([label, row.matters, row.personVisits, formatChange(row.yoyMatters, s.empty), formatPercent(row.resolutionRate, s.empty), formatPercent(row.stopRate, s.empty)]);
  line(s.annual.total, total[0]!).font = { bold: true };
  for (const row of byChannel) line(s.channels[row.key as Channel], row);
  for (const row of byCategory) line(s.categories[row.key as Category], row);
  const noteRow = sheet.rowCount + 2;
  sheet.mergeCells(noteRow, 1, noteRow, headers.length);
  const note = sheet.getCell(noteRow, 1);
  note.value = s.annual.note;
  note.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(noteRow).height = 90;
  return toFile(workbook, s.annual.fileName(year));
}
