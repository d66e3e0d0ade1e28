import { addUserWithPermissions, describeEachEngine, orgIdByName, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { auditCount, count, personnel, validId } from '../../test/helpers.js';

type Cell = string | number | Date | null;
const HEADERS = ['姓名', '警号', '单位', '性别', '身份证号码', '手机', '职务', '是否领导干部', '政治面貌', '参加工作时间'];
const ID = validId('43112119850615123');
/** An ID number typed into a cell formatted as a number: Excel keeps 15 significant digits. */
const EXCEL_NUMBER_ID = Number('431121198506151234');

async function xlsx(rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['示范县政法干警花名册']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

// Sheet rows 3, 4, 5 are officers; 6 a total; 7 a note.
const goodRows: Cell[][] = [
  ['王一', 'GA101', '县公安局', '男', ID, '13800000001', '民警', '否', '中共党员', '2008.07'],
  ['李二', 'JC101', '检察院', '女', null, null, '检察官', '是', '群众', 2008.1],
  ['张三', 'FY101', '示范县人民法院', '男', null, null, null, null, null, new Date(Date.UTC(2010, 2, 1))],
  ['合计', '3人'],
  ['注：本表由政治部填写'],
];

// Row 3 is good; rows 4–8 each have one problem.
const badRows: Cell[][] = [
  ['王五', 'GA201', '公安局', '男', null, null, null, null, null, '2008年7月'],
  ['赵六', 'GA202', '公安局', '男', EXCEL_NUMBER_ID, null, null, null, null, null],
  ['钱七', 'GA201', '公安局', '男', null, null, null, null, null, null],
  ['孙八', 'GA203', '不存在局', '男', null, null, null, null, null, null],
  ['周九', 'GA204', '公安局', '男', null, null, null, null, null, '2008.13'],
  [null, 'GA205', '公安局', '男', null, null, null, null, null, null],
];

describeEachEngine('roster import', (engine) => {
  let t: TestKernel;
  let api: any;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [plugin] });
    api = personnel((await t.signIn('supervisor')).caller);
  });
  afterAll(() => t.stop());

  describe('a good roster', () => {
    let file: string;
    beforeAll(async () => {
      file = await xlsx(goodRows);
    });

    it('reports three officers and skips the total and the note on a dry run', async () => {
      const r = await api.imports.check({ fileName: '花名册.xlsx', base64: file });
      expect({ headerRow: r.headerRow, total: r.totalRows, good: r.goodRows, bad: r.badRows, skipped: r.skipped.map((k: any) => [k.row, k.reason]) }).toEqual({
        headerRow: 2,
        total: 5,
        good: 3,
        bad: 0,
        skipped: [
          [6, '合计行'],
          [7, '备注或说明行'],
        ],
      });
    });

    it('writes nothing on a dry run', async () => {
      await api.imports.check({ fileName: '花名册.xlsx', base64: file });
      expect(await count(t, 'officers')).toBe(0);
    });

    it('imports the officers with their units, flags and year-and-month dates', async () => {
      const r = await api.imports.confirm({ fileName: '花名册.xlsx', base64: file });
      expect(r.imported).toBe(3);
      const list = (await api.officers.list()).items.map((o: any) => [o.officerNo, o.unitName, o.isLeader, o.isPartyMember, o.joinedOn]);
      expect(list.sort()).toEqual([
        ['FY101', '示范县人民法院', false, false, '2010-03-01'],
        ['GA101', '示范县公安局', false, true, '2008-07-01'],
        ['JC101', '示范县人民检察院', true, false, '2008-10-01'],
      ]);
    });

    it('skips the officers already on the registry when the roster comes again', async () => {
      const r = await api.imports.check({ fileName: '花名册.xlsx', base64: file });
      expect([r.goodRows, r.skipped.filter((k: any) => k.kind === 'existing').map((k: any) => k.row)]).toEqual([0, [3, 4, 5]]);
    });
  });

  describe('a roster with bad rows', () => {
    let file: string;
    beforeAll(async () => {
      file = await xlsx(badRows);
    });

    it('names each bad row with its row number, column and reason', async () => {
      const r = await api.imports.check({ fileName: '名册.xlsx', base64: file });
      expect(r.bad.flatMap((b: any) => b.reasons)).toEqual([
        '第4行「身份证号码」：身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写',
        '第5行「警号」：警号GA201与第3行重复',
        '第6行「单位」：「不存在局」不是本县的单位',
        '第7行「参加工作时间」：「2008.13」不是存在的日期',
        '第8行「姓名」：为空',
      ]);
    });

    it('lists each unknown unit name with the rows that write it, for mapping', async () => {
      const r = await api.imports.check({ fileName: '名册.xlsx', base64: file });
      expect(r.unknownUnits).toEqual([{ name: '不存在局', rows: [6] }]);
    });

    it('refuses the import and writes nothing when any row is bad', async () => {
      const before = await count(t, 'officers');
      await expect(api.imports.confirm({ fileName: '名册.xlsx', base64: file })).rejects.toThrow('有 5 行不符合要求，未导入任何干警');
      expect(await count(t, 'officers')).toBe(before);
    });
  });

  describe('stored unit aliases', () => {
    // Rows 3–5: a stored alias (县局), a short form of the tree (县公安局), a name nothing answers.
    const aliasRows: Cell[][] = [
      ['吴十', 'GA301', '县局', '男', null, null, null, null, null, null],
      ['郑十一', 'GA302', '县公安局', '男', null, null, null, null, null, null],
      ['冯十二', 'GA303', '县政法办', '女', null, null, null, null, null, null],
    ];
    let file: string;
    let policeId: string;
    beforeAll(async () => {
      file = await xlsx(aliasRows);
      policeId = await orgIdByName(t, '示范县公安局');
    });

    it('reports a unit name with no stored alias as unknown, naming its row and column', async () => {
      const r = await api.imports.check({ fileName: '别名.xlsx', base64: file });
      expect([r.bad.flatMap((b: any) => b.reasons), r.unknownUnits]).toEqual([
        ['第3行「单位」：「县局」不是本县的单位', '第5行「单位」：「县政法办」不是本县的单位'],
        [
          { name: '县局', rows: [3] },
          { name: '县政法办', rows: [5] },
        ],
      ]);
    });

    it('stores an alias of a unit for the county and audits it', async () => {
      const before = await auditCount(t, 'personnel.imports.alias');
      expect(await api.imports.mapUnit({ name: ' 县 局 ', orgId: policeId })).toEqual({ alias: '县局', orgId: policeId, orgName: '示范县公安局' });
      expect([await api.imports.aliases(), await auditCount(t, 'personnel.imports.alias')]).toEqual([[{ alias: '县局', orgId: policeId, orgName: '示范县公安局' }], before + 1]);
    });

    it('resolves a row written with a stored alias to its unit and still reports the unknown name with its row and column', async () => {
      const r = await api.imports.check({ fileName: '别名.xlsx', base64: file });
      expect([r.goodRows, r.bad.flatMap((b: any) => b.reasons), r.unknownUnits]).toEqual([2, ['第5行「单位」：「县政法办」不是本县的单位'], [{ name: '县政法办', rows: [5] }]]);
    });

    it('imports the rows written with the stored alias into the unit once every unit is known', async () => {
      await api.imports.mapUnit({ name: '县政法办', orgId: await orgIdByName(t, '示范县委政法委') });
      const r = await api.imports.confirm({ fileName: '别名.xlsx', base64: file });
      expect(r.imported).toBe(3);
      const list = (await api.officers.list({ search: 'GA30' })).items.map((o: any) => [o.officerNo, o.unitName]);
      expect(list.sort()).toEqual([
        ['GA301', '示范县公安局'],
        ['GA302', '示范县公安局'],
        ['GA303', '示范县委政法委'],
      ]);
    });

    it('refuses an alias that is a unit’s own name, and writes nothing', async () => {
      await expect(api.imports.mapUnit({ name: '示范县人民法院', orgId: policeId })).rejects.toThrow('「名册中的单位名称」“示范县人民法院”本身就是单位全称，无需设置别名');
      expect((await api.imports.aliases()).map((a: any) => a.alias)).toEqual(['县局', '县政法办']);
    });

    it('refuses an alias of a unit that is not the county’s', async () => {
      await expect(api.imports.mapUnit({ name: '县看守所', orgId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('「对应单位」不是本县在用的单位');
    });

    it('refuses to map an alias for a user of a unit, and writes nothing', async () => {
      const unitUser = await addUserWithPermissions(t, { username: 'gaju', displayName: '公安政治处', orgName: '示范县公安局', permissions: ['personnel.manage'] });
      await expect(personnel(unitUser.caller).imports.mapUnit({ name: '县公安', orgId: policeId })).rejects.toThrow('单位别名由政法委统一维护');
      expect((await api.imports.aliases()).map((a: any) => a.alias)).toEqual(['县局', '县政法办']);
    });

    it('forgets a removed alias, so the name is unknown again', async () => {
      expect(await api.imports.removeAlias({ alias: '县局' })).toEqual({ removed: true });
      const r = await api.imports.check({ fileName: '别名.xlsx', base64: await xlsx([['陈十三', 'GA304', '县局', '男']]) });
      expect(r.bad.flatMap((b: any) => b.reasons)).toEqual(['第3行「单位」：「县局」不是本县的单位']);
      await expect(api.imports.removeAlias({ alias: '县局' })).rejects.toThrow('该单位别名不存在');
    });
  });

  it('refuses a file that is not .xlsx, naming the field', async () => {
    await expect(api.imports.check({ fileName: '名册.xls', base64: 'AA==' })).rejects.toThrow('「文件名」应为 .xlsx 文件（请用 Excel 另存为 .xlsx）');
  });

  it('refuses a sheet without the required columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['姓名', '职务']);
    const base64 = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    await expect(api.imports.check({ fileName: '名册.xlsx', base64 })).rejects.toThrow('「文件」前 10 行中找不到表头（至少应有「姓名」「警号」「所在单位」列）');
  });
});
