// The parties' ID numbers and phones at rest: sealed in kernel.case_parties, found by blind
// index, opened for the masks and the audited reveal, refused when tampered with, sealed by
// the migration when written before as plaintext, and re-sealed by a key rotation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachEngine, startTestKernel, TEST_DATA_KEY, testVault, type ActingUser, type TestKernel } from '../testing/index.js';
import { createKernel } from '../kernel.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { maskIdNumber } from '../parties/index.js';
import { vaultStrings } from '../strings.js';
import { kernelSealedColumns, sealPlaintext } from './sealed-columns.js';
import { createVault, keyIdOf, parseDataKey } from './vault.js';

const ID = '11010519491231002X';
const PHONE = '13812345678';
const NEW_KEY = parseDataKey('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90');

describeEachEngine('kernel: party identifiers sealed at rest', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let db: Kysely<any>;
  let caseId: string;
  let partyId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    db = t.database.db;
    sup = await t.signIn('supervisor');
    const r = await sup.caller.cases.register({
      title: '执行款长期未到位督办',
      summary: '',
      source: 'visit',
      urgency: 'normal',
      isKey: false,
      parties: [{ name: '张三丰', idNumber: ID, phone: PHONE, address: '示范县城关镇东街18号' }],
    });
    caseId = r.id;
    partyId = (await sup.caller.cases.get({ id: caseId })).parties[0]!.id;
  }, 120_000);
  afterAll(() => t.stop());

  const partyRow = async () =>
    (await sql<{ id_number: string; phone: string; id_number_index: string; phone_index: string }>`select id_number, phone, id_number_index, phone_index
      from kernel.case_parties where id = ${partyId}::uuid`.execute(db)).rows[0]!;

  it('finds no plaintext ID number or phone when reading the columns directly in SQL', async () => {
    const row = await partyRow();
    expect(row.id_number.startsWith('zv1.')).toBe(true);
    expect(row.phone.startsWith('zv1.')).toBe(true);
    const plain = await sql<{ n: number }>`select count(*)::int as n from kernel.case_parties
      where id_number like ${'%' + ID.slice(6, 14) + '%'} or phone like ${'%' + PHONE.slice(3) + '%'}
         or (id_number is not null and id_number not like 'zv1.%') or (phone is not null and phone not like 'zv1.%')`.execute(db);
    expect(plain.rows[0]!.n).toBe(0);
  });

  it('finds the party by the blind index of its ID number and of its phone', async () => {
    const byId = await sql<{ id: string }>`select id from kernel.case_parties where tenant_id = ${t.tenantId} and id_number_index = ${testVault().index('id_number', ID)}`.execute(db);
    const byPhone = await sql<{ id: string }>`select id from kernel.case_parties where tenant_id = ${t.tenantId} and phone_index = ${testVault().index('phone', PHONE)}`.execute(db);
    expect(byId.rows.map((r) => r.id)).toEqual([partyId]);
    expect(byPhone.rows.map((r) => r.id)).toEqual([partyId]);
  });

  it('masks the opened values on the case page as before', async () => {
    const page = await sup.caller.cases.get({ id: caseId });
    expect(page.parties[0]).toMatchObject({ name: '张**', idNumber: maskIdNumber(ID), phone: '138****5678' });
  });

  it('reveals the plaintext, and audits the reveal', async () => {
    const revealed = await sup.caller.cases.revealParty({ caseId, partyId });
    expect(revealed).toMatchObject({ idNumber: ID, phone: PHONE });
    const audit = await (await t.signIn('auditor')).caller.audit.list({ action: 'cases.reveal' });
    expect(audit.items[0]).toMatchObject({ actorName: '陈监督', targetId: caseId });
  });

  it('refuses to reveal a party whose ciphertext was tampered with, with the MAC error', async () => {
    const before = (await partyRow()).phone;
    const parts = before.split('.');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    await sql`update kernel.case_parties set phone = ${parts.join('.')} where id = ${partyId}::uuid`.execute(db);
    try {
      await expect(sup.caller.cases.revealParty({ caseId, partyId })).rejects.toThrow(vaultStrings.tampered);
    } finally {
      await sql`update kernel.case_parties set phone = ${before} where id = ${partyId}::uuid`.execute(db);
    }
  });

  it('seals ID numbers and phones written before as plaintext (the migration step), with their blind indexes', async () => {
    const vault = testVault();
    const r = await sql<{ id: string }>`insert into kernel.case_parties (tenant_id, case_id, name, id_number, phone)
      values (${t.tenantId}, ${caseId}::uuid, '李四', '110105194912310037', '13900001111') returning id`.execute(db);
    const id = r.rows[0]!.id;
    try {
      for (const col of kernelSealedColumns) await sealPlaintext(db, vault, col);
      const row = (await sql<{ id_number: string; phone: string; id_number_index: string; phone_index: string }>`select id_number, phone, id_number_index, phone_index
        from kernel.case_parties where id = ${id}::uuid`.execute(db)).rows[0]!;
      expect(vault.open(row.id_number)).toBe('110105194912310037');
      expect(vault.open(row.phone)).toBe('13900001111');
      expect(row.id_number_index).toBe(vault.index('id_number', '110105194912310037'));
      expect(row.phone_index).toBe(vault.index('phone', '13900001111'));
    } finally {
      await sql`delete from kernel.case_parties where id = ${id}::uuid`.execute(db);
    }
  });

  it('refuses to migrate plaintext identifiers without a data key', async () => {
    const r = await sql<{ id: string }>`insert into kernel.case_parties (tenant_id, case_id, name, phone)
      values (${t.tenantId}, ${caseId}::uuid, '王五', '13900002222') returning id`.execute(db);
    try {
      await expect(sealPlaintext(db, undefined, kernelSealedColumns[1]!)).rejects.toThrow(vaultStrings.needsVault);
    } finally {
      await sql`delete from kernel.case_parties where id = ${r.rows[0]!.id}::uuid`.execute(db);
    }
  });

  it('re-seals every party under a new key on rotation, re-computes the blind indexes, and still reveals', async () => {
    const rotated = createVault({ current: NEW_KEY, old: [parseDataKey(TEST_DATA_KEY)] });
    const kernel = createKernel({ vault: rotated, database: t.database, plugins: [] });
    const sealedBefore = (await sql<{ n: number }>`select count(*)::int as n from kernel.case_parties where id_number is not null`.execute(db)).rows[0]!.n
      + (await sql<{ n: number }>`select count(*)::int as n from kernel.case_parties where phone is not null`.execute(db)).rows[0]!.n;
    const report = await kernel.rotateKey();
    expect(report.total).toBe(sealedBefore);
    const row = await partyRow();
    expect(row.id_number.split('.')[1]).toBe(keyIdOf(NEW_KEY));
    expect(row.phone.split('.')[1]).toBe(keyIdOf(NEW_KEY));
    expect(row.id_number_index).toBe(rotated.index('id_number', ID));
    expect(row.phone_index).toBe(rotated.index('phone', PHONE));
    // The old key alone no longer opens them; the rotated vault does, through the procedures.
    expect(() => testVault().open(row.phone)).toThrow(vaultStrings.unknownKey(keyIdOf(NEW_KEY)));
    const ctx = await kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${sup.cookie}`, 'user-agent': 'vitest' }), ip: '127.0.0.1' });
    await expect(kernel.createCaller(ctx).cases.revealParty({ caseId, partyId })).resolves.toMatchObject({ idNumber: ID, phone: PHONE });
    // Run again (after an interruption): nothing is left to re-seal.
    expect((await kernel.rotateKey()).total).toBe(0);
  });
});
