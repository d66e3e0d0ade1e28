// A county ledger as officers keep it by hand over years: a merged title, headers as they
// write them, units by short names, dates in every form, an ID number Excel stored as a
// number, 小计/合计 rows, blank rows, quarter titles and notes under the table, outcome
// columns and repeat visits of one person on one issue.
import { describeEachEngine } from '@zhengfa/test-utils';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, makeIdNumber, startWorld, type World } from '../matters/test/helpers.js';

type Cell = string | number | Date | null;
const HEADERS = ['序号', '来访日期', '信访方式', '人次', '信访人', '身份证号码', '联系电话', '住址', '涉及单位', '类别', '信访内容', '诉求', '是否息访', '办理结果', '办结日期'];
const ZHANG_ID = makeIdNumber('431121', '1980-01-01', 123);
/** An ID number whose check character is X, written with a lower-case x. */
const LI_ID = '43112119850505101x';

interface Line {
  no?: number | string;
  date?: Cell;
  channel?: string;
  persons?: number;
  name?: string;
  id?: string | number;
  phone?: string;
  address?: string;
  unit?: string;
  category?: string;
  content?: string;
  demands?: string;
  stopped?: string;
  outcome?: string;
  outcomeOn?: Cell;
}

function line(l: Line): Cell[] {
  return [l.no ?? null, l.date ?? null, l.channel ?? null, l.persons ?? null, l.name ?? null, l.id ?? null, l.phone ?? null, l.address ?? null, l.unit ?? null, l.category ?? null, l.content ?? null, l.demands ?? null, l.stopped ?? null, l.outcome ?? null, l.outcomeOn ?? null];
}

/** Sheet rows from row 3 on (row 1: merged title, row 2: headers); null leaves the row blank. */
function ledgerRows(): (Cell[] | null)[] {
  return [
    /* 3 */ ['一季度'],
    /* 4 */ line({ no: 1, date: '２０２３年３月８日', channel: '来访', persons: 3, name: '张三', id: ZHANG_ID, phone: '13812345678', address: '城关镇东街1号', unit: '公安局', category: '涉法', content: '反映派出所对邻里纠纷出警不及时', demands: '依法处理', stopped: '否' }),
    /* 5 */ line({ no: 2, date: '2023.3.15', channel: '来访', persons: 2, name: '张三', id: ZHANG_ID, phone: '13812345678', unit: '县公安局', category: '涉法', content: '再次反映派出所对邻里纠纷出警不及时', demands: '依法处理', stopped: '是', outcomeOn: '2023/4/20' }),
    /* 6 */ line({ no: 3, date: '2023/3/5', channel: '来信', persons: 1, name: '李四', id: LI_ID, unit: '县检察院', category: '涉诉', content: '不服法院判决申请检察监督', outcome: '化解', outcomeOn: '2023-05-06' }),
    /* 7 */ line({ no: 4, date: '2023-03-05', channel: '电话', persons: 1, name: '王五', phone: '0731-84123456', unit: '法院', category: '涉诉', content: '执行案件长期未执行到位', demands: '尽快执行' }),
    /* 8 */ null,
    /* 9 */ line({ no: 5, date: '2023年3月5日', channel: '来访', persons: 6, name: '赵六', phone: '13900001111', unit: '城关镇政府', category: '其他', content: '小区房屋质量问题' }),
    /* 10 */ line({ no: 6, date: 44990, channel: '网上', persons: 1, name: '钱七', unit: '司法局', category: '涉法', content: '社区矫正人员管理问题' }),
    /* 11 */ line({ no: 7, date: new Date(Date.UTC(2023, 5, 1)), channel: '来访', persons: 1, name: '孙八', id: Number('431121198001011234'), unit: '法院', category: '涉诉', content: '判决后对方拒不履行' }),
    /* 12 */ line({ no: 8, date: '2023-13-05', channel: '来信', persons: 1, name: '周九', unit: '公安局', category: '涉法', content: '户籍迁移办理缓慢' }),
    /* 13 */ ['小计', null, null, 13],
    /* 14 */ ['二季度'],
    /* 15 */ line({ no: 9, date: '2023-06-10', channel: '来访', persons: 2, name: '张三', id: ZHANG_ID, phone: '13812345678', unit: '公安局', category: '涉法', content: '第三次反映派出所对邻里纠纷出警不及时', demands: '依法处理' }),
    /* 16 */ ['合计', null, null, 15],
    /* 17 */ null,
    /* 18 */ ['注：本表由县委政法委信访室填报，身份证号码一律按文本填写。'],
    /* 19 */ ['填表人：陈监督', null, null, null, null, '审核人：刘书记'],
  ];
}

