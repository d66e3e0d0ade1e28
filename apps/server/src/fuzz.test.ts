// Property-based fuzzing of every procedure of the kernel and the installed plugins
// (fast-check, through @zhengfa/test-utils/fuzz): each is called, as a user holding its
// permission, with inputs derived from its zod schema, random JSON, and mutations of a valid
// example. No call may answer INTERNAL_SERVER_ERROR (a 500); a refusal must carry a Chinese
// message, an input error must name its field, and a refused call must write nothing.
//
// Runs per procedure: FUZZ_RUNS (default 20, so the suite stays within a few minutes on two
// cores); the seed: FUZZ_SEED (default: a new one each run, printed with the figures).
//
// What a refused call may still write (fingerprint.ts): its own audit row ('denied' for a
// missing permission, 'failure' for a wrong current password), the sign-in and look-up
// attempt counters, a session's last-seen time, and the progress of an export started by an
// earlier, accepted call. Not called: auth.signOut, which would end the fuzzer's session.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminDuties } from '@zhengfa/kernel';
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { describeEachEngine, inDays, orgIdByName, registerAndAssign, addUserWithPermissions, startTestKernel, userIdByName, writeProbeSummary, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { fingerprinter, fuzzProcedures, fuzzSummary, proceduresOf, unnamedFields, type FuzzProcedure } from '@zhengfa/test-utils/fuzz';
import { loadInstalledPlugins } from './plugins.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
/** Procedures not called, and why (see the header). */
const NOT_CALLED = new Set(['auth.signOut']);
/** Called last: failed sign-ins lock the test's address out of signing in again. */
const LAST = 'auth.signIn';

describeEachEngine('every procedure under fuzzed input', (engine) => {
  let t: TestKernel;
  let installed: AnyPlugin[];
  const actors: { user: ActingUser; permissions: Set<string> }[] = [];
  const examples: Record<string, () => unknown> = {};

  beforeAll(async () => {
    installed = await loadInstalledPlugins();
    t = await startTestKernel({ engine, plugins: installed });
    const secadmin = await t.signIn('secadmin');
    const duty = new Set<string>(Object.values(adminDuties).flatMap((d) => [...d.permissions]));
    const business = (await secadmin.caller.roles.permissions()).map((p) => p.key).filter((k) => !duty.has(k));
    const fuzzer = await addUserWithPermissions(t, { username: 'fuzzer', displayName: '模糊测试员', orgName: '示范县委政法委', permissions: business });
    for (const u of [fuzzer, await t.signIn('admin'), secadmin, await t.signIn('auditor')]) {
      const me = await u.caller.auth.me();
      actors.push({ user: u, permissions: new Set(me!.user.permissions) });
    }

    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const kase = await registerAndAssign(t, sup, leader);
    const unitId = await orgIdByName(t, '示范县公安局');
    const rootId = await orgIdByName(t, '示范县委政法委');
    const leaderId = await userIdByName(t, 'leader');
    const vocab = await sup.caller.supervision.vocab();
    const today = inDays(0);
    Object.assign(examples, {
      'cases.register': () => ({
        title: '关于城关镇土地纠纷信访件的督办',
        summary: '群众反映征地补偿款未足额发放',
        source: 'letter',
        urgency: 'urgent',
        receivedOn: today,
        parties: [{ name: '张三丰', phone: '13812345678', address: '城关镇' }],
      }),
      'cases.ledger': () => ({ keyword: '土地', from: '2026-01-01', to: today, status: ['assigned'], urgency: ['urgent'], unitId, page: 1, pageSize: 20 }),
      'cases.setFourFixes': () => ({ id: kase.id, version: 1, leadLeaderId: leaderId, handlerName: '李承办', resolutionPlan: '约谈当事人，限期补发', deadline: inDays(30), leadUnitId: unitId }),
      'cases.transition': () => ({ id: kase.id, version: 1, action: 'acknowledge', comment: '已签收' }),
      'cases.dispatch': () => ({ id: kase.id, heldOn: today, summary: '调度会研究推进', nextSteps: '限期补发' }),
      'cases.dispatchMany': () => ({ ids: [kase.id], heldOn: today, summary: '调度会集中催办', nextSteps: '本周内报送进展' }),
      'supervision.draftInstrument': () => ({
        caseId: kase.id,
        kind: vocab.instrumentKinds[0]!.value,
        recipientOrgId: unitId,
        facts: '补偿款发放明显超过期限，群众反映强烈',
        requirement: '限期补发并书面报告',
        responseDeadline: inDays(15),
      }),
      'supervision.recordPower': () => ({ caseId: kase.id, power: vocab.powers[0]!.value, usedOn: today, description: '调阅全部案卷材料' }),
      'supervision.scheduleMeeting': () => ({ title: '土地纠纷协调会', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), orgIds: [unitId], caseIds: [kase.id] }),
      'orgs.create': () => ({ parentId: rootId, name: '模糊测试单位', kind: 'police', level: 'county' }),
      'users.list': () => ({ keyword: 'sup', page: 1, pageSize: 20 }),
      'audit.list': () => ({ from: '2026-01-01T00:00:00.000Z', outcome: 'denied', page: 1 }),
      'calendar.set': () => ({ date: inDays(40), kind: 'official' }),
      'calendar.setDispatchCounting': () => ({ urgency: 'critical', counting: 'natural' }),
      'petitions.matters.register': () => ({
        channel: 'visit',
        receivedOn: today,
        personCount: 2,
        category: 'law',
        content: '反映土地征收补偿款未足额发放',
        petitioners: [{ name: '王五', idNumber: null, phone: '13912345678', address: '城关镇' }],
      }),
      'petitions.matters.list': () => ({ from: '2026-01-01', to: today, page: 1, pageSize: 20 }),
      'petitions.matters.export': () => ({ from: '2026-01-01', to: today, unrouted: true }),
      'petitions.statistics.summary': () => ({ from: '2026-01-01', to: today }),
      'petitions.fourVisits.schedule': () => ({ type: 'reception_day', scheduledOn: inDays(3), leaderName: '县委政法委书记', place: '信访接待大厅' }),
      'petitions.lookup.progress': () => ({ code: 'ABCDEFGH23', phoneLast4: '1234' }),
    });
  });
  afterAll(() => t.stop());

  function callerFor(proc: FuzzProcedure): Promise<unknown | null> {
    if (NOT_CALLED.has(proc.path)) return Promise.resolve(null);
    const holds = (a: (typeof actors)[number]) =>
      proc.meta.access === 'permission'
        ? proc.meta.permissions.every((p) => a.permissions.has(p))
        : proc.meta.access === 'anyPermission'
          ? proc.meta.permissions.some((p) => a.permissions.has(p))
          : true;
    const actor = actors.find(holds);
    if (!actor) throw new Error(`no test user holds the permissions of ${proc.path}: ${JSON.stringify(proc.meta)}`);
    return Promise.resolve(actor.user.caller);
  }

  it('gives every field of every procedure’s input a Chinese name for its messages', () => {
    const unnamed = proceduresOf(t.kernel.router as never).flatMap((p) => unnamedFields(p.input).map((f) => `${p.path}: ${f}`));
    expect(unnamed).toEqual([]);
  });

  it('answers every fuzzed input without a 500, in Chinese naming the field, and writes nothing when it refuses', async () => {
    const all = proceduresOf(t.kernel.router as never);
    const procedures = [...all.filter((p) => p.path !== LAST), ...all.filter((p) => p.path === LAST)];
    const report = await fuzzProcedures({ procedures, runs: RUNS, seed: SEED, callerFor, examples, fingerprint: await fingerprinter(t.database.db, { plugins: installed }) });
    console.log(fuzzSummary(report, engine));
    writeProbeSummary(`fuzz-${engine}`, fuzzSummary(report, engine));
    for (const f of report.failures.slice(0, 30)) console.log(`  ${f.path} ${f.input}\n    → ${f.problem}`);
    expect(report.procedures).toBeGreaterThanOrEqual(100);
    expect(report.failures).toEqual([]);
  }, 900_000);
});
