// 矛盾纠纷调处年度统计表 as xlsx for download (built in memory, returned as base64; the
// console saves it without a new HTTP route), laid out for printing by
// @zhengfa/documents/sheets: the total, then the rows by source, by dispute type, by
// organisation, by mediator, by seconded unit and the triage routes, the transfers and phone urgings; the definitions as a note below. No personal data.
import { addPrintSheet, formatPeriod } from '@zhengfa/documents/sheets';
import { chinaDay, type AuthedContext } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { routeNames, sourceNames, statisticsStrings as s } from '../strings.js';
import { formatChange, formatPercent, yearRange } from './periods.js';
import { summary, type FigureRow } from './queries.js';

export interface XlsxFile {
  fileName: string;
  base64: string;
}

export async function annualXlsx(ctx: AuthedContext, year: number): Promise<XlsxFile> {
  const period = yearRange(year);
  const f = await summary(ctx.db, ctx.tenant.id, period);
  const c = s.annual.columns;
  const workbook = new ExcelJS.Workbook();
  const sheet = addPrintSheet(workbook, {
    sheetName: s.annual.sheetName,
    title: { county: ctx.tenant.name, name: s.annual.title, period: formatPeriod(period.from, period.to), madeOn: chinaDay(ctx.now()) },
    columns: [
      { header: c.item, width: 30 },
      { header: c.disputes, width: 10, align: 'right' },
      { header: c.persons, width: 10, align: 'right' },
      { header: c.yoy, width: 11, align: 'right' },
      { header: c.settled, width: 10, align: 'right' },
      { header: c.notSettled, width: 10, align: 'right' },
      { header: c.successRate, width: 11, align: 'right' },
    ],
  });
  const cells = (label: string, row: FigureRow, yoy: number | null | undefined) => [
    label,
    row.disputes,
    row.persons,
    yoy === undefined ? '' : formatChange(yoy, s.empty),
    row.settled,
    row.notSettled,
    formatPercent(row.successRate, s.empty),
  ];
  sheet.addRow(cells(s.total, f, f.yoyDisputes), { numbered: false, emphasis: true });
  const group = (name: string) => sheet.addRow([name, '', '', '', '', '', ''], { numbered: false, emphasis: true });
  group(s.annual.groups.source);
  for (const row of f.bySource) sheet.addRow(cells(sourceNames[row.key as keyof typeof sourceNames], row, undefined));
  group(s.annual.groups.type);
  for (const row of f.byType) sheet.addRow(cells(row.key ?? s.empty, row, undefined));
  group(s.annual.groups.organisation);
  for (const row of f.byOrganisation) sheet.addRow(cells(row.key === null ? s.unassignedOrg : (row.name ?? s.unknownOrg), row, undefined));
  group(s.annual.groups.mediator);
  for (const row of f.byMediator) sheet.addRow(cells(s.mediatorLabel(row.name, row.orgName), row, undefined));
  group(s.annual.groups.unit);
  for (const row of f.byUnit) sheet.addRow(cells(row.key === null ? s.unrecordedUnit : s.unitLabel(row.key, row.staff), row, undefined));
  group(s.annual.groups.route);
  for (const row of f.byRoute) sheet.addRow([row.key === null ? s.untriaged : routeNames[row.key as keyof typeof routeNames], row.disputes, row.persons, '', '', '', '']);
  group(s.annual.groups.confirmation);
  sheet.addRow([s.annual.confirmationsApplied, f.confirmationsApplied, '', '', '', '', '']);
  sheet.addRow([s.annual.confirmationsConfirmed, f.confirmationsConfirmed, '', '', '', '', '']);
  sheet.addRow([s.annual.obligationsDue, f.obligationsDue, '', '', '', '', '']);
  sheet.addRow([s.annual.obligationsPerformed, f.obligationsPerformed, '', '', '', '', '']);
  sheet.addRow([s.annual.performanceRate, formatPercent(f.performanceRate, s.empty), '', '', '', '', '']);
  group(s.annual.groups.transfer);
  sheet.addRow([s.annual.transferred, f.transferred, '', '', '', '', '']);
  sheet.addRow([s.annual.urgedByPhone, f.urgedByPhone, '', '', '', '', '']);
  sheet.addRow([s.annual.phoneUrgings, f.phoneUrgings, '', '', '', '', '']);
  sheet.addNote(s.annual.note);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: s.annual.fileName(year), base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}
