// The discipline records' content at rest (等保 level 3): a clue's summary and notes, a
// sanction's reason, a 三个规定 record's content and an error-case accountability's texts are
// stored sealed, opened for the staff and the file, sealed by migration 0005 when written
// before as plaintext, and re-sealed by a key rotation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from '@zhengfa/plugin-api';
import { dataKeyId, describeEachEngine, rotateTestKey, testVault } from '@zhengfa/test-utils';
import personnel from './index.js';
import { sealPlaintext } from './migrations/0005_personnel_sealed_discipline.js';
import { disciplineSealedColumns } from './sealing.js';
import { api, officerWithAccount, startWorld, type Officer, type World } from './test/officers.js';

const SUMMARY = '群众举报某民警违规插手经济纠纷';
const STEP_NOTE = '初核发现收受红包线索属实';
const CLOSING_NOTE = '经核实问题不成立予以了结';
const REASON = '违规会见案件当事人并接受宴请';
const CONTENT = '某局副局长打听盗窃案进展希望从轻';
const FINDING = '认定事实错误导致改判';
const DEFENCE = '系鉴定意见错误所致';
const DECISION = '责令作出书面检查';
const REQUEST = '申请复核认为不应追究';
const REVIEW_NOTE = '维持原决定';
const PLAINTEXTS = [SUMMARY, STEP_NOTE, CLOSING_NOTE, REASON, CONTENT, FINDING, DEFENCE, DECISION, REQUEST, REVIEW_NOTE];
const NEW_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';

