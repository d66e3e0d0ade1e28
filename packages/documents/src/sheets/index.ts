// Spreadsheets (xlsx) laid out for printing: the shared title, 序号, borders, print titles,
// landscape A4 fitted to the page width and page numbers. Kernel and plugins import this
// entry (`@zhengfa/documents/sheets`), which loads exceljs but not the docx library.
export {
  addPrintSheet,
  formatPeriod,
  printHeaderFooter,
  printPageSetup,
  printTitleLines,
  PRINT_HEADER_ROW,
  PRINT_SUBTITLE_ROW,
  PRINT_TITLE_ROW,
  type PrintColumn,
  type PrintRowOptions,
  type PrintSheet,
  type PrintSheetSpec,
  type PrintTitle,
} from './print-sheet.js';
export {
  HEADER_SCAN,
  IMPORT_ZIP_LIMITS,
  MAX_BYTES,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_ROWS,
  readUploadedSheet,
  SheetReadError,
  type CellValue,
  type RawSheet,
  type SheetMessages,
  type SheetRow,
} from './read-sheet.js';
export { splitSheetRows, type DataSheetRow, type SkipKindOfRow, type SkippedSheetRow } from './split-rows.js';
