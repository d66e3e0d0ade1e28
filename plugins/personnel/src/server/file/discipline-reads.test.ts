// Every read of a discipline record is in the audit log: each procedure that answers 三个规定
// records, clues, sanctions, eligibility, error-case accountability, the discipline figures or
// another person's law-enforcement file is called once, and the log gains its row, by the
// caller, on the record read. The walk is checked against the router, so a read added later
// without being listed here (audited, or exempt with its reason) fails the test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { disciplineRouter } from '../discipline-router.js';
import { api, officerWithAccount, startWorld, type Officer, type World } from '../test/officers.js';

/** The reads that need no audit row, with the reason. */
const EXEMPT: Record<string, string> = {
  'conduct.mine': 'the caller’s own records',
  'accountability.mine': 'the caller’s own matters',
  'file.mine': 'the caller’s own file',
  'conduct.unitMonth': 'a count of the liaison’s own unit, no record',
  'conduct.quarterSummary': 'counts by unit, no record and no reporter',
  'sanctions.periods': 'the county’s settings, no record',
  'statistics.training': 'training figures, no discipline record',
  'commendations.list': 'commendations are not discipline records',
  'assessments.list': 'assessments are not discipline records',
};

describeEachEngine('personnel discipline reads audited', (engine) => {
  let w: World;
  let subject: Officer;
  let leader: Officer;
  let reads: Record<string, { as: () => ActingUser & { id: string }; input: unknown; action: string; target: () => string | null }>;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    const reporter = await officerWithAccount(w.t, { username: 'jilu', name: '记录人', officerNo: 'A-0001', unit: '示范县人民法院' });
    subject = await officerWithAccount(w.t, { username: 'beiji', name: '被记录人', officerNo: 'A-0002' });
    leader = await officerWithAccount(w.t, { username: 'lingdao', name: '单位领导', officerNo: 'A-0003', isLeader: true });
    const rec = await api(reporter).conduct.record({
      intervenerKind: 'colleague',
      intervenerName: '被记录人',
      subjectOfficerId: subject.officerId,
      occurredOn: '2026-03-02',
      manner: 'phone',
      caseRef: '示公刑〔2026〕9号',
      content: '打听案件进展',
    });
    const s = api(w.staff);
    const clue = await s.clues.create({ officerId: subject.officerId, source: 'conduct_record', conductRecordId: rec.id, receivedOn: '2026-03-10', summary: '违规过问案件' });
    await s.sanctions.decide({ officerId: subject.officerId, clueId: clue.id, form: 2, kind: 'demerit', decidedOn: '2026-04-15', reason: '违规过问案件' });
    await s.accountability.find({ officerId: subject.officerId, caseRef: '示公刑〔2026〕3号', finding: '违法采取强制措施', foundOn: '2026-05-01' });
    const staff = () => w.staff;
    const political = () => w.political;
    const officer = () => subject.officerId;
    const none = () => null;
    reads = {
      'conduct.list': { as: staff, input: {}, action: 'personnel.conduct.read', target: none },
      'conduct.get': { as: staff, input: { id: rec.id }, action: 'personnel.conduct.read', target: () => rec.id },
      'clues.list': { as: staff, input: {}, action: 'personnel.clues.read', target: none },
      'clues.get': { as: staff, input: { id: clue.id }, action: 'personnel.clues.read', target: () => clue.id },
      'sanctions.list': { as: staff, input: { officerId: subject.officerId }, action: 'personnel.sanctions.read', target: none },
      'sanctions.eligibility': { as: political, input: { officerId: subject.officerId }, action: 'personnel.sanctions.eligibility', target: officer },
      'sanctions.statistics': { as: staff, input: { from: '2026-01-01', to: '2026-06-01' }, action: 'personnel.sanctions.statistics', target: none },
      'statistics.discipline': { as: staff, input: { from: '2026-01-01', to: '2026-06-01' }, action: 'personnel.statistics.discipline', target: none },
      'accountability.list': { as: staff, input: { officerId: subject.officerId }, action: 'personnel.accountability.read', target: none },
      'file.get': { as: political, input: { officerId: subject.officerId }, action: 'personnel.file.read', target: officer },
      'file.export': { as: political, input: { officerId: subject.officerId }, action: 'personnel.file.export', target: officer },
      'file.unitSummary': { as: () => ({ ...leader, id: leader.userId }), input: { officerId: subject.officerId }, action: 'personnel.file.read', target: officer },
    };
  }, 240_000);
  afterAll(() => w.t.stop());

  const procedureType = (path: string): string =>
    ((w.t.kernel.router as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures[`personnel.${path}`]?._def.type ?? '');

  it('lists every read of the conduct and discipline procedures as audited or exempt with its reason', () => {
    const queries = Object.entries(disciplineRouter)
      .flatMap(([group, procs]) => Object.keys(procs).map((p) => `${group}.${p}`))
      .filter((p) => procedureType(p) === 'query');
    expect(queries.length).toBeGreaterThan(15);
    expect(queries.filter((p) => !(p in reads) && !(p in EXEMPT))).toEqual([]);
  });

  async function rows(action: string, actorId: string): Promise<{ target_id: string | null }[]> {
    const r = await sql<{ target_id: string | null }>`select target_id from kernel.audit_log
      where tenant_id = ${w.t.tenantId} and action = ${action} and actor_id = ${actorId} order by seq`.execute(w.t.database.db);
    return r.rows;
  }

  it('writes one audit row for each read, by the caller, on the record read', async () => {
    const missing: string[] = [];
    for (const [path, read] of Object.entries(reads)) {
      const who = read.as();
      const before = (await rows(read.action, who.id)).length;
      let target: any = api(who);
      for (const part of path.split('.')) target = target[part];
      await target(read.input);
      const after = await rows(read.action, who.id);
      if (after.length !== before + 1 || after.at(-1)!.target_id !== read.target()) missing.push(`${path}: ${after.length - before} row(s), target ${after.at(-1)?.target_id ?? 'none'}`);
    }
    expect(missing).toEqual([]);
  });
});
