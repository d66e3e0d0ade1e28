// Petitioners' ID numbers and phones, and an accusation's material, at rest: sealed in the
// plugin's tables, still matched for repeat petitions and the public look-up through blind
// indexes and the vault, sealed by the migration when written before as plaintext, refused
// when tampered with, and re-sealed by a key rotation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from '@zhengfa/plugin-api';
import { dataKeyId, describeEachEngine, rotateTestKey, testVault, vaultStrings } from '@zhengfa/test-utils';
import petitions from '../index.js';
import { sealAccusationGrams, sealPlaintext } from '../migrations/0005_sealed_personal_data.js';
import { issueGrams } from './grams.js';
import { petitionsSealedColumns, sealGrams } from './sealing.js';
import { api, chinaDay, makeIdNumber, register, startWorld, type World } from './test/helpers.js';

const ID = makeIdNumber('990001', '1961-08-19', 517);
const PHONE = '13955556666';
const ACCUSATION = '检举城关派出所某民警收受财物，为他人违规办理户口';
const NEW_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';

describeEachEngine('petitions: personal data and accusations sealed at rest', (engine) => {
  let w: World;
  let db: Kysely<any>;
  let ordinary: { matterId: string; queryCode: string };
  let accusation: { matterId: string };
  beforeAll(async () => {
    w = await startWorld(engine);
    db = w.t.database.db;
    ordinary = await register(w, { petitioners: [{ name: '孔庆东', idNumber: ID, phone: PHONE }], content: '反映城关镇宅基地审批迟迟未办' });
    accusation = await register(w, {
      isAccusation: true,
      accusedOrgId: w.orgs['示范县公安局'],
      accusedPerson: '城关派出所民警',
      content: ACCUSATION,
      demands: '要求依法查处',
      petitioners: [{ name: '匿名甲', phone: '13955557777' }],
    });
    // A repeat visit of the accusation, with its own content.
    await api(w.sup).matters.register({
      channel: 'letter',
      receivedOn: chinaDay(),
      personCount: 1,
      category: 'law',
      content: '再次来信检举该民警',
      petitioners: [{ name: '匿名甲', phone: '13955557777' }],
      linkToMatterId: accusation.matterId,
    });
  }, 120_000);
  afterAll(() => w.t.stop());

  it('finds no plaintext ID number or phone when reading the petitioners’ columns directly in SQL', async () => {
    const rows = await sql<{ id_number: string | null; phone: string | null }>`select id_number, phone from petitions.petitioners`.execute(db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      if (r.id_number !== null) expect(r.id_number.startsWith('zv1.')).toBe(true);
      if (r.phone !== null) expect(r.phone.startsWith('zv1.')).toBe(true);
    }
    const plain = await sql<{ n: number }>`select count(*)::int as n from petitions.petitioners
      where id_number like ${'%' + ID.slice(6, 14) + '%'} or phone like ${'%' + PHONE.slice(3) + '%'}`.execute(db);
    expect(plain.rows[0]!.n).toBe(0);
  });

  it('stores an accusation’s content, demands and visits sealed, and an ordinary matter’s content as written', async () => {
    const m = await sql<{ id: string; content: string; demands: string }>`select id, content, demands from petitions.matters where id in (${accusation.matterId}::uuid, ${ordinary.matterId}::uuid)`.execute(db);
    const acc = m.rows.find((r) => r.id === accusation.matterId)!;
    expect(acc.content.startsWith('zv1.')).toBe(true);
    expect(acc.demands.startsWith('zv1.')).toBe(true);
    expect(m.rows.find((r) => r.id === ordinary.matterId)!.content).toBe('反映城关镇宅基地审批迟迟未办');
    const visits = await sql<{ content: string }>`select content from petitions.visits where matter_id = ${accusation.matterId}::uuid and content <> ''`.execute(db);
    expect(visits.rows.map((v) => v.content.startsWith('zv1.'))).toEqual([true]);
    const leaked = await sql<{ n: number }>`select (select count(*) from petitions.matters where content like '%民警%')::int
      + (select count(*) from petitions.visits where content like '%民警%')::int as n`.execute(db);
    expect(leaked.rows[0]!.n).toBe(0);
  });

  it('stores an accusation’s bigrams as keyed hashes, so the letter cannot be read from them', async () => {
    const grams = (await sql<{ issue_grams: string[] }>`select issue_grams from petitions.matters where id = ${accusation.matterId}::uuid`.execute(db)).rows[0]!.issue_grams;
    expect(grams.length).toBe(issueGrams(`${ACCUSATION} 要求依法查处`).length);
    expect(grams.every((g) => /^h[0-9a-f]{16}$/.test(g))).toBe(true);
    expect(grams).toEqual(sealGrams(testVault(), issueGrams(`${ACCUSATION} 要求依法查处`)));
  });

  it('still offers an earlier accusation on the same issue to a committee user allowed to see accusers', async () => {
    const offers = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '郑强' }], content: '检举城关派出所某民警收受财物' });
    expect(offers.find((o: any) => o.matterId === accusation.matterId)?.reasons).toEqual(['same_issue']);
  });

  it('hashes an accusation’s bigrams stored before (migration 0005’s step)', async () => {
    const raw = issueGrams(`${ACCUSATION} 要求依法查处`);
    await sql`update petitions.matters set issue_grams = ${sql.val(raw)}::text[] where id = ${accusation.matterId}::uuid`.execute(db);
    await sealAccusationGrams(db, { vault: testVault() });
    const grams = (await sql<{ issue_grams: string[] }>`select issue_grams from petitions.matters where id = ${accusation.matterId}::uuid`.execute(db)).rows[0]!.issue_grams;
    expect(grams).toEqual(sealGrams(testVault(), raw));
  });

  it('shows the accusation’s opened material to a committee user allowed to see accusers', async () => {
    const d = await api(w.sup).matters.get({ id: accusation.matterId });
    expect(d.content).toBe(ACCUSATION);
    expect(d.demands).toBe('要求依法查处');
    expect(d.visits.map((v: any) => v.content)).toContain('再次来信检举该民警');
  });

  it('still finds a repeat petition by ID number, and by name and phone, through the blind indexes', async () => {
    const byId = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '孔庆东', idNumber: ID }], content: '' });
    const byPhone = await api(w.sup).matters.findRepeats({ petitioners: [{ name: '孔庆东', phone: '139-5555-6666' }], content: '' });
    expect(byId.find((o: any) => o.matterId === ordinary.matterId)?.reasons).toEqual(['same_person']);
    expect(byPhone.find((o: any) => o.matterId === ordinary.matterId)?.reasons).toEqual(['same_person']);
  });

  it('still answers the public look-up by query code and phone suffix', async () => {
    const lookup = ((await w.t.anonymous({ 'x-forwarded-for': '10.9.9.9' })) as any).petitions.lookup;
    await expect(lookup.progress({ code: ordinary.queryCode, phoneLast4: '6666' })).resolves.toMatchObject({ statusName: '待转送' });
  });

  it('reveals the opened ID number and phone, and audits the reveal', async () => {
    const revealed = await api(w.sup).matters.reveal({ matterId: ordinary.matterId });
    expect(revealed[0]).toMatchObject({ name: '孔庆东', idNumber: ID, phone: PHONE });
    const audit = await (await w.t.signIn('auditor')).caller.audit.list({ action: 'petitions.reveal' });
    expect(audit.items[0]).toMatchObject({ targetId: ordinary.matterId });
  });

  it('refuses to show an accusation whose sealed content was tampered with, with the MAC error', async () => {
    const before = (await sql<{ content: string }>`select content from petitions.matters where id = ${accusation.matterId}::uuid`.execute(db)).rows[0]!.content;
    const parts = before.split('.');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    await sql`update petitions.matters set content = ${parts.join('.')} where id = ${accusation.matterId}::uuid`.execute(db);
    try {
      await expect(api(w.sup).matters.get({ id: accusation.matterId })).rejects.toThrow(vaultStrings.tampered);
    } finally {
      await sql`update petitions.matters set content = ${before} where id = ${accusation.matterId}::uuid`.execute(db);
    }
  });

  it('seals petitioners and accusation content written before as plaintext (migration 0005’s step)', async () => {
    const vault = testVault();
    const p = await sql<{ id: string }>`insert into petitions.petitioners (tenant_id, matter_id, name, id_number, phone)
      values (${w.t.tenantId}, ${ordinary.matterId}::uuid, '旧台账', ${makeIdNumber('990001', '1950-01-01', 1)}, '13900003333') returning id`.execute(db);
    const sealed = (await sql<{ content: string }>`select content from petitions.matters where id = ${accusation.matterId}::uuid`.execute(db)).rows[0]!.content;
    await sql`update petitions.matters set content = ${ACCUSATION} where id = ${accusation.matterId}::uuid`.execute(db);
    try {
      for (const col of petitionsSealedColumns) await sealPlaintext(db, { vault }, col);
      const row = (await sql<{ id_number: string; phone: string; id_number_index: string; phone_index: string }>`select id_number, phone, id_number_index, phone_index
        from petitions.petitioners where id = ${p.rows[0]!.id}::uuid`.execute(db)).rows[0]!;
      expect(vault.open(row.id_number)).toBe(makeIdNumber('990001', '1950-01-01', 1));
      expect(row.phone_index).toBe(vault.index('phone', '13900003333'));
      const content = (await sql<{ content: string }>`select content from petitions.matters where id = ${accusation.matterId}::uuid`.execute(db)).rows[0]!.content;
      expect(vault.open(content)).toBe(ACCUSATION);
      expect((await sql<{ content: string }>`select content from petitions.matters where id = ${ordinary.matterId}::uuid`.execute(db)).rows[0]!.content).toBe('反映城关镇宅基地审批迟迟未办');
    } finally {
      await sql`delete from petitions.petitioners where id = ${p.rows[0]!.id}::uuid`.execute(db);
      await sql`update petitions.matters set content = ${sealed} where id = ${accusation.matterId}::uuid`.execute(db);
    }
  });

  it('re-seals petitioners and accusation material under a new key on rotation, and still finds repeats', async () => {
    const { report, as } = await rotateTestKey(w.t, NEW_KEY, [petitions]);
    const resealed = Object.fromEntries(report.columns.map((c) => [`${c.table}.${c.column}`, c.resealed]));
    expect(resealed['petitions.matters.content']).toBe(1);
    expect(resealed['petitions.matters.demands']).toBe(1);
    expect(resealed['petitions.visits.content']).toBe(1);
    const ids = await sql<{ id_number: string | null; phone: string | null }>`select id_number, phone from petitions.petitioners`.execute(db);
    for (const r of ids.rows) for (const v of [r.id_number, r.phone]) if (v !== null) expect(v.split('.')[1]).toBe(dataKeyId(NEW_KEY));
    const caller = (await as(w.sup)) as any;
    const byId = await caller.petitions.matters.findRepeats({ petitioners: [{ name: '孔庆东', idNumber: ID }], content: '' });
    expect(byId.map((o: any) => o.matterId)).toContain(ordinary.matterId);
    expect((await caller.petitions.matters.get({ id: accusation.matterId })).content).toBe(ACCUSATION);
    expect(resealed['petitions.matters.issue_grams']).toBe(1);
    const sameIssue = await caller.petitions.matters.findRepeats({ petitioners: [{ name: '郑强' }], content: '检举城关派出所某民警收受财物' });
    expect(sameIssue.find((o: any) => o.matterId === accusation.matterId)?.reasons).toEqual(['same_issue']);
  });
});
