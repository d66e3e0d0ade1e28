// 信访事项 as xlsx: the list as the user filtered it, every matter the user may see (not
// only the page shown), masked exactly as the list shows it: names masked, an accusation's
// accuser and material withheld from whoever may not see them. Laid out for printing by
// @zhengfa/documents/sheets like every sheet the product writes (title with the county,
// the period and the day made; 序号; borders; header repeated; landscape A4 one page wide).
// Small enough (a county's matters, capped) to build in memory and return as base64.
import { badRequest, type AuthedContext } from '@zhengfa/plugin-api';
import { addPrintSheet, formatPeriod } from '@zhengfa/documents/sheets';
import ExcelJS from 'exceljs';
import { matterExportStrings as s } from '../strings.js';
import { chinaToday } from './dates.js';
import { listMatters, type ListFilter } from './queries.js';

/** The most matters one export may hold; more is refused with a request to narrow the filter. */
export const MATTERS_EXPORT_MAX = 10_000;

export type MatterExportFilter = Omit<ListFilter, 'page' | 'pageSize'>;

export async function mattersXlsx(ctx: AuthedContext, filter: MatterExportFilter): Promise<{ fileName: string; base64: string; rows: number }> {
  const list = await listMatters(ctx, { ...filter, page: 1, pageSize: MATTERS_EXPORT_MAX });
  if (list.total > MATTERS_EXPORT_MAX) throw badRequest(s.tooMany(list.total, MATTERS_EXPORT_MAX));
  const today = chinaToday(ctx.now());
  const c = s.columns;
  const workbook = new ExcelJS.Workbook();
  const printed = addPrintSheet(workbook, {
    sheetName: s.sheetName,
    title: { county: ctx.tenant.name, name: s.title, period: formatPeriod(filter.from ?? null, filter.to ?? null), madeOn: today },
    columns: [
      { header: c.docNo, width: 20 },
      { header: c.receivedOn, width: 12, align: 'center' },
      { header: c.channel, width: 8, align: 'center' },
      { header: c.category, width: 8, align: 'center' },
      { header: c.accusation, width: 8, align: 'center' },
      { header: c.petitioners, width: 16 },
      { header: c.excerpt, width: 40 },
      { header: c.visits, width: 8, align: 'right' },
      { header: c.persons, width: 6, align: 'right' },
      { header: c.repeats, width: 8, align: 'right' },
      { header: c.owner, width: 20 },
      { header: c.status, width: 10, align: 'center' },
      { header: c.outcome, width: 10, align: 'center' },
    ],
  });
  for (const m of list.items) {
    printed.addRow([
      m.docNo,
      m.firstReceivedOn,
      m.channelName || s.empty,
      m.categoryName,
      m.isAccusation ? s.yes : s.no,
      m.petitioners || s.empty,
      m.excerpt,
      m.visitCount,
      m.personVisits,
      m.repeatCount,
      m.owner.kind === 'officer' ? s.ownerOfficer(m.owner.name) : s.ownerUnit(m.owner.name),
      m.statusName,
      m.outcomeName ?? s.empty,
    ]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: s.fileName(today), base64: Buffer.from(buffer as ArrayBuffer).toString('base64'), rows: list.items.length };
}
