// The rows under an uploaded table's header, as a ledger or roster written by hand has them:
// data rows, and rows that are not data (runs of blank rows, 合计/小计 rows, notes such as
// 注：… or 填表人：…, and rows with one filled cell only: a merged title such as 一季度, or a
// note under the table). Which columns are read is the caller's (its resolved header).
import type { CellValue, SheetRow } from './read-sheet.js';

export type SkipKindOfRow = 'blank' | 'total' | 'note' | 'title';

export interface SkippedSheetRow {
  row: number;
  /** The last row of a run of blank rows. */
  toRow?: number;
  kind: SkipKindOfRow;
}

export interface DataSheetRow<F extends string> {
  row: number;
  cells: Partial<Record<F, CellValue>>;
}

const TOTAL = /^.{0,8}(合计|小计|总计|共计|累计)([(（].{0,10}[)）])?[:：]?$/;
const NOTE = /^(注|备注|说明|附注|填表|制表|审核|审批|统计人|负责人|联系人|经办人|单位负责人|领导签字|签字|盖章|单位[(（]?盖章)/;

function texts(r: SheetRow): string[] {
  return [...r.cells.values()].map((v) => String(v).normalize('NFKC').replace(/\s+/g, ''));
}

function isTotal(r: SheetRow): boolean {
  return texts(r).some((t) => t.length <= 16 && TOTAL.test(t));
}

function isNote(r: SheetRow): boolean {
  const t = texts(r);
  return t.length <= 3 && NOTE.test(t[0] ?? '');
}

/**
 * Splits the rows under the header into data rows (their cells by field, for the fields whose
 * column was found) and skipped rows. `rowsRead` counts every row from under the header to the
 * last filled one.
 */
export function splitSheetRows<F extends string>(
  headerRow: number,
  rows: SheetRow[],
  fields: readonly F[],
  columns: Partial<Record<F, { col: number } | undefined>>,
): { data: DataSheetRow<F>[]; skipped: SkippedSheetRow[]; rowsRead: number } {
  const data: DataSheetRow<F>[] = [];
  const skipped: SkippedSheetRow[] = [];
  const lastRow = rows.at(-1)?.row ?? headerRow;
  const lastDataIndex = rows.reduce((last, r, i) => (r.cells.size > 1 && !isTotal(r) && !isNote(r) ? i : last), -1);
  let expected = headerRow + 1;
  rows.forEach((r, i) => {
    if (r.row > expected) skipped.push({ row: expected, ...(r.row - 1 > expected ? { toRow: r.row - 1 } : {}), kind: 'blank' });
    expected = r.row + 1;
    if (isTotal(r)) skipped.push({ row: r.row, kind: 'total' });
    else if (isNote(r)) skipped.push({ row: r.row, kind: 'note' });
    else if (r.cells.size === 1) skipped.push({ row: r.row, kind: i > lastDataIndex ? 'note' : 'title' });
    else {
      const cells: Partial<Record<F, CellValue>> = {};
      for (const f of fields) {
        const c = columns[f];
        if (c && r.cells.has(c.col)) cells[f] = r.cells.get(c.col)!;
      }
      data.push({ row: r.row, cells });
    }
  });
  return { data, skipped, rowsRead: lastRow - headerRow };
}
