// The printed layout every spreadsheet the product writes shares: a title (county and
// ledger name) over a line with the period and the day the table was made, a bordered
// table whose first column is 序号, the header row repeated on each printed page (print
// titles), landscape A4 scaled to the page width and "第 n 页 共 m 页" in the footer.
//
// Works on an in-memory workbook (`new ExcelJS.Workbook()`) and on exceljs's streaming
// writer (`ExcelJS.stream.xlsx.WorkbookWriter`) alike: the sheet is created here because
// the streaming writer writes the page-fit flag when the sheet is added, every row is
// committed as soon as it is written, and every data cell shares one of a few style
// objects (exceljs renders a style once per object, not once per cell).
import type ExcelJS from 'exceljs';
import { formatChineseDate, type DateInput } from '../layout.js';
import { documentStrings } from '../strings.js';

const s = documentStrings.sheet;

/** A column of the table, after 序号. */
export interface PrintColumn {
  header: string;
  /** Width in Excel's units (about one Latin character; a Chinese character is two). */
  width: number;
  /** Horizontal alignment of the data cells; left by default. */
  align?: 'left' | 'center' | 'right';
}

export interface PrintTitle {
  /** The county (the tenant's name), e.g. 示范县. */
  county: string;
  /** The ledger's or table's name, e.g. 事项台账. */
  name: string;
  /** The period the rows cover, worded (see formatPeriod), e.g. 2026年1月1日至2026年11月30日 or 全部. */
  period: string;
  /** The day the table is made. */
  madeOn: DateInput;
}

export interface PrintSheetSpec {
  /** The worksheet's tab name. */
  sheetName: string;
  title: PrintTitle;
  /** The table's columns; 序号 is put before them. */
  columns: readonly PrintColumn[];
}

export interface PrintRowOptions {
  /** Give the row the next 序号 (default). A total row passes false and leaves 序号 empty. */
  numbered?: boolean;
  /** Bold, as for a total row. */
  emphasis?: boolean;
}

export interface PrintSheet {
  readonly sheet: ExcelJS.Worksheet;
  /** Rows of the title and the header above the first data row. */
  readonly headerRows: number;
  /** Appends a bordered data row (values in column order, without 序号) and commits it. */
  addRow(values: readonly ExcelJS.CellValue[], options?: PrintRowOptions): ExcelJS.Row;
  /** Appends a note under the table, one blank row below it: merged across, wrapped, no border, as tall as its lines. */
  addNote(text: string, heightPt?: number): ExcelJS.Row;
}

/** Row 1 the title, row 2 the period and date, row 3 the column headers. */
export const PRINT_TITLE_ROW = 1;
export const PRINT_SUBTITLE_ROW = 2;
export const PRINT_HEADER_ROW = 3;

