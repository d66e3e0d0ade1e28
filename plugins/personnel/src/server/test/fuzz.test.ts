// The plugin's procedures under fuzzed input (the server's fuzz suite, scoped to this plugin):
// no 500, Chinese refusals naming the field, nothing written on a refusal. The caller holds
// every permission of the plugin and is an officer of the registry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestKernel } from '@zhengfa/test-utils';
import { fingerprinter, fuzzProcedures, fuzzSummary, proceduresOf } from '@zhengfa/test-utils/fuzz';
import plugin from '../index.js';
import { insertOfficer, officerWithAccount, startWorld, type Officer } from './officers.js';

describeEachEngine('personnel procedures under fuzzed input', (engine) => {
  let t: TestKernel;
  let fuzzer: Officer;
  let examples: Record<string, () => unknown>;
  beforeAll(async () => {
    const w = await startWorld(engine, '2026-06-01');
    t = w.t;
    fuzzer = await officerWithAccount(t, {
      username: 'fuzzer',
      name: '模糊测试员',
      officerNo: 'Z001',
      isLeader: true,
      unit: '示范县公安局',
      permissions: (plugin.permissions ?? []).map((p) => p.key),
    });
    const subjectId = await insertOfficer(t, { name: '被反映人', officerNo: 'Z002' });
    const officerId = subjectId;
    // Valid inputs: half the runs mutate one of their fields, reaching the rules behind validation.
    examples = {
      'personnel.conduct.record': () => ({ intervenerKind: 'colleague', intervenerName: '某同事', subjectOfficerId: subjectId, occurredOn: '2026-05-01', manner: 'phone', caseRef: '示公刑〔2026〕1号', content: '打听案情' }),
      'personnel.conduct.submitReport': () => ({ month: '2026-05' }),
      'personnel.clues.create': () => ({ officerId, source: 'complaint', receivedOn: '2026-05-01', summary: '投诉', handlerUserId: fuzzer.userId }),
      'personnel.sanctions.decide': () => ({ officerId, form: 2, kind: 'demerit', decidedOn: '2026-05-02', reason: '违纪' }),
      'personnel.accountability.find': () => ({ officerId, caseRef: '示法刑〔2026〕1号', finding: '错案', foundOn: '2026-05-01' }),
      'personnel.commendations.award': () => ({ kind: 'best_officer', officerId: fuzzer.officerId, title: '十佳政法干警', awardedOn: '2026-05-01' }),
      'personnel.assessments.record': () => ({ officerId, period: '2026-Q1', grade: 'competent', assessedOn: '2026-04-01' }),
      'personnel.file.get': () => ({ officerId }),
      'personnel.file.unitSummary': () => ({ officerId }),
    };
  }, 120_000);
  afterAll(() => t.stop());

  it('answers every fuzzed input without a 500 and writes nothing when it refuses', async () => {
    const procedures = proceduresOf(t.kernel.router as never).filter((p) => p.path.startsWith('personnel.') && !p.path.startsWith('personnel.items.'));
    const report = await fuzzProcedures({ procedures, runs: 15, seed: Number(process.env.FUZZ_SEED ?? 20261207), callerFor: () => Promise.resolve(fuzzer.caller), examples, fingerprint: await fingerprinter(t.database.db) });
    for (const f of report.failures.slice(0, 30)) console.log(`  ${f.path} ${String(f.input)}\n    → ${f.problem}`);
    console.log(fuzzSummary(report, engine));
    expect(report.failures).toEqual([]);
  }, 600_000);
});
