import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { addUserWithPermissions, describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { maskName } from './handlers.js';
import { api, scoredCampaign, startWorld, type Scored, type World } from './test/world.js';

describe('maskName', () => {
  it('keeps the first character of a name and hides the rest, separators kept', () => {
    expect([maskName('张办案'), maskName('欧阳娜娜'), maskName('李'), maskName('阿卜杜拉·艾力')]).toEqual(['张**', '欧***', '*', '阿***·**']);
  });
});

// Two police files scored on 2026-10-16, their handler 张办案 (the fixture's).
describeEachEngine('inspections handler names', (engine) => {
  let w: World;
  let c: Scored;
  let hr: ActingUser;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-16');
    c = await scoredCampaign(w, {
      police: [
        ['P1', 1, [33, 30, 1, 7]],
        ['P2', 2, [40, 30, 0, 10]],
      ],
    });
    hr = await addUserWithPermissions(w.t, { username: 'insp-reveal', displayName: '钱督查', orgName: '示范县委政法委', permissions: ['inspections.manage', 'inspections.personnel'] });
  });
  afterAll(() => w.t.stop());

  async function reveals(): Promise<{ targetId: string; fileIds: string[] }[]> {
    const r = await sql<{ targetId: string; detail: { fileIds: string[] } | string }>`select target_id as "targetId", detail from kernel.audit_log
      where action = 'inspections.files.handlers.reveal' and outcome = 'success' order by seq`.execute(w.t.database.db);
    return r.rows.map((x) => ({ targetId: x.targetId, fileIds: [...(typeof x.detail === 'string' ? JSON.parse(x.detail) : x.detail).fileIds].sort() }));
  }

  it('shows a user without inspections.personnel the handler masked on the file list, and audits nothing', async () => {
    const files = await api(w.sup).files.list({ campaignId: c.campaignId });
    expect(files.map((f: any) => [f.caseNo, f.handlerName])).toEqual([
      ['P1', '张**'],
      ['P2', '张**'],
    ]);
    expect(await reveals()).toEqual([]);
  });

  it('shows the reviewer the handler masked on the scoring sheet', async () => {
    const task = (await api(w.sup).scoring.mine()).find((t: any) => t.caseNo === 'P1');
    const sheet = await api(w.sup).scoring.sheet({ assignmentId: task.id });
    expect(sheet.file.handlerName).toBe('张**');
  });

  it('shows a holder of inspections.personnel the full handler name and writes an audit row naming the files', async () => {
    const files = await api(hr).files.list({ campaignId: c.campaignId });
    expect(files.map((f: any) => [f.caseNo, f.handlerName])).toEqual([
      ['P1', '张办案'],
      ['P2', '张办案'],
    ]);
    expect(await reveals()).toEqual([{ targetId: c.campaignId, fileIds: [c.ids.P1, c.ids.P2].sort() }]);
  });
});
