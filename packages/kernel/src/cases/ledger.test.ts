import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, registerAndAssign, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { ledgerQuery, ledgerRows, SEARCH_COUNT_CAP } from './queries.js';
import { documentGrams, tenantGrams } from './search-grams.js';

describeEachEngine('ledger', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  /**
   * `count` registered matters titled `${title}1` … `${title}${count}`, received on one day and
   * registered one minute apart from 08:00 that day (inserted directly: the procedures would
   * take minutes for this many).
   */
  const insertTitled = async (title: string, count: number, o: { docPrefix: string; docYear: number; receivedOn: string }) => {
    const grams = tenantGrams(t.tenantId, documentGrams(title));
    const supervisorId = await userIdByName(t, 'supervisor');
    await sql`insert into kernel.cases (tenant_id, kind, doc_no, doc_year, doc_seq, title, source, urgency, status, registered_by, registered_at, received_on, search_grams)
      select ${t.tenantId}, 'supervision', ${o.docPrefix} || n, ${o.docYear}::int, n, ${title} || n, 'letter', 'normal', 'registered', ${supervisorId}::uuid,
        (${o.receivedOn}::date + time '08:00') at time zone 'Asia/Shanghai' + n * interval '1 minute', ${o.receivedOn}::date, ${grams}::text[]
      from generate_series(1, ${count}::int) as n`.execute(t.database.db);
  };
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    const reg = (title: string, summary: string, party?: string) =>
      sup.caller.cases.register({ title, summary, source: 'letter', urgency: 'normal', isKey: false, parties: party ? [{ name: party }] : [] });
    await reg('关于河口乡土地承包纠纷的督办', '村民反映承包地被占用');
    await reg('城区房屋拆迁补偿问题', '拆迁户反映补偿标准不一');
    await reg('网上反映无法提交材料', '系统登录后表单无法提交', '欧阳娜娜');
    await reg('关于ETC扣费争议的反映', '高速公路重复扣费');
    await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '特急件：交通事故赔偿纠纷' });
  });
  afterAll(() => t.stop());

  it('finds a two-character term in titles', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '土地' });
    expect(r.items.map((i) => i.title)).toEqual(['关于河口乡土地承包纠纷的督办']);
  });

  it('finds a term in summaries', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '补偿标准' });
    expect(r.items.map((i) => i.title)).toEqual(['城区房屋拆迁补偿问题']);
  });

  it('finds a one-character term', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '拆' });
    expect(r.items.map((i) => i.title)).toEqual(['城区房屋拆迁补偿问题']);
  });

  it('finds a case by a party name and shows the name masked', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '欧阳' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.parties).toBe('欧***');
  });

  it('finds a term with Latin letters whatever their case', async () => {
    const r = await sup.caller.cases.ledger({ keyword: 'etc扣费' });
    expect(r.items.map((i) => i.title)).toEqual(['关于ETC扣费争议的反映']);
  });

  it('confirms a Chinese term with LIKE, not the costlier ILIKE', () => {
    const db = t.database.db as unknown as Kysely<KernelDatabase>;
    const { sql: text } = ledgerQuery(db, sup.ctx as AuthedContext, { keyword: '补偿标准' }).select('c.id').compile();
    expect(text).toMatch(/"title" like /);
    expect(text).not.toMatch(/ilike/);
  });

  it('does not match characters that are only apart', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '土纠' });
    expect(r.total).toBe(0);
  });

  it('filters by status and urgency together', async () => {
    const r = await sup.caller.cases.ledger({ status: ['assigned'], urgency: ['critical'] });
    expect(r.items.map((i) => i.title)).toEqual(['特急件：交通事故赔偿纠纷']);
    expect(r.items[0]).toMatchObject({ statusName: '已交办', urgencyName: '特急件', leadUnitName: '示范县公安局' });
  });

  it('pages and sorts by deadline', async () => {
    const r = await sup.caller.cases.ledger({ sort: 'deadline', dir: 'asc', pageSize: 2, page: 1 });
    expect(r.total).toBe(5);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.deadline).not.toBeNull();
  });

  it('reports the total on a page past the end', async () => {
    const r = await sup.caller.cases.ledger({ status: ['registered'], pageSize: 50, page: 9 });
    expect(r.items).toEqual([]);
    expect(r.total).toBe(4);
  });

  it('pages a term that matches more cases than the search counts, newest first', async () => {
    await insertTitled('山林权属争议', 1050, { docPrefix: '山林', docYear: 1990, receivedOn: '2020-01-01' });
    const r = await sup.caller.cases.ledger({ keyword: '山林', sort: 'registeredAt', dir: 'desc', pageSize: 5, page: 2 });
    expect(r).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(r.items.map((i) => i.title)).toEqual(['山林权属争议1045', '山林权属争议1044', '山林权属争议1043', '山林权属争议1042', '山林权属争议1041']);
    const byDeadline = await sup.caller.cases.ledger({ keyword: '权属', sort: 'deadline', dir: 'asc', pageSize: 3 });
    expect(byDeadline.items.map((i) => i.title)).toEqual(['山林权属争议1050', '山林权属争议1049', '山林权属争议1048']);
  });

  it('finds every match of a term when the county has grown since its size was read for the plan', async () => {
    expect((await sup.caller.cases.ledger({ keyword: '林场' })).total).toBe(0);
    await insertTitled('国有林场改制', 600, { docPrefix: '林场', docYear: 1991, receivedOn: '2021-01-01' });
    const r = await sup.caller.cases.ledger({ keyword: '林场', sort: 'registeredAt', dir: 'desc', pageSize: 3 });
    expect(r).toMatchObject({ total: 600, totalCapped: false });
    expect(r.items.map((i) => i.title)).toEqual(['国有林场改制600', '国有林场改制599', '国有林场改制598']);
  });

  it("tests a term's party names on the case's own copy, never reading the parties' table", async () => {
    // A case whose grams match but whose text does not (common in real summaries) reaches
    // the parties' test; as a probe of the parties' table, hashed, it once read all of a
    // province's parties (280 ms at 1M).
    const db = t.database.db as unknown as Kysely<KernelDatabase>;
    const page = ledgerRows(ledgerQuery(db, sup.ctx as AuthedContext, { keyword: '权属争议' }, { gramsAsFilter: true }))
      .orderBy('c.registered_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(20)
      .compile();
    const { rows } = await t.database.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${page.sql}`, [...page.parameters]));
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).not.toContain('case_parties');
    expect(plan).not.toMatch(/hashed SubPlan/);
  });

  it('finds a case by three characters of a party name that its text does not hold', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '欧阳娜' });
    expect(r.items.map((i) => i.title)).toEqual(['网上反映无法提交材料']);
  });

  it("shows and finds a case's parties as an edit left them", async () => {
    const reg = await sup.caller.cases.register({ title: '当事人变更测试', summary: '', source: 'letter', urgency: 'normal', isKey: false, parties: [{ name: '赵大海' }] });
    const before = await sup.caller.cases.get({ id: reg.id });
    await sup.caller.cases.update({ id: reg.id, version: before.version, title: '当事人变更测试', summary: '', source: 'letter', isKey: false, receivedOn: before.receivedOn, parties: [{ name: '钱多多' }, { name: '孙小美' }] });
    const row = (await sup.caller.cases.ledger({ keyword: '当事人变更测试' })).items[0]!;
    expect(row.parties.split('、').sort()).toEqual(['孙**', '钱**']);
    expect((await sup.caller.cases.ledger({ keyword: '赵大海' })).total).toBe(0);
    expect((await sup.caller.cases.ledger({ keyword: '孙小美' })).items.map((i) => i.id)).toEqual([reg.id]);
  });

  it('rejects an over-long keyword with a Chinese message', async () => {
    await expect(sup.caller.cases.ledger({ keyword: '字'.repeat(51) })).rejects.toThrow('提交的内容有误：「关键词」不能超过 50 个字');
  });
});
