import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, auditRows, insertOfficer, officerWithAccount, rowCount, startWorld, type World } from '../test/officers.js';

describeEachEngine('personnel clues', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
  }, 120_000);
  afterAll(() => w.t.stop());

  const newClue = async (officerNo: string, over: Record<string, unknown> = {}) => {
    const officerId = await insertOfficer(w.t, { name: `干警${officerNo}`, officerNo });
    const clue = await api(w.staff).clues.create({ officerId, source: 'petition', sourceRef: '示政法访〔2026〕3号', receivedOn: '2026-03-01', summary: '信访反映违规办案', handlerUserId: w.staff.id, ...over });
    return { officerId, ...clue };
  };

  it('takes a clue through 受理 → 初步核实 → 立案 → 调查 → 审理 → 决定, each step recorded', async () => {
    const c = await newClue('K001');
    let v = c.version;
    for (const [to, on] of [
      ['verifying', '2026-03-05'],
      ['filed', '2026-03-20'],
      ['investigating', '2026-03-21'],
      ['reviewing', '2026-04-20'],
      ['decided', '2026-05-10'],
    ] as const) {
      v = (await api(w.staff).clues.advance({ id: c.id, version: v, to, on })).version;
    }
    const got = await api(w.staff).clues.get({ id: c.id });
    expect(got.status).toBe('decided');
    expect(got.steps.map((s: { step: string; on: string }) => [s.step, s.on])).toEqual([
      ['accepted', '2026-03-01'],
      ['handler', '2026-03-01'],
      ['verifying', '2026-03-05'],
      ['filed', '2026-03-20'],
      ['investigating', '2026-03-21'],
      ['reviewing', '2026-04-20'],
      ['decided', '2026-05-10'],
    ]);
  });

  it('refuses to skip a stage, naming the stages, and writes nothing', async () => {
    const c = await newClue('K002');
    const steps = await rowCount(w.t, 'clue_steps');
    await expect(api(w.staff).clues.advance({ id: c.id, version: c.version, to: 'investigating', on: '2026-03-05' })).rejects.toThrow('「办理环节」不能从“受理”进入“调查”');
    expect(await rowCount(w.t, 'clue_steps')).toBe(steps);
  });

  it('refuses a step dated before the clue was received', async () => {
    const c = await newClue('K003');
    await expect(api(w.staff).clues.advance({ id: c.id, version: c.version, to: 'verifying', on: '2026-02-28' })).rejects.toThrow('「办理日期」不能早于线索受理日期（2026年3月1日）');
  });

  it('closes a clue after initial verification finds nothing (了结)', async () => {
    const c = await newClue('K004');
    const v = (await api(w.staff).clues.advance({ id: c.id, version: c.version, to: 'verifying', on: '2026-03-05' })).version;
    expect(await api(w.staff).clues.advance({ id: c.id, version: v, to: 'closed', on: '2026-03-25', note: '经初核，反映问题不属实' })).toMatchObject({ status: 'closed' });
    await expect(api(w.staff).clues.advance({ id: c.id, version: v + 1, to: 'filed', on: '2026-03-26' })).rejects.toThrow('问题线索已了结，不能再办理');
  });

  it('replaces a handler who withdraws for a conflict of interest (回避) and records both', async () => {
    const c = await newClue('K005');
    const r = await api(w.staff).clues.withdrawHandler({ id: c.id, version: c.version, reason: 'relative', note: '承办人系被反映干警的表兄', replacementUserId: w.staff2.id, on: '2026-03-03' });
    expect(r).toEqual({ version: 2, handlerName: '纪检二' });
    const got = await api(w.staff).clues.get({ id: c.id });
    expect(got).toMatchObject({ handlerUserId: w.staff2.id, handlerName: '纪检二' });
    expect(got.steps.at(-1)).toMatchObject({
      step: 'withdrawal',
      on: '2026-03-03',
      note: '承办人系被反映干警的表兄',
      detail: { reason: 'relative', withdrawnUserId: w.staff.id, withdrawnName: '纪检一', handlerUserId: w.staff2.id, handlerName: '纪检二' },
    });
    expect((await auditRows(w.t, 'personnel.clues.withdrawal', c.id)).map((x) => x.detail)).toEqual([{ reason: 'relative', withdrawnUserId: w.staff.id, handlerUserId: w.staff2.id }]);
  });

  it('refuses the withdrawn handler as their own replacement', async () => {
    const c = await newClue('K006');
    await expect(api(w.staff).clues.withdrawHandler({ id: c.id, version: c.version, reason: 'interest', replacementUserId: w.staff.id, on: '2026-03-03' })).rejects.toThrow(
      '「接替承办人」不能是回避的承办人',
    );
  });

  it('refuses the officer concerned as the handler of a clue about them', async () => {
    const insider = await officerWithAccount(w.t, { username: 'jijian3', name: '纪检三', officerNo: 'K007', unit: '示范县委政法委', permissions: ['personnel.discipline'] });
    const before = await rowCount(w.t, 'clues');
    await expect(
      api(w.staff).clues.create({ officerId: insider.officerId, source: 'report', receivedOn: '2026-03-01', summary: '举报纪检干部', handlerUserId: insider.userId }),
    ).rejects.toThrow('「承办人」不能是被反映干警本人，请另行指定');
    expect(await rowCount(w.t, 'clues')).toBe(before);
  });

  it('refuses a handler without the discipline permission', async () => {
    const c = await newClue('K008');
    await expect(api(w.staff).clues.assignHandler({ id: c.id, version: c.version, handlerUserId: w.political.id })).rejects.toThrow('「承办人」须为具有纪律作风权限的工作人员');
  });

  it('transfers a clue to the discipline commission and records the transfer', async () => {
    const c = await newClue('K009');
    await api(w.staff).clues.transfer({ id: c.id, version: c.version, to: '示范县纪委监委', on: '2026-03-08', note: '涉嫌职务违法，属监察机关管辖' });
    const got = await api(w.staff).clues.get({ id: c.id });
    expect(got).toMatchObject({ status: 'transferred', transferredTo: '示范县纪委监委', transferredOn: '2026-03-08' });
    expect(got.steps.at(-1)).toMatchObject({ step: 'transferred', on: '2026-03-08', detail: { to: '示范县纪委监委' } });
    await expect(api(w.staff).sanctions.decide({ officerId: c.officerId, clueId: c.id, form: 2, kind: 'demerit', decidedOn: '2026-04-01', reason: '—' })).rejects.toThrow(
      '问题线索已移交，不能再作出处理决定',
    );
  });

  it('refuses a 三个规定 source without the record', async () => {
    const officerId = await insertOfficer(w.t, { name: '干警K010', officerNo: 'K010' });
    await expect(api(w.staff).clues.create({ officerId, source: 'conduct_record', receivedOn: '2026-03-01', summary: '三个规定记录反映' })).rejects.toThrow(
      '线索来源为三个规定记录时，请选择「三个规定记录」',
    );
  });

  it('audits every read of the clues', async () => {
    const c = await newClue('K011');
    await api(w.staff).clues.get({ id: c.id });
    await api(w.staff).clues.list({ officerId: c.officerId });
    const reads = await auditRows(w.t, 'personnel.clues.read');
    expect(reads.slice(-2).map((r) => [r.actor_id, r.target_id, r.detail])).toEqual([
      [w.staff.id, c.id, {}],
      [w.staff.id, null, { status: null, officerId: c.officerId, count: 1 }],
    ]);
  });
});
