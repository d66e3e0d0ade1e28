// Reading an uploaded workbook without trusting it (an import's ledger or roster). The upload
// passes the zip guard (every part's declared size checked before anything is unpacked, the
// parts read inflated only up to their declared size); the parts the reader needs are
// re-packed, shared strings and styles first, and the first worksheet (in the workbook's tab
// order) is streamed row by row with exceljs's streaming reader — never loaded as a whole
// workbook. Rows and cells read are bounded: past MAX_ROWS non-blank rows or MAX_CELLS filled
// cells the file is refused, and columns past MAX_COLUMNS are not read.
//
// The header row is the first of the top HEADER_SCAN rows that `findHeader` accepts (so a
// title row above it is tolerated). Cells come back as text or numbers; a date cell comes
// back as 'YYYY-MM-DD' text. The refusals' words are the caller's (SheetMessages).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { storedZip, unzipParts, ZipGuardError, type ZipLimits } from '../zip-guard.js';

/** The caller's Chinese words for each reason a file is refused. */
export interface SheetMessages {
  fileUnreadable: string;
  noSheet: string;
  tooManyRows: (max: number) => string;
  tooManyCells: (max: number) => string;
}

/** A refused upload; `message` is one of the caller's SheetMessages (or the zip guard's own). */
export class SheetReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetReadError';
  }
}

export type CellValue = string | number | null;

export interface SheetRow {
  /** The row number as Excel shows it (1-based). */
  row: number;
  /** Cells by column number (1-based); empty cells absent. */
  cells: Map<number, CellValue>;
}

export interface RawSheet {
  headerRow: number;
  /** The header row's cells (column → text). */
  header: Map<number, string>;
  /** The non-blank rows under the header, in order; rows between them absent are blank. */
  rows: SheetRow[];
}

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_CELLS = 1_000_000;
export const MAX_COLUMNS = 100;
export const HEADER_SCAN = 10;

const MB = 1024 * 1024;
/** A 10 MB ledger of 20,000 rows unpacks to a few tens of MB; a bomb is refused far earlier. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxParts: 1000, maxPartBytes: 48 * MB, maxTotalBytes: 96 * MB };

const NEEDED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;

/** Shared strings and styles before the worksheets, so the streaming reader needs no temporary files. */
function partOrder(name: string): number {
  if (name === 'xl/_rels/workbook.xml.rels') return 0;
  if (name === 'xl/workbook.xml') return 1;
  if (name === 'xl/sharedStrings.xml') return 2;
  if (name === 'xl/styles.xml') return 3;
  return 4 + Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return null;
    // exceljs gives a date as that wall-clock time in UTC; a time part is a clock time on that day.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text ?? '').join('').trim() || null;
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text.trim() || null;
    if ('error' in v) return null;
  }
  return null;
}

async function guardedParts(buffer: Buffer, m: SheetMessages): Promise<Uint8Array> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = await unzipParts(buffer, { limits: IMPORT_ZIP_LIMITS, select: (n) => NEEDED.test(n) });
  } catch (err) {
    if (err instanceof ZipGuardError) throw new SheetReadError(err.code === 'not_zip' ? m.fileUnreadable : err.message);
    throw err;
  }
  if (!parts.has('xl/workbook.xml')) throw new SheetReadError(m.fileUnreadable);
  return storedZip([...parts].sort((a, b) => partOrder(a[0]) - partOrder(b[0])));
}

/**
 * Streams the first worksheet of an uploaded workbook: finds the header row with
 * `findHeader` (given the row's cells as text) and returns the rows under it. A file it
 * refuses throws SheetReadError with the caller's message for the reason.
 */
export async function readUploadedSheet(buffer: Buffer, findHeader: (header: Map<number, string>) => boolean, m: SheetMessages): Promise<RawSheet> {
  const zip = await guardedParts(buffer, m);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headerRow = 0;
  let header = new Map<number, string>();
  const rows: SheetRow[] = [];
  let cellsRead = 0;
  let sawSheet = false;
  try {
    for await (const ws of reader) {
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      const first = model?.sheets?.[0]?.name;
      if (first !== undefined && (ws as unknown as { name?: string }).name !== first) continue;
      sawSheet = true;
      for await (const row of ws) {
        const cells = new Map<number, CellValue>();
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > MAX_COLUMNS) return;
          const v = cellValue(cell.value);
          if (v !== null) cells.set(col, v);
        });
        cellsRead += cells.size;
        if (cellsRead > MAX_CELLS) throw new SheetReadError(m.tooManyCells(MAX_CELLS));
        if (headerRow === 0) {
          if (row.number > HEADER_SCAN) break;
          const texts = new Map<number, string>();
          for (const [c, v] of cells) texts.set(c, String(v));
          if (findHeader(texts)) {
            headerRow = row.number;
            header = texts;
          }
          continue;
        }
        if (cells.size === 0) continue;
        rows.push({ row: row.number, cells });
        if (rows.length > MAX_ROWS) throw new SheetReadError(m.tooManyRows(MAX_ROWS));
      }
      break;
    }
  } catch (err) {
    if (err instanceof SheetReadError) throw err;
    throw new SheetReadError(m.fileUnreadable);
  }
  if (!sawSheet) throw new SheetReadError(m.noSheet);
  return { headerRow, header, rows };
}
