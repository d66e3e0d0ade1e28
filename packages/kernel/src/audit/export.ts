// The audit log as xlsx: the rows the list's filter selects, newest first, at most
// AUDIT_EXPORT_MAX of them (a note under the table says when more matched). The file is
// small enough to build in memory and return as base64, like the console's other documents.
// Laid out for printing like every sheet the product writes (@zhengfa/documents/sheets):
// title, period and day made, 序号, borders, header repeated, landscape A4 one page wide.
import { addPrintSheet, formatPeriod } from '@zhengfa/documents/sheets';
import ExcelJS from 'exceljs';
import { chinaDate } from '../cases/dates.js';
import { auditActionNames, auditExportStrings as s } from '../strings.js';
import type { AuditRowOut } from './list.js';

export const AUDIT_EXPORT_MAX = 10_000;

const stamp = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

export interface AuditWorkbookOptions {
  truncated: boolean;
  now: Date;
  /** The county (the tenant's name), for the title. */
  county: string;
  /** The filter's period, for the line under the title. */
  from?: Date;
  to?: Date;
}

export async function auditWorkbook(rows: AuditRowOut[], opts: AuditWorkbookOptions): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const wb = new ExcelJS.Workbook();
  const c = s.columns;
  const printed = addPrintSheet(wb, {
    sheetName: s.sheetName,
    title: {
      county: opts.county,
      name: s.sheetName,
      period: formatPeriod(opts.from ? chinaDate(opts.from) : null, opts.to ? chinaDate(opts.to) : null),
      madeOn: chinaDate(opts.now),
    },
    columns: [
      { header: c.seq, width: 10, align: 'right' },
      { header: c.at, width: 20 },
      { header: c.actor, width: 14 },
      { header: c.action, width: 20 },
      { header: c.target, width: 40 },
      { header: c.outcome, width: 8, align: 'center' },
      { header: c.ip, width: 16 },
      { header: c.userAgent, width: 30 },
      { header: c.detail, width: 60 },
    ],
  });
  for (const r of rows) {
    printed.addRow([
      r.seq,
      stamp(r.at),
      r.actorName ?? s.system,
      auditActionNames[r.action] ?? r.action,
      [r.targetType, r.targetId].filter(Boolean).join(' '),
      s.outcomes[r.outcome] ?? r.outcome,
      r.ip ?? '',
      r.userAgent ?? '',
      r.detail == null ? '' : JSON.stringify(r.detail),
    ]);
  }
  if (opts.truncated) printed.addNote(s.truncated(AUDIT_EXPORT_MAX));
  const buffer = await wb.xlsx.writeBuffer();
  return {
    fileName: s.fileName(chinaDate(opts.now)),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
    rows: rows.length,
  };
}
