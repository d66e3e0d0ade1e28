import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { api, chinaDay, kernelApi, makeIdNumber, petitionInput, register, startWorld, type World } from './test/helpers.js';

describeEachEngine('petitions: registration and repeat petitions', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  it('registers a visit as a kernel case of kind petition with the petitioners as parties', async () => {
    const r = await register(w);
    const kase = await kernelApi(w.sup).get({ id: r.caseId });
    expect(kase.kind).toBe('petition');
    expect(kase.source).toBe('visit');
    expect(kase.title).toContain('涉法信访｜示范县公安局｜');
    expect(kase.parties).toHaveLength(1);
    expect(r.docNo).toMatch(/访〔\d{4}〕\d+号/);
    expect(r.queryCode).toMatch(/^[A-Z2-9]{10}$/);
  });

  it('shows the receiving officer as the owner until the matter is routed', async () => {
    const r = await register(w);
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.owner).toEqual({ kind: 'officer', name: '陈监督' });
    expect(m.status).toBe('registered');
  });

  it('counts a visit of five people as a collective visit', async () => {
    const r = await register(w, { personCount: 5 });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.collective).toBe(true);
    expect(m.personVisits).toBe(5);
  });

  it('masks petitioners in the list', async () => {
    const r = await register(w, { petitioners: [{ name: '赵小红', phone: '13812345678' }] });
    const list = await api(w.sup).matters.list({ pageSize: 200 });
    expect(list.items.find((i: any) => i.id === r.matterId).petitioners).toBe('赵**');
  });

  it('refuses an ID number with a wrong check digit and writes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from petitions.matters`.execute(w.t.database.db);
    const bad = makeIdNumber('990001', '1980-01-01', 11).slice(0, 17) + (makeIdNumber('990001', '1980-01-01', 11).endsWith('1') ? '2' : '1');
    await expect(register(w, { petitioners: [{ name: '钱多多', idNumber: bad }] })).rejects.toThrow('校验位不正确');
    const after = await sql<{ n: number }>`select count(*)::int as n from petitions.matters`.execute(w.t.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a receipt date in the future', async () => {
    await expect(register(w, { receivedOn: chinaDay(2) })).rejects.toThrow('不能晚于今天');
  });

  it('answers a retried registration with the same matter', async () => {
    const input = petitionInput(w, { idempotencyKey: 'retry-key-0001' });
    const a = await api(w.sup).matters.register(input);
    const b = await api(w.sup).matters.register(input);
    expect(b).toMatchObject({ matterId: a.matterId, caseId: a.caseId, duplicate: true });
  });

  it('refuses registration by a unit user', async () => {
    await expect(api(w.liaison).matters.register(petitionInput(w))).rejects.toThrow();
  });

  it('offers an earlier matter of the same person by ID number', async () => {
    const idNumber = makeIdNumber('990001', '1966-03-03', 321);
    const first = await register(w, { petitioners: [{ name: '孙立', idNumber }], content: '反映宅基地被邻居侵占' });
    const offers = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '孙立', idNumber }], content: '工资拖欠' });
    expect(offers.find((o: any) => o.matterId === first.matterId)?.reasons).toContain('same_person');
  });

  it('offers an earlier matter of the same person by name and phone', async () => {
    const first = await register(w, { petitioners: [{ name: '周敏', phone: '13700001234' }], content: '反映医疗纠纷赔偿' });
    const offers = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '周敏', phone: '137-0000-1234' }], content: '' });
    expect(offers.map((o: any) => o.matterId)).toContain(first.matterId);
  });

  it('offers an earlier matter on the same issue by content', async () => {
    const first = await register(w, { petitioners: [{ name: '吴刚' }], content: '反映河口乡砂石场夜间作业噪音扰民，影响休息' });
    const offers = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '郑强' }], content: '河口乡砂石场夜间作业噪音扰民' });
    const offer = offers.find((o: any) => o.matterId === first.matterId);
    expect(offer.reasons).toEqual(['same_issue']);
  });

  it('attaches a linked repeat visit to the existing matter without a new kernel case', async () => {
    const first = await register(w);
    const before = await kernelApi(w.sup).ledger({ kind: ['petition'] });
    const again = await register(w, { linkToMatterId: first.matterId, personCount: 2 });
    expect(again).toMatchObject({ matterId: first.matterId, caseId: first.caseId, repeat: true, duplicate: false });
    const m = await api(w.sup).matters.get({ id: first.matterId });
    expect(m.repeatCount).toBe(1);
    expect(m.visitCount).toBe(2);
    expect(m.personVisits).toBe(3);
    expect((await kernelApi(w.sup).ledger({ kind: ['petition'] })).total).toBe(before.total);
  });

  it('shows the repeat count in the list', async () => {
    const first = await register(w);
    await register(w, { linkToMatterId: first.matterId });
    await register(w, { linkToMatterId: first.matterId });
    const list = await api(w.sup).matters.list({ pageSize: 200 });
    expect(list.items.find((i: any) => i.id === first.matterId).repeatCount).toBe(2);
  });

  it('refuses a link to a matter that does not exist', async () => {
    await expect(register(w, { linkToMatterId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('原信访事项不存在');
  });

  it('audits every reveal of a petitioner\'s personal data', async () => {
    const r = await register(w, { petitioners: [{ name: '曹操', phone: '13612345678' }] });
    const people = await api(w.sup).matters.reveal({ matterId: r.matterId });
    expect(people[0]).toMatchObject({ name: '曹操', phone: '13612345678' });
    const rows = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'petitions.reveal' and target_id = ${r.matterId}`.execute(w.t.database.db);
    expect(rows.rows[0]!.n).toBe(1);
  });
});
