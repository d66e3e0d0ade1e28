// The statistics as xlsx for download: the monthly ledger (one row per visit) and the
// annual summary table. Files are small (a county's month or year), so they are built in
// memory and returned as base64; the console saves them without a new HTTP route. Each
// sheet is laid out for printing by @zhengfa/documents/sheets (title with the county, the
// period and the day made; 序号; borders; header repeated; landscape A4 one page wide;
// page numbers): a further sheet is one more addPrintSheet on the same workbook.
// Personal data: petitioner names are masked (张*); an accusation (检举控告) shows neither
// the accuser nor the content in any export, whoever downloads it.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql } from '@zhengfa/plugin-api';
import { addPrintSheet, formatPeriod, type PrintTitle } from '@zhengfa/documents/sheets';
import ExcelJS from 'exceljs';
import { statisticsStrings as s } from '../strings.js';
import { chinaToday } from '../matters/dates.js';
import { maskName } from '../matters/personal-data.js';
import { formatChange, formatPercent, monthRange, yearRange } from './periods.js';
import { CATEGORIES, CHANNELS, figureRows, type Category, type Channel, type FigureRow, type Scope } from './queries.js';
import { own } from '../db.js';

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

/** The printed title of a table over `period`: the county, the table's name, the period, today. */
function titleOf(ctx: AuthedContext, name: string, period: { from: string; to: string }): PrintTitle {
  return { county: ctx.tenant.name, name, period: formatPeriod(period.from, period.to), madeOn: chinaToday(ctx.now()) };
}

/** 信访台账: every visit received in the month, oldest first, under the printed title (rows 1–3). */
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
    order by v.received_on, v.created_at, v.id`.execute(own(ctx));
  const units = await orgNames(ctx);

  const c = s.ledger.columns;
  const workbook = new ExcelJS.Workbook();
  const printed = addPrintSheet(workbook, {
    sheetName: s.ledger.sheetName,
    title: titleOf(ctx, s.ledger.title, { from, to }),
    columns: [
      { header: c.receivedOn, width: 12, align: 'center' },
      { header: c.channel, width: 10, align: 'center' },
      { header: c.personCount, width: 6, align: 'center' },
      { header: c.collective, width: 8, align: 'center' },
      { header: c.repeat, width: 8, align: 'center' },
      { header: c.petitioners, width: 16 },
      { header: c.unit, width: 20 },
      { header: c.category, width: 8, align: 'center' },
      { header: c.content, width: 50 },
      { header: c.outcome, width: 10, align: 'center' },
    ],
  });
  for (const row of r.rows) {
    const hidden = row.is_accusation;
    printed.addRow([
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
  }
  return toFile(workbook, s.ledger.fileName(year, month));
}

/**
 * 年度统计表: a total row, one row per channel (来信 … 领导信箱) and per category (涉法 …);
 * columns 件, 人次, 同比 (of 件), 化解率, 息访率, 终结, 核销 and the hardship relief granted
 * (amount, matters, grants), with the definitions as a note below; a second sheet gives the
 * same figures by involved unit.
 */
export async function annualSummaryXlsx(ctx: AuthedContext, scope: Scope, year: number): Promise<XlsxFile> {
  const period = yearRange(year);
  const [total, byChannel, byCategory, byUnit, orgs] = await Promise.all([
    figureRows(own(ctx), ctx.tenant.id, scope, period, 'none'),
    figureRows(own(ctx), ctx.tenant.id, scope, period, 'channel', CHANNELS),
    figureRows(own(ctx), ctx.tenant.id, scope, period, 'category', CATEGORIES),
    figureRows(own(ctx), ctx.tenant.id, scope, period, 'unit'),
    ctx.kernel.orgs.list(),
  ]);
  const c = s.annual.columns;
  const workbook = new ExcelJS.Workbook();
  const columns = (first: string) => [
    { header: first, width: 16 },
    { header: c.matters, width: 8, align: 'right' as const },
    { header: c.personVisits, width: 8, align: 'right' as const },
    { header: c.yoy, width: 11, align: 'right' as const },
    { header: c.resolutionRate, width: 9, align: 'right' as const },
    { header: c.stopRate, width: 9, align: 'right' as const },
    { header: c.terminated, width: 7, align: 'right' as const },
    { header: c.writtenOff, width: 7, align: 'right' as const },
    { header: c.reliefAmount, width: 13, align: 'right' as const },
    { header: c.reliefMatters, width: 9, align: 'right' as const },
    { header: c.reliefTimes, width: 9, align: 'right' as const },
  ];
  const cells = (label: string, row: FigureRow) => [
    label,
    row.matters,
    row.personVisits,
    formatChange(row.yoyMatters, s.empty),
    formatPercent(row.resolutionRate, s.empty),
    formatPercent(row.stopRate, s.empty),
    row.terminated,
    row.writtenOff,
    // Exact money as the database summed it (a string: no binary rounding), e.g. 4700.50.
    row.reliefAmount,
    row.reliefMatters,
    row.reliefTimes,
  ];
  const printed = addPrintSheet(workbook, { sheetName: s.annual.sheetName, title: titleOf(ctx, s.annual.title, period), columns: columns(c.item) });
  // The total row carries no 序号; the channels and categories are numbered 1, 2, ….
  printed.addRow(cells(s.annual.total, total[0]!), { numbered: false, emphasis: true });
  for (const row of byChannel) printed.addRow(cells(s.channels[row.key as Channel], row));
  for (const row of byCategory) printed.addRow(cells(s.categories[row.key as Category], row));
  printed.addNote(s.annual.note);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const units = addPrintSheet(workbook, { sheetName: s.annual.unitSheetName, title: titleOf(ctx, s.annual.unitTitle, period), columns: columns(c.unit) });
  units.addRow(cells(s.annual.total, total[0]!), { numbered: false, emphasis: true });
  for (const row of byUnit) units.addRow(cells(row.key === null ? s.annual.unitUnknown : (names.get(row.key) ?? s.annual.unitOther), row));
  units.addNote(s.annual.note);
  return toFile(workbook, s.annual.fileName(year));
}
