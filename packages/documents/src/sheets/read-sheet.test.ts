// The bounds on what an uploaded workbook may make the server read (issue 29, finding 4):
// past MAX_ROWS non-blank rows or MAX_CELLS filled cells the file is refused with the
// caller's own words, whatever the zip guard let through.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS, MAX_ROWS, readUploadedSheet, type SheetMessages } from './read-sheet.js';

const messages: SheetMessages = {
  fileUnreadable: '无法读取',
  noSheet: '没有工作表',
  tooManyRows: (max) => `超过 ${max} 行`,
  tooManyCells: (max) => `超过 ${max} 个单元格`,
};

function column(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A workbook whose first sheet has a header row of numbers and `rows` rows of `columns` numbers under it. */
function workbook(rows: number, columns: number): Buffer {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows + 1; r++) {
    let row = `<row r="${r}">`;
    for (let c = 1; c <= columns; c++) row += `<c r="${column(c)}${r}"><v>${r === 1 ? c : 7}</v></c>`;
    lines.push(`${row}</row>`);
  }
  lines.push('</sheetData></worksheet>');
  return Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
        '_rels/.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        'xl/workbook.xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': strToU8(lines.join('')),
      },
      { level: 1 },
    ),
  );
}

const header = (h: Map<number, string>) => h.get(1) === '1';

describe('reading an uploaded workbook', () => {
  it(`reads ${MAX_ROWS} rows under the header`, async () => {
    const sheet = await readUploadedSheet(workbook(MAX_ROWS, 1), header, messages);
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toHaveLength(20_000);
    expect(sheet.rows[19_999]).toEqual({ row: 20_001, cells: new Map([[1, 7]]) });
  }, 60_000);

  it(`refuses a sheet of ${MAX_ROWS + 1} rows under the header with the caller's rows message`, async () => {
    await expect(readUploadedSheet(workbook(MAX_ROWS + 1, 1), header, messages)).rejects.toThrow('超过 20000 行');
  }, 60_000);

  it(`refuses a sheet of more than ${MAX_CELLS} filled cells with the caller's cells message`, async () => {
    // 10,000 rows of 100 columns and the header's 100 cells: 1,000,100 cells in under MAX_ROWS rows.
    await expect(readUploadedSheet(workbook(10_000, 100), header, messages)).rejects.toThrow('超过 1000000 个单元格');
  }, 180_000);
});
