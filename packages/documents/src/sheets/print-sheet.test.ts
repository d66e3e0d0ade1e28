import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrintSheet, formatPeriod, wrappedLines, type PrintSheetSpec } from './print-sheet.js';

const spec: PrintSheetSpec = {
  sheetName: '台账',
  title: { county: '示范县', name: '事项台账', period: '2026年1月1日至2026年11月30日', madeOn: '2026-12-07' },
  columns: [
    { header: '文号', width: 22 },
    { header: '标题', width: 30 },
    { header: '件数', width: 8, align: 'right' },
  ],
};

async function readBack(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb.worksheets[0]!;
}

/** The same rows written in memory and through the streaming writer, read back. */
async function bothWriters(fill: (sheet: ReturnType<typeof addPrintSheet>) => void): Promise<Record<'memory' | 'stream', ExcelJS.Worksheet>> {
  const memory = new ExcelJS.Workbook();
  fill(addPrintSheet(memory, spec));
  const file = path.join(dir, `stream-${Math.random().toString(36).slice(2)}.xlsx`);
  const stream = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const printed = addPrintSheet(stream, spec);
  fill(printed);
  printed.sheet.commit();
  await stream.commit();
  const fromFile = new ExcelJS.Workbook();
  await fromFile.xlsx.readFile(file);
  return { memory: await readBack((await memory.xlsx.writeBuffer()) as ArrayBuffer), stream: fromFile.worksheets[0]! };
}

const dir = mkdtempSync(path.join(tmpdir(), 'zf-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const twoRows = (p: ReturnType<typeof addPrintSheet>) => {
  p.addRow(['示政法督〔2026〕12号', '关于河口乡土地承包纠纷的督办', 3]);
  p.addRow(['示政法督〔2026〕13号', null, 5]);
};

describe('printed sheet', () => {
  for (const writer of ['memory', 'stream'] as const) {
    describe(`written ${writer === 'memory' ? 'in memory' : 'through the streaming writer'}`, () => {
      it('prints landscape A4, one page wide and as many pages down as needed', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      });

      it('repeats the header row on every printed page', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      });

      it('numbers the pages in the footer as 第 n 页 共 m 页', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      });

      it('puts the county and ledger name, the period and the day made above the table', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        expect(ws.getCell('A1').value).toBe('示范县事项台账');
        expect(ws.getCell('A2').value).toBe('统计期间：2026年1月1日至2026年11月30日　　　　制表日期：2026年12月7日');
        expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2']));
      });

      it('puts 序号 before the columns and numbers the rows from 1', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '文号', '标题', '件数']);
        expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([1, '示政法督〔2026〕12号', '关于河口乡土地承包纠纷的督办', 3]);
        expect(ws.getCell('A5').value).toBe(2);
      });

      it('borders every cell of the table, empty ones included', async () => {
        const ws = (await bothWriters(twoRows))[writer];
        for (const address of ['A3', 'D3', 'A4', 'D4', 'C5']) {
          expect(ws.getCell(address).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
        }
        expect(ws.getCell('A1').border ?? {}).toEqual({});
      });

      it('leaves 序号 empty on a row that is not numbered and goes on counting after it', async () => {
        const ws = (
          await bothWriters((p) => {
            p.addRow(['合计', '', 8], { numbered: false, emphasis: true });
            twoRows(p);
          })
        )[writer];
        expect(ws.getCell('A4').value).toBeNull();
        expect(ws.getCell('B4').font.bold).toBe(true);
        expect([ws.getCell('A5').value, ws.getCell('A6').value]).toEqual([1, 2]);
      });

      it('makes a row tall enough for its longest wrapped cell and leaves a one-line row at the default height', async () => {
        const ws = (
          await bothWriters((p) => {
            p.addRow(['示政法督〔2026〕12号', '关于河口乡土地承包纠纷的督办，村民反映承包地被占用，请依法处理', 3]);
            p.addRow(['示政法督〔2026〕13号', '短标题', 5]);
          })
        )[writer];
        // 31 characters = 62 units in a column of 30 (29 usable): 3 lines of 13.5pt and 3pt of padding.
        expect(ws.getRow(4).height).toBe(43.5);
        expect(ws.getRow(5).height ?? 15).toBe(15);
      });

      it('writes a note one row below the table, merged across its width', async () => {
        const ws = (
          await bothWriters((p) => {
            twoRows(p);
            p.addNote('注：化解率 = 化解件数 ÷ 受理件数。');
          })
        )[writer];
        expect(ws.getCell('A7').value).toBe('注：化解率 = 化解件数 ÷ 受理件数。');
        expect(ws.model.merges).toContain('A7:D7');
      });
    });
  }
});

describe('formatPeriod', () => {
  it('words both ends of a period in Chinese dates', () => {
    expect(formatPeriod('2026-01-01', '2026-11-30')).toBe('2026年1月1日至2026年11月30日');
  });

  it('words a period open at one end', () => {
    expect(formatPeriod('2026-01-01')).toBe('2026年1月1日以来');
    expect(formatPeriod(undefined, '2026-11-30')).toBe('截至2026年11月30日');
  });

  it('calls a period without ends 全部', () => {
    expect(formatPeriod()).toBe('全部');
    expect(formatPeriod(null, null)).toBe('全部');
  });
});

describe('wrappedLines', () => {
  it('counts a Chinese character as two units and a Latin one as one, less a unit of padding', () => {
    expect(wrappedLines('关于城关镇土地纠纷', 19)).toBe(1);
    expect(wrappedLines('关于城关镇土地纠纷信', 19)).toBe(2);
    expect(wrappedLines('ETC2026', 8)).toBe(1);
    expect(wrappedLines('ETC20260', 8)).toBe(2);
  });

  it('starts a new line at each line break', () => {
    expect(wrappedLines('第一行\n第二行', 30)).toBe(2);
  });
});