describeEachEngine('personnel: discipline records sealed at rest', (engine) => {
  let w: World;
  let db: Kysely<any>;
  let judge: Officer;
  let clueId: string;
  let closedClueId: string;
  let accountabilityId: string;

  const columnValues = async (): Promise<{ table: string; column: string; value: string }[]> => {
    const out: { table: string; column: string; value: string }[] = [];
    for (const c of disciplineSealedColumns) {
      const r = await sql<{ value: string }>`select ${sql.ref(c.column)} as value from ${sql.raw(c.table)} where ${sql.ref(c.column)} is not null`.execute(db);
      for (const row of r.rows) out.push({ table: c.table, column: c.column, value: row.value });
    }
    return out;
  };

  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    db = w.t.database.db;
    judge = await officerWithAccount(w.t, { username: 'faguan', name: '方官', officerNo: 'S001', unit: '示范县人民法院' });
    const clue = await api(w.staff).clues.create({ officerId: judge.officerId, source: 'report', receivedOn: '2026-03-01', summary: SUMMARY, handlerUserId: w.staff.id });
    clueId = clue.id;
    await api(w.staff).clues.advance({ id: clueId, version: 1, to: 'verifying', on: '2026-03-05', note: STEP_NOTE });
    const closed = await api(w.staff).clues.create({ officerId: judge.officerId, source: 'complaint', receivedOn: '2026-03-02', summary: SUMMARY });
    closedClueId = closed.id;
    await api(w.staff).clues.advance({ id: closedClueId, version: 1, to: 'closed', on: '2026-03-06', note: CLOSING_NOTE });
    await api(w.staff).sanctions.decide({ officerId: judge.officerId, form: 2, kind: 'demerit', decidedOn: '2026-04-01', reason: REASON });
    await api(judge).conduct.record({ intervenerKind: 'outside_official', intervenerName: '某局副局长', occurredOn: '2026-03-05', manner: 'phone', caseRef: '示公刑〔2026〕15号', content: CONTENT });
    const { id } = await api(w.staff).accountability.find({ officerId: judge.officerId, caseRef: '示法刑〔2025〕21号', finding: FINDING, foundOn: '2026-04-01' });
    accountabilityId = id;
    let v = (await api(judge).accountability.defend({ id, version: 1, defence: DEFENCE, on: '2026-04-05' })).version;
    v = (await api(w.staff).accountability.decide({ id, version: v, decision: DECISION, on: '2026-04-20' })).version;
    await api(w.staff).accountability.review({ id, version: v, request: REQUEST, result: 'upheld', note: REVIEW_NOTE, on: '2026-05-06' });
  }, 180_000);
  afterAll(() => w.t.stop());

  it('finds no plaintext of a clue, a step note, a sanction reason, a conduct record or an accountability record when reading the columns directly in SQL', async () => {
    const values = await columnValues();
    expect(new Set(values.map((v) => `${v.table}.${v.column}`))).toEqual(new Set(disciplineSealedColumns.map((c) => `${c.table}.${c.column}`)));
    for (const v of values) expect(v.value.startsWith('zv1.')).toBe(true);
    for (const plain of PLAINTEXTS) for (const v of values) expect(v.value).not.toContain(plain);
    const leaked = await sql<{ n: number }>`select (select count(*) from personnel.clues where summary like '%民警%' or closing_note like '%了结%')::int
      + (select count(*) from personnel.clue_steps where note like '%红包%')::int
      + (select count(*) from personnel.sanctions where reason like '%宴请%')::int
      + (select count(*) from personnel.conduct_records where content like '%副局长%')::int
      + (select count(*) from personnel.accountability where finding like '%改判%' or defence like '%鉴定%' or decision like '%检查%'
          or review_request like '%复核%' or review_note like '%维持%')::int as n`.execute(db);
    expect(leaked.rows[0]!.n).toBe(0);
  });

  it('shows the opened texts to the discipline staff, the reporter, the officer concerned and the full file', async () => {
    const clue = await api(w.staff).clues.get({ id: clueId });
    expect(clue.summary).toBe(SUMMARY);
    expect(clue.steps.map((s: { note: string | null }) => s.note)).toEqual([null, null, STEP_NOTE]);
    expect((await api(w.staff).clues.get({ id: closedClueId })).steps.map((s: { note: string | null }) => s.note)).toEqual([null, CLOSING_NOTE]);
    expect((await api(w.staff).clues.list({ officerId: judge.officerId })).map((c: { summary: string }) => c.summary)).toEqual([SUMMARY, SUMMARY]);
    expect((await api(w.staff).sanctions.list({ officerId: judge.officerId })).map((s: { reason: string }) => s.reason)).toEqual([REASON]);
    expect((await api(judge).conduct.mine()).map((r: { content: string }) => r.content)).toEqual([CONTENT]);
    expect((await api(w.staff).conduct.list()).map((r: { content: string }) => r.content)).toEqual([CONTENT]);
    expect((await api(judge).accountability.mine())[0]).toMatchObject({ finding: FINDING, defence: DEFENCE, decision: DECISION, reviewRequest: REQUEST, reviewNote: REVIEW_NOTE });
    const file = await api(w.political).file.get({ officerId: judge.officerId });
    expect(file.clues.map((c: { summary: string }) => c.summary)).toEqual([SUMMARY, SUMMARY]);
    expect(file.sanctions.map((s: { reason: string }) => s.reason)).toEqual([REASON]);
    expect(file.accountability.map((x: { decision: string }) => x.decision)).toEqual([DECISION]);
  });

  it('seals discipline records written before as plaintext (migration 0005’s step)', async () => {
    const vault = testVault();
    const before = (await sql<{ finding: string }>`select finding from personnel.accountability where id = ${accountabilityId}::uuid`.execute(db)).rows[0]!.finding;
    await sql`update personnel.accountability set finding = ${FINDING} where id = ${accountabilityId}::uuid`.execute(db);
    try {
      for (const col of disciplineSealedColumns) await sealPlaintext(db, { vault }, col);
      const after = (await sql<{ finding: string }>`select finding from personnel.accountability where id = ${accountabilityId}::uuid`.execute(db)).rows[0]!.finding;
      expect(after.startsWith('zv1.')).toBe(true);
      expect(vault.open(after)).toBe(FINDING);
      expect((await api(w.staff).accountability.list({ officerId: judge.officerId }))[0].finding).toBe(FINDING);
    } finally {
      await sql`update personnel.accountability set finding = ${before} where id = ${accountabilityId}::uuid`.execute(db);
    }
  });

  it('re-seals the discipline records under a new key on rotation, which the new key opens', async () => {
    const { report, kernel } = await rotateTestKey(w.t, NEW_KEY, [personnel]);
    const resealed = Object.fromEntries(report.columns.map((c) => [`${c.table}.${c.column}`, c.resealed]));
    expect(resealed['personnel.clues.summary']).toBe(2);
    expect(resealed['personnel.clue_steps.note']).toBe(2);
    expect(resealed['personnel.sanctions.reason']).toBe(1);
    expect(resealed['personnel.conduct_records.content']).toBe(1);
    expect(resealed['personnel.accountability.review_note']).toBe(1);
    const values = await columnValues();
    for (const v of values) expect(v.value.split('.')[1]).toBe(dataKeyId(NEW_KEY));
    expect(new Set(values.map((v) => kernel.vault.open(v.value)))).toEqual(new Set(PLAINTEXTS));
  });
});
