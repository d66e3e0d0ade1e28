import { addUserWithPermissions, describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import petitions from '../index.js';
import { idCheckCharacter } from '../matters/personal-data.js';
import { purgeExpiredImports } from './service.js';

type Cell = string | number | Date | null;
const HEADERS = ['日期', '渠道', '人数', '姓名', '身份证号', '电话', '住址', '涉及单位', '类别', '内容', '诉求'];

function validId(first17: string): string {
  return first17 + idCheckCharacter(first17);
}
const ID_OK = validId('43112119800101123');
const ID_BAD_CHECK = ID_OK.slice(0, 17) + (ID_OK[17] === '1' ? '2' : '1');

function row(over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    日期: '2023-03-05', 渠道: '来访', 人数: 3, 姓名: '张三', 身份证号: ID_OK, 电话: '13812345678', 住址: '城关镇东街1号',
    涉及单位: '示范县公安局', 类别: '涉法', 内容: '反映派出所出警不及时', 诉求: '依法处理',
  };
  const merged = { ...base, ...over };
  return HEADERS.map((h) => merged[h] ?? null);
}

async function xlsx(rows: Cell[][], opts: { headers?: string[]; title?: string } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

// The bad rows of the dry-run file, one kind each (sheet row = index + 3): the column and the reason.
const badKinds: [string, Partial<Record<string, Cell>>, string, RegExp][] = [
  ['a date that does not exist', { 日期: '2023-13-45' }, '日期', /^「2023-13-45」不是存在的日期/],
  ['a date in the future', { 日期: '2999-01-01' }, '日期', /^「2999-01-01」晚于今天$/],
  ['an ID number with a wrong check digit', { 身份证号: ID_BAD_CHECK }, '身份证号', /^身份证号码校验位不正确/],
  ['an ID number of the wrong length', { 身份证号: '4311211980' }, '身份证号', /^身份证号码应为18位，现为10位$/],
  ['an unknown unit', { 涉及单位: '不存在的单位' }, '涉及单位', /^「不存在的单位」不是系统中的单位，也没有对照/],
  ['an unknown channel', { 渠道: '传真' }, '渠道', /^无法识别：「传真」/],
  ['an unknown category', { 类别: '民事' }, '类别', /^无法识别：「民事」/],
  ['a person count that is not a number', { 人数: '两人' }, '人数', /^应为正整数，现为「两人」$/],
  ['a bad phone number', { 电话: '12345' }, '电话', /^联系电话格式不正确|^手机号码/],
  ['a missing name', { 姓名: null }, '姓名', /^为空，请填写信访人姓名$/],
  ['missing content', { 内容: null }, '内容', /^为空，请填写信访内容$/],
];

describeEachEngine('petition ledger import', (engine) => {
  let t: TestKernel;
  let imports: any;
  let caller: any;
  const count = async (table: string) =>
    Number((await t.database.db.selectFrom(`petitions.${table}` as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);
  const kernelPetitionCases = async () => (await caller.cases.ledger({ kind: ['petition'] })).total as number;

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions] });
    caller = (await t.signIn('supervisor')).caller;
    imports = caller.petitions.imports;
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('dry run', () => {
    let report: any;
    let file: string;
    beforeAll(async () => {
      file = await xlsx([row({ 内容: '好的一行' }), ...badKinds.map(([, over]) => row(over))]);
      report = await imports.check({ fileName: '2023年台账.xlsx', base64: file });
    });

    it.each(badKinds.map(([kind, , column, reason], i) => [kind, i + 3, column, reason] as const))(
      'reports %s naming the row and the column, in Chinese',
      (_kind, sheetRow, column, reason) => {
        const bad = report.errors.find((e: any) => e.row === sheetRow);
        expect(bad?.reasons).toHaveLength(1);
        const prefix = `第 ${sheetRow} 行「${column}」：`;
        expect(bad.reasons[0].startsWith(prefix)).toBe(true);
        expect(bad.reasons[0].slice(prefix.length)).toMatch(reason);
      },
    );

    it('counts the good and bad rows of the file', () => {
      expect(report).toMatchObject({ totalRows: 12, goodRows: 1, badRows: 11, skippedRows: 0, headerRow: 1, alreadyImported: [], duplicates: [] });
    });

    it('writes no matter, visit, petitioner or kernel case', async () => {
      expect(await count('matters')).toBe(0);
      expect(await count('visits')).toBe(0);
      expect(await count('petitioners')).toBe(0);
      expect(await kernelPetitionCases()).toBe(0);
    });

    it('stores the check with the file digest, mapping and counts', async () => {
      const rec: any = await t.database.db.selectFrom('petitions.imports' as any).selectAll().where('id', '=', report.importId).executeTakeFirstOrThrow();
      expect(rec).toMatchObject({ file_name: '2023年台账.xlsx', status: 'checked', total_rows: 12, bad_rows: 11, imported_rows: 0 });
      expect(rec.file_sha256).toMatch(/^[0-9a-f]{64}$/);
      const mapping = typeof rec.mapping === 'string' ? JSON.parse(rec.mapping) : rec.mapping;
      expect(mapping.columns).toMatchObject({ receivedOn: '日期', involvedOrg: '涉及单位' });
    });
  });

  it('lists every problem of a row that has several', async () => {
    const report = await imports.check({ fileName: 'x.xlsx', base64: await xlsx([row({ 日期: '去年', 渠道: '传真', 涉及单位: '某某局' })]) });
    expect(report.errors[0].reasons).toEqual([
      '第 2 行「日期」：无法识别为日期：「去年」，可写作 2023-03-05、2023/3/5、2023.3.5 或 2023年3月5日',
      '第 2 行「渠道」：无法识别：「传真」，应为来信、来访、网上、电话或领导信箱',
      '第 2 行「涉及单位」：「某某局」不是系统中的单位，也没有对照；请在检查结果中把它对照到单位，或改为单位全称',
    ]);
  });

  it('refuses a file without the required headers and stores nothing', async () => {
    const before = await count('imports');
    const file = await xlsx([row()], { headers: ['年月', '渠道', '人数', '姓名'] });
    await expect(imports.check({ fileName: 'x.xlsx', base64: file })).rejects.toThrow(/没有找到表头，缺少列：日期、类别、内容/);
    expect(await count('imports')).toBe(before);
  });

  it('refuses a file that is not xlsx', async () => {
    await expect(imports.check({ fileName: '台账.xls', base64: Buffer.from('not excel').toString('base64') })).rejects.toThrow(/\.xlsx/);
    await expect(imports.check({ fileName: '台账.xlsx', base64: Buffer.from('not excel').toString('base64') })).rejects.toThrow(/无法读取该文件/);
  });

  describe('confirm', () => {
    const good = [
      row({ 内容: '导入一：出警不及时' }),
      row({ 日期: new Date(Date.UTC(2023, 3, 1)), 渠道: '来信', 人数: null, 姓名: '李四', 身份证号: null, 电话: null, 涉及单位: '示范县人民法院', 类别: '涉诉', 内容: '导入二：执行难' }),
      row({ 日期: '2023年5月6日', 渠道: '电话', 人数: 6, 姓名: '王五', 身份证号: null, 电话: '0731-84123456', 涉及单位: null, 类别: '其他', 内容: '导入三：邻里纠纷' }),
    ];
    let file: string;
    let first: any;
    beforeAll(async () => {
      file = await xlsx([...good, row({ 身份证号: ID_BAD_CHECK, 内容: '导入四：坏行' })]);
      const report = await imports.check({ fileName: 'a.xlsx', base64: file });
      first = await imports.confirm({ importId: report.importId });
    });

    it('registers imported past petitions as concluded kernel cases, with no clocks running', async () => {
      const ledger = await caller.cases.ledger({ kind: ['petition'] });
      expect(ledger.items.every((i: { status: string }) => i.status === 'closed')).toBe(true);
      expect((await caller.cases.ledger({ kind: ['petition'], overdue: true })).total).toBe(0);
    });

    it('imports the good rows, one matter and one kernel case each, and skips the bad row', async () => {
      expect(first).toMatchObject({ imported: 3, alreadyImported: 0, badRows: 1, failed: [] });
      expect(await count('matters')).toBe(3);
      expect(await kernelPetitionCases()).toBe(3);
      const rows: any[] = await t.database.db
        .selectFrom('petitions.visits as v' as any)
        .innerJoin('petitions.matters as m' as any, 'm.id', 'v.matter_id')
        .select(['m.content', 'm.category', 'v.channel', 'v.person_count', 'v.import_key', 'm.involved_org_name'] as any)
        .orderBy('m.content' as any)
        .execute();
      expect(rows.map((r) => [r.content, r.category, r.channel, r.person_count, r.involved_org_name])).toEqual([
        ['导入一：出警不及时', 'law', 'visit', 3, '示范县公安局'],
        ['导入三：邻里纠纷', 'other', 'phone', 6, null],
        ['导入二：执行难', 'litigation', 'letter', 1, '示范县人民法院'],
      ]);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.import_key))).toBe(true);
    });

    it('marks the import as imported with its count', async () => {
      const rec: any = await t.database.db.selectFrom('petitions.imports' as any).selectAll().where('id', '=', first.importId).executeTakeFirstOrThrow();
      expect(rec).toMatchObject({ status: 'imported', imported_rows: 3 });
    });

    it('re-importing the same file finds every row already imported and adds nothing', async () => {
      const again = await imports.check({ fileName: 'a.xlsx', base64: file });
      expect(again).toMatchObject({ goodRows: 0, badRows: 1, alreadyImported: [2, 3, 4] });
      expect(await imports.confirm({ importId: again.importId })).toMatchObject({ imported: 0, alreadyImported: 3 });
      expect(await count('matters')).toBe(3);
      expect(await kernelPetitionCases()).toBe(3);
    });

    it('refuses to confirm the same check twice, adding nothing', async () => {
      await expect(imports.confirm({ importId: first.importId })).rejects.toThrow('该文件已导入完毕；如需再次导入，请重新上传文件进行检查');
      expect(await count('visits')).toBe(3);
    });

    it('deletes the rows kept for confirm once imported', async () => {
      const kept = await t.database.db.selectFrom('petitions.import_rows' as any).selectAll().where('import_id', '=', first.importId).execute();
      expect(kept).toEqual([]);
    });

    it('imports only the new rows of another file that repeats imported ones under a title row, other headers and another column order', async () => {
      const headers = ['内容', '来访日期', '类别', '方式', '人数', '姓名', '身份证号', '电话', '住址', '涉及单位', '诉求'];
      const reorder = (r: Cell[]) => headers.map((h) => r[HEADERS.indexOf(h === '来访日期' ? '日期' : h === '方式' ? '渠道' : h)] ?? null);
      const other = await xlsx([reorder(good[0]!), reorder(row({ 内容: '导入五：新的一行', 姓名: '赵六', 身份证号: null })), reorder(good[2]!)], { headers, title: '2023年信访台账' });
      const report = await imports.check({ fileName: 'b.xlsx', base64: other, mapping: { receivedOn: '来访日期', channel: '方式' } });
      expect(report).toMatchObject({ headerRow: 2, goodRows: 1, badRows: 0, alreadyImported: [3, 5] });
      expect(await imports.confirm({ importId: report.importId })).toMatchObject({ imported: 1, alreadyImported: 2 });
      expect(await count('matters')).toBe(4);
    });

    it('imports a row repeated within one file once', async () => {
      const twice = await xlsx([row({ 内容: '导入六：同一行两次' }), row({ 内容: '导入六：同一行两次' })]);
      const report = await imports.check({ fileName: 'c.xlsx', base64: twice });
      expect(report.duplicates).toEqual([{ row: 3, sameAs: 2, reason: '与第 2 行内容相同，只导入一次' }]);
      expect(await imports.confirm({ importId: report.importId })).toMatchObject({ imported: 1, duplicatesInFile: 1 });
      expect(await count('matters')).toBe(5);
    });

    it('refuses to confirm a check another officer ran, writing nothing', async () => {
      const report = await imports.check({ fileName: 'd.xlsx', base64: await xlsx([row({ 内容: '导入七：别人检查的文件', 姓名: '吴十' })]) });
      const other = (await addUserWithPermissions(t, { username: 'importer2', displayName: '钱导入', orgName: '示范县委政法委', permissions: ['petitions.read', 'petitions.register', 'petitions.import'] })).caller as any;
      await expect(other.petitions.imports.confirm({ importId: report.importId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '导入记录不存在，请重新上传文件进行检查' });
      expect(await count('matters')).toBe(5);
    });

    it('refuses to confirm a check whose kept rows expired, writing nothing', async () => {
      const report = await imports.check({ fileName: 'e.xlsx', base64: await xlsx([row({ 内容: '导入八：过期的检查', 姓名: '郑十一' })]) });
      await t.database.db.updateTable('petitions.imports' as any).set({ expires_at: new Date(Date.now() - 1000) } as any).where('id', '=', report.importId).execute();
      await expect(imports.confirm({ importId: report.importId })).rejects.toThrow('检查结果已过期（保留 24 小时），请重新上传文件进行检查');
      expect(await count('matters')).toBe(5);
    });

    it('purges the kept rows of expired checks, and only those', async () => {
      const live = await imports.check({ fileName: 'f.xlsx', base64: await xlsx([row({ 内容: '导入九：未过期的检查', 姓名: '王十二' })]) });
      const rowsOf = async (id: string) => (await t.database.db.selectFrom('petitions.import_rows' as any).selectAll().where('import_id', '=', id).execute()).length;
      const expired: any[] = await t.database.db.selectFrom('petitions.imports' as any).select('id' as any).where('expires_at', '<', new Date()).execute();
      expect(expired.length).toBe(1);
      expect(await rowsOf(expired[0].id)).toBe(1);
      expect(await purgeExpiredImports({ db: t.database.db, now: new Date(), tenantId: t.tenantId } as any)).toBe(1);
      expect(await rowsOf(expired[0].id)).toBe(0);
      expect(await rowsOf(live.importId)).toBe(1);
    });
  });

  it('refuses to confirm an import that does not exist', async () => {
    await expect(imports.confirm({ importId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives a template whose headers are the expected columns and which checks cleanly once filled in', async () => {
    const tpl = await imports.template();
    expect(tpl.fileName).toBe('信访台账导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '是否息访', '办理结果', '办结日期']);
    expect(wb.worksheets[1]!.name).toBe('填写说明');
    ws.addRow(row({ 内容: '模板填写的一行' }));
    const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    expect(await imports.check({ fileName: 'tpl.xlsx', base64: filled })).toMatchObject({ goodRows: 1, badRows: 0 });
  });

  it('refuses a user without the import permission', async () => {
    const liaison = (await t.signIn('liaison')).caller as any;
    await expect(liaison.petitions.imports.template()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
