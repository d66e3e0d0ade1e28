import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import { describeEachEngine, orgIdByName, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import type { KernelDatabase } from '../db/schema.js';
import { caseVisible } from './scope.js';

describeEachEngine('case scope', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let admin: ActingUser;
  let courtCase: { id: string; version: number; docNo: string };
  let policeCase: { id: string; version: number };
  let partyId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    admin = await t.signIn('admin');
    courtCase = await registerAndAssign(t, sup, leader, { unit: '示范县人民法院', title: '法院承办的执行案件督办' });
    policeCase = await registerAndAssign(t, sup, leader, { unit: '示范县公安局', title: '公安局承办的治安案件督办' });
    partyId = (await sup.caller.cases.get({ id: courtCase.id })).parties[0]!.id;
  });
  afterAll(() => t.stop());

  it("shows a unit's liaison only the unit's cases in the ledger", async () => {
    const ledger = await liaison.caller.cases.ledger({});
    expect(ledger.items.map((i) => i.id)).toEqual([policeCase.id]);
  });

  it("hides another unit's case from the liaison's keyword search", async () => {
    const ledger = await liaison.caller.cases.ledger({ keyword: '执行' });
    expect(ledger.total).toBe(0);
  });

  it("refuses the liaison another unit's case page as not found", async () => {
    await expect(liaison.caller.cases.get({ id: courtCase.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses the liaison any action on another unit's case", async () => {
    await expect(liaison.caller.cases.transition({ id: courtCase.id, version: courtCase.version, action: 'acknowledge' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(liaison.caller.cases.transition({ id: courtCase.id, version: courtCase.version, action: 'submitResult', report: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses to reveal another unit's party, and refuses reveal without the permission", async () => {
    await expect(liaison.caller.cases.revealParty({ caseId: courtCase.id, partyId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sup.caller.cases.revealParty({ caseId: policeCase.id, partyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not show a unit a case before it is assigned', async () => {
    const r = await sup.caller.cases.register({ title: '尚未交办的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    await expect(liaison.caller.cases.get({ id: r.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('masks party data in the ledger and the case page, and reveals it only with an audited reveal', async () => {
    const row = (await sup.caller.cases.ledger({ keyword: '执行案件' })).items[0]!;
    expect(row.parties).toBe('张**');
    const page = await sup.caller.cases.get({ id: courtCase.id });
    expect(page.parties[0]).toMatchObject({ name: '张**', phone: '138****5678' });
    const revealed = await sup.caller.cases.revealParty({ caseId: courtCase.id, partyId });
    expect(revealed).toMatchObject({ name: '张三丰', phone: '13812345678' });
    const audit = await (await t.signIn('auditor')).caller.audit.list({ action: 'cases.reveal' });
    expect(audit.items[0]).toMatchObject({ actorName: '陈监督', targetId: courtCase.id });
  });
  it("shows a unit the cases of an organisation created under it after the unit's user signed in", async () => {
    await admin.caller.orgs.create({ parentId: await orgIdByName(t, '示范县公安局'), name: '新设派出所', kind: 'police', level: 'township', sortOrder: 9 });
    const created = await registerAndAssign(t, sup, leader, { unit: '新设派出所', title: '新设派出所承办的治安案件' });
    // A later request of the session that signed in before the organisation existed.
    const later = await t.asCookie(liaison.cookie);
    expect((await later.caller.cases.ledger({ keyword: '新设派出所' })).items.map((i) => i.id)).toEqual([created.id]);
    await expect(later.caller.cases.get({ id: created.id })).resolves.toMatchObject({ id: created.id });
  });

  it('shows a unit nothing of an organisation created beside it', async () => {
    await admin.caller.orgs.create({ parentId: await orgIdByName(t, '示范县人民法院'), name: '新设人民法庭', kind: 'court', level: 'township', sortOrder: 9 });
    const created = await registerAndAssign(t, sup, leader, { unit: '新设人民法庭', title: '新设人民法庭承办的执行案件' });
    const later = await t.asCookie(liaison.cookie);
    expect((await later.caller.cases.ledger({ keyword: '新设人民法庭' })).total).toBe(0);
    await expect(later.caller.cases.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows a unit a case it only cooperates on, in the ledger, in a search and on the case page', async () => {
    const shared = await registerAndAssign(t, sup, leader, { unit: '示范县人民法院', cooperating: ['示范县公安局'], title: '法院牵头公安协办的涉众案件' });
    expect((await liaison.caller.cases.ledger({})).items.map((i) => i.id)).toContain(shared.id);
    expect((await liaison.caller.cases.ledger({ keyword: '涉众' })).items.map((i) => i.id)).toEqual([shared.id]);
    await expect(liaison.caller.cases.get({ id: shared.id })).resolves.toMatchObject({ id: shared.id });
  });

  it("keeps a case's scope organisations to its units' paths whatever a writer sets", async () => {
    const police = await orgIdByName(t, '示范县公安局');
    await sql`update kernel.cases set scope_org_ids = array[${police}]::uuid[] where tenant_id = ${t.tenantId} and id = ${courtCase.id}`.execute(t.database.db);
    await expect(liaison.caller.cases.get({ id: courtCase.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await liaison.caller.cases.ledger({ keyword: '执行案件' })).total).toBe(0);
  });

  it("finds the same cases for a unit through the scope's index entries as by testing each row", async () => {
    const db = t.database.db as Kysely<KernelDatabase>;
    const user = { tenantId: t.tenantId, orgId: await orgIdByName(t, '示范县公安局'), committee: false } as SessionUser;
    const ids = async (indexed: boolean) =>
      (await db.selectFrom('kernel.cases as c').select('c.id').where('c.tenant_id', '=', t.tenantId).where(caseVisible(user, 'c', { indexed })).orderBy('c.id').execute()).map((r) => r.id);
    const byIndex = await ids(true);
    expect(byIndex.length).toBeGreaterThan(2);
    expect(await ids(false)).toEqual(byIndex);
  });
});