/** Page setup of every printed sheet: landscape A4, as many pages down as needed, one across. */
export const printPageSetup = {
  paperSize: 9 as ExcelJS.PaperSize,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: `${PRINT_HEADER_ROW}:${PRINT_HEADER_ROW}`,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const satisfies Partial<ExcelJS.PageSetup>;

export const printHeaderFooter = { oddFooter: s.footer } as const satisfies Partial<ExcelJS.HeaderFooter>;

/** The period a table covers: both ends, one end, or 全部. */
export function formatPeriod(from?: DateInput | null, to?: DateInput | null): string {
  if (from && to) return s.periodRange(formatChineseDate(from), formatChineseDate(to));
  if (from) return s.periodFrom(formatChineseDate(from));
  if (to) return s.periodTo(formatChineseDate(to));
  return s.allPeriods;
}

/** The two title lines as printed: 示范县事项台账, then 统计期间：… 制表日期：…. */
export function printTitleLines(title: PrintTitle): [string, string] {
  return [s.title(title.county, title.name), `${s.period(title.period)}${s.subtitleGap}${s.madeOn(formatChineseDate(title.madeOn))}`];
}

const FONT = '宋体';
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// Shared style objects: never mutate them (a cell's font or alignment setter would write
// through to every cell that shares the object); assign a whole style instead.
const styles = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  subtitle: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  header: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border },
  note: { font: { name: FONT, size: 10 }, alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

function cellStyle(align: PrintColumn['align'], bold: boolean): Partial<ExcelJS.Style> {
  return { font: { name: FONT, size: 10, bold }, alignment: { horizontal: align ?? 'left', vertical: 'middle', wrapText: true }, border };
}
const dataStyles = new Map<string, Partial<ExcelJS.Style>>();
function dataStyle(align: PrintColumn['align'], bold: boolean): Partial<ExcelJS.Style> {
  const key = `${align ?? 'left'}/${bold}`;
  let style = dataStyles.get(key);
  if (!style) dataStyles.set(key, (style = cellStyle(align, bold)));
  return style;
}

/** Data rows: 10pt type on lines of about 13.5pt; one line fits the default row height. */
const LINE_PT = 13.5;
const ROW_PADDING_PT = 3;

/**
 * Lines `text` wraps to in a column `width` units wide, for the row's height: Excel and
 * LibreOffice keep a written sheet's row heights (neither re-measures wrapped text when it
 * opens a file), so rows are sized here. A Chinese character is about two units wide at
 * 10pt, a Latin letter or digit one; a unit of the width is left for the cell's padding.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let w = 0;
    for (const ch of paragraph) w += ch.charCodeAt(0) < 0x2e80 ? 1 : 2;
    lines += Math.max(1, Math.ceil(w / usable));
  }
  return lines;
}

const SERIAL: PrintColumn = { header: s.serialNo, width: 6, align: 'center' };

/** Adds a worksheet laid out for printing, with its title and header rows written and committed. */
export function addPrintSheet(workbook: ExcelJS.Workbook, spec: PrintSheetSpec): PrintSheet {
  const columns = [SERIAL, ...spec.columns];
  const n = columns.length;
  const sheet = workbook.addWorksheet(spec.sheetName, {
    pageSetup: { ...printPageSetup, margins: { ...printPageSetup.margins } },
    headerFooter: { ...printHeaderFooter },
    views: [{ state: 'frozen', xSplit: 0, ySplit: PRINT_HEADER_ROW, topLeftCell: `A${PRINT_HEADER_ROW + 1}` }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const [titleText, subtitleText] = printTitleLines(spec.title);
  const line = (rowNo: number, text: string, style: Partial<ExcelJS.Style>, height: number) => {
    sheet.mergeCells(rowNo, 1, rowNo, n);
    const row = sheet.getRow(rowNo);
    row.height = height;
    const cell = row.getCell(1);
    cell.value = text;
    cell.style = style;
    row.commit();
  };
  line(PRINT_TITLE_ROW, titleText, styles.title, 30);
  line(PRINT_SUBTITLE_ROW, subtitleText, styles.subtitle, 20);
  const header = sheet.getRow(PRINT_HEADER_ROW);
  header.height = 24;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = styles.header;
  });
  header.commit();

  const widths = columns.map((c) => c.width);
  const plain = columns.map((c) => dataStyle(c.align, false));
  const bold = columns.map((c) => dataStyle(c.align, true));
  let nextRow = PRINT_HEADER_ROW + 1;
  let serial = 0;
  return {
    sheet,
    headerRows: PRINT_HEADER_ROW,
    addRow(values, options = {}) {
      const row = sheet.getRow(nextRow++);
      const style = options.emphasis ? bold : plain;
      const first = row.getCell(1);
      first.value = options.numbered === false ? null : ++serial;
      first.style = style[0]!;
      let lines = 1;
      for (let i = 1; i < n; i++) {
        const value = values[i - 1] ?? null;
        const cell = row.getCell(i + 1);
        cell.value = value;
        cell.style = style[i]!;
        if (typeof value === 'string' && value.length > 2) lines = Math.max(lines, wrappedLines(value, widths[i]!));
      }
      if (lines > 1) row.height = lines * LINE_PT + ROW_PADDING_PT;
      row.commit();
      return row;
    },
    addNote(text, heightPt) {
      const rowNo = nextRow + 1;
      nextRow = rowNo + 1;
      sheet.mergeCells(rowNo, 1, rowNo, n);
      const row = sheet.getRow(rowNo);
      row.height = heightPt ?? wrappedLines(text, widths.reduce((a, b) => a + b, 0)) * LINE_PT + ROW_PADDING_PT;
      const cell = row.getCell(1);
      cell.value = text;
      cell.style = styles.note;
      row.commit();
      return row;
    },
  };
}
