// Reading an uploaded ledger: the first worksheet, a header row (the first of the top ten
// rows that holds every required mapped column, so a title row above it is tolerated),
// and the data rows under it as text or dates.
import ExcelJS from 'exceljs';
import { badRequest } from '@zhengfa/plugin-api';
import { importStrings as s } from '../strings.js';

export type CellValue = string | Date | number | null;

export interface SheetRow {
  /** The row number as Excel shows it (1-based). */
  row: number;
  cells: Map<string, CellValue>;
}

export interface ParsedSheet {
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

export const MAX_ROWS = 20_000;
export const MAX_BYTES = 10 * 1024 * 1024;

/** Normalises a header for matching: no spaces of any kind, no trailing colon or asterisk. */
export function headerKey(value: string): string {
  return value.replace(/[\s\u3000]+/g, '').replace(/[*＊:：]+$/g, '');
}

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as never);
  } catch {
    throw badRequest(s.fileUnreadable);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest(s.noSheet);
  return sheet;
}

/** Finds the header row holding every one of `required` (header names) and reads the rows below it. */
export function readRows(sheet: ExcelJS.Worksheet, required: string[]): ParsedSheet {
  const wanted = required.map(headerKey);
  let headerRow = 0;
  let columns: { col: number; header: string }[] = [];
  let bestMissing = wanted;
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r += 1) {
    const row = sheet.getRow(r);
    const cols: { col: number; header: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell.value);
      if (typeof v === 'string' && headerKey(v)) cols.push({ col, header: headerKey(v) });
    });
    const missing = wanted.filter((h) => !cols.some((c) => c.header === h));
    if (missing.length === 0) {
      headerRow = r;
      columns = cols;
      break;
    }
    if (missing.length < bestMissing.length) bestMissing = missing;
  }
  if (headerRow === 0) throw badRequest(s.noHeader(bestMissing));
  if (sheet.rowCount - headerRow > MAX_ROWS) throw badRequest(s.tooManyRows(MAX_ROWS));
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells = new Map<string, CellValue>();
    let any = false;
    for (const c of columns) {
      let v = cellValue(row.getCell(c.col).value);
      if (typeof v === 'string') v = v.trim() || null;
      if (v !== null) any = true;
      cells.set(c.header, v);
    }
    if (any) rows.push({ row: r, cells });
  }
  return { headerRow, headers: columns.map((c) => c.header), rows };
}
