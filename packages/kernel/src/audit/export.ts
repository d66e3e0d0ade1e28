// The audit log as xlsx: the rows the list's filter selects, newest first, at most
// AUDIT_EXPORT_MAX of them (a note on the sheet says when more matched). The file is small
// enough to build in memory and return as base64, like the console's other documents.
import ExcelJS from 'exceljs';
import { chinaDate } from '../cases/dates.js';
import { auditActionNames, auditExportStrings as s } from '../strings.js';
import type { AuditRowOut } from './list.js';

export const AUDIT_EXPORT_MAX = 10_000;

const stamp = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

export async function auditWorkbook(rows: AuditRowOut[], opts: { truncated: boolean; now: Date }): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(s.sheetName);
  const c = s.columns;
  ws.columns = [
    { header: c.seq, key: 'seq', width: 8 },
    { header: c.at, key: 'at', width: 20 },
    { header: c.actor, key: 'actor', width: 14 },
    { header: c.action, key: 'action', width: 20 },
    { header: c.target, key: 'target', width: 40 },
    { header: c.outcome, key: 'outcome', width: 8 },
    { header: c.ip, key: 'ip', width: 16 },
    { header: c.userAgent, key: 'userAgent', width: 30 },
    { header: c.detail, key: 'detail', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    ws.addRow({
      seq: r.seq,
      at: stamp(r.at),
      actor: r.actorName ?? s.system,
      action: auditActionNames[r.action] ?? r.action,
      target: [r.targetType, r.targetId].filter(Boolean).join(' '),
      outcome: s.outcomes[r.outcome] ?? r.outcome,
      ip: r.ip ?? '',
      userAgent: r.userAgent ?? '',
      detail: r.detail == null ? '' : JSON.stringify(r.detail),
    });
  }
  if (opts.truncated) ws.addRow({ seq: s.truncated(AUDIT_EXPORT_MAX) });
  const buffer = await wb.xlsx.writeBuffer();
  return {
    fileName: s.fileName(chinaDate(opts.now)),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
    rows: rows.length,
  };
}