async function ledgerFile(rows: (Cell[] | null)[], title = '示范县2023年信访工作台账', mergedRows: number[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2023年');
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(2).values = HEADERS;
  rows.forEach((r, i) => {
    if (r) ws.getRow(i + 3).values = r;
  });
  // Quarter titles are merged across the table, as ledgers do.
  for (const r of mergedRows) ws.mergeCells(r, 1, r, HEADERS.length);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

describeEachEngine('importing a county ledger written by hand', (engine) => {
  let w: World;
  let imports: any;
  let report: any;
  const matterOf = async (name: string) => {
    const list = await api(w.sup).matters.list({ from: '2023-01-01', to: '2024-12-31', pageSize: 200 });
    const ids = list.items.filter((m: any) => m.petitioners.startsWith(name.slice(0, 1))).map((m: any) => m.id);
    const details = await Promise.all(ids.map((id: string) => api(w.sup).matters.get({ id })));
    return details.filter((d: any) => d.content.length > 0 && d.petitioners.some((p: any) => p.name.startsWith(name.slice(0, 1))));
  };

  beforeAll(async () => {
    w = await startWorld(engine);
    imports = api(w.sup).imports;
    report = await imports.check({ fileName: '2023年信访台账.xlsx', base64: await ledgerFile(ledgerRows(), undefined, [3, 14]) });
  });
  afterAll(async () => {
    await w?.t.stop();
  });

  describe('the dry run', () => {
    it('finds the headers under the merged title, by the names the ledger uses', () => {
      expect(report.headerRow).toBe(2);
      expect(Object.fromEntries(report.columns.map((c: any) => [c.field, c.header]))).toEqual({
        receivedOn: '来访日期', channel: '信访方式', personCount: '人次', name: '信访人', idNumber: '身份证号码', phone: '联系电话', address: '住址',
        involvedOrg: '涉及单位', category: '类别', content: '信访内容', demands: '诉求', stopped: '是否息访', outcome: '办理结果', outcomeOn: '办结日期',
      });
    });

    it('counts the rows read, good, bad by reason, skipped and the person-visits exactly', () => {
      expect(report).toMatchObject({ totalRows: 17, goodRows: 6, badRows: 3, skippedRows: 8, personVisits: 10, newMatters: 4, repeatVisits: 2, outcomes: 2 });
      expect(report.badByReason.map((b: any) => [b.name, b.rows])).toEqual([
        ['日期无法识别或不存在', 1],
        ['身份证号码以数字保存', 1],
        ['涉及单位无法识别', 1],
      ]);
    });

    it('lists the 合计/小计 rows, blank rows, merged titles and notes under the table as skipped, not as bad rows', () => {
      expect(report.skipped.map((x: any) => x.text)).toEqual([
        '第 3 行：标题行（合并单元格或只有一格有内容）',
        '第 8 行：空行',
        '第 13 行：合计、小计行',
        '第 14 行：标题行（合并单元格或只有一格有内容）',
        '第 16 行：合计、小计行',
        '第 17 行：空行',
        '第 18 行：表格下方的说明或落款',
        '第 19 行：表格下方的说明或落款',
      ]);
      expect(report.errors.map((e: any) => e.row)).toEqual([9, 11, 12]);
    });

    it('refuses an ID number Excel stored as a number, without calling it a checksum error', () => {
      expect(report.errors.find((e: any) => e.row === 11).reasons).toEqual(['第 11 行「身份证号码」：身份证号码以数字保存，末几位已丢失，请在表格中改为文本后重新导入']);
    });

    it('refuses a date with month 13, naming the row and the column', () => {
      expect(report.errors.find((e: any) => e.row === 12).reasons).toEqual(['第 12 行「来访日期」：「2023-13-05」不是存在的日期，请核对年、月、日']);
    });

    it('names a unit no unit or alias answers, and offers it for mapping', () => {
      expect(report.errors.find((e: any) => e.row === 9).reasons).toEqual([
        '第 9 行「涉及单位」：「城关镇政府」不是系统中的单位，也没有对照；请在检查结果中把它对照到单位，或改为单位全称',
      ]);
      expect(report.unknownUnits).toEqual([{ name: '城关镇政府', rows: [9], ambiguous: false }]);
    });

    it('writes no matter while checking', async () => {
      expect((await api(w.sup).matters.list({})).total).toBe(0);
    });
  });

  describe('after mapping the unknown unit and confirming', () => {
    let mapped: any;
    let done: any;
    beforeAll(async () => {
      mapped = await imports.mapUnit({ importId: report.importId, name: '城关镇政府', orgId: w.orgs['城关镇党委政府'] });
      done = await imports.confirm({ importId: report.importId });
    });

    it('reports the mapped row as good without the file being sent again', () => {
      expect(mapped).toMatchObject({ totalRows: 17, goodRows: 7, badRows: 2, skippedRows: 8, personVisits: 16, newMatters: 5, repeatVisits: 2, unknownUnits: [] });
    });

    it('imports the good rows as five matters, the repeat visits joined to their matter, with two outcomes', () => {
      expect(done).toMatchObject({ imported: 7, newMatters: 5, repeatVisits: 2, outcomes: 2, badRows: 2, skippedRows: 8, failed: [] });
    });

    it('makes the three visits of 张三 on one issue one matter with two repeats, stopped on the ledger date', async () => {
      const [zhang] = await matterOf('张三');
      expect(zhang).toMatchObject({ visitCount: 3, repeatCount: 2, personVisits: 7, outcome: 'stopped', outcomeOn: '2023-04-20', involvedOrgName: '示范县公安局', firstReceivedOn: '2023-03-08' });
    });

    it('resolves short unit names and keeps the lower-case x of an ID number as X', async () => {
      const [li] = await matterOf('李四');
      expect(li).toMatchObject({ involvedOrgName: '示范县人民检察院', outcome: 'resolved', outcomeOn: '2023-05-06', firstReceivedOn: '2023-03-05' });
      const revealed = await api(w.sup).matters.reveal({ matterId: li.id });
      expect(revealed[0].idNumber).toBe('43112119850505101X');
      const [wang] = await matterOf('王五');
      expect(wang.involvedOrgName).toBe('示范县人民法院');
      const [qian] = await matterOf('钱七');
      expect(qian).toMatchObject({ involvedOrgName: '示范县司法局', firstReceivedOn: '2023-03-05' });
    });

    it('gives the imported year its matters, person-visits, repeats, 化解率 and 息访率', async () => {
      const figures = await api(w.sup).statistics.summary({ from: '2023-01-01', to: '2023-12-31' });
      expect(figures.total).toMatchObject({ matters: 5, personVisits: 16, repeatVisits: 2, received: 5, settled: 2, stopped: 1, resolutionRate: 40, stopRate: 50 });
    });

    it('remembers the mapped name for the next import, and joins a later visit on the same issue to its matter', async () => {
      const next = await imports.check({
        fileName: '2024年信访台账.xlsx',
        base64: await ledgerFile(
          [
            line({ no: 1, date: '2024-02-01', channel: '来访', persons: 1, name: '张三', id: ZHANG_ID, unit: '公安局', category: '涉法', content: '又一次反映派出所对邻里纠纷出警不及时', demands: '依法处理' }),
            line({ no: 2, date: '2024-02-02', channel: '来访', persons: 4, name: '吴十', unit: '城关镇政府', category: '其他', content: '征地补偿款发放问题' }),
          ],
          '示范县2024年信访工作台账',
        ),
      });
      expect(next).toMatchObject({ goodRows: 2, badRows: 0, newMatters: 1, repeatVisits: 1, personVisits: 5 });
      expect(await imports.confirm({ importId: next.importId })).toMatchObject({ imported: 2, newMatters: 1, repeatVisits: 1 });
      const [zhang] = await matterOf('张三');
      expect(zhang).toMatchObject({ visitCount: 4, repeatCount: 3 });
      expect(await imports.aliases()).toEqual([{ alias: '城关镇政府', orgId: w.orgs['城关镇党委政府'], orgName: '城关镇党委政府' }]);
    });
  });

  it('refuses a small xlsx whose sheet inflates past the limit, in Chinese, writing nothing', async () => {
    const honest = Buffer.from(await ledgerFile([line({ no: 1, date: '2023-01-05', channel: '来访', name: '冯十二', category: '其他', content: '炸弹' })]), 'base64');
    const parts = unzipSync(honest);
    const sheet = new Uint8Array(49 * 1024 * 1024).fill(0x20);
    sheet.set(strToU8('<?xml version="1.0"?><worksheet>'), 0);
    parts['xl/worksheets/sheet1.xml'] = sheet;
    const bomb = Buffer.from(zipSync(parts, { level: 1 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await w.t.database.db.selectFrom('petitions.imports' as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(imports.check({ fileName: 'bomb.xlsx', base64: bomb.toString('base64') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '文件解压后过大：部件「xl/worksheets/sheet1.xml」超过 48 MB，可能是异常文件（压缩炸弹），已拒绝；请删去多余内容或拆分文件后重新上传',
    });
    const after = await w.t.database.db.selectFrom('petitions.imports' as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number((after as any).n)).toBe(Number((before as any).n));
  });
});
