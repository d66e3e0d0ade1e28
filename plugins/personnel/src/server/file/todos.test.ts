import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, insertOfficer, startWorld, type World } from '../test/officers.js';

describeEachEngine('personnel conduct and discipline to-dos', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-04-10');
  }, 120_000);
  afterAll(() => w.t.stop());

  const personnelItems = async (caller: unknown) =>
    ((await (caller as any).workbench.todos()) as { pluginId: string; items: unknown[] }[]).find((g) => g.pluginId === 'personnel')?.items ?? [];

  it('reminds the liaison of last month’s 三个规定 report until it is submitted', async () => {
    const liaison = await w.t.signIn('liaison');
    expect(await personnelItems(liaison.caller)).toEqual([
      { key: 'conduct-report', label: '三个规定2026年3月月报待报送', count: 1, link: '/personnel/conduct/report?month=2026-03', oldest: null },
    ]);
    await api(liaison).conduct.submitReport({ month: '2026-03' });
    expect(await personnelItems(liaison.caller)).toEqual([]);
  });

  it('counts the open clues for the discipline staff', async () => {
    const officerId = await insertOfficer(w.t, { name: '包拯', officerNo: 'T001' });
    await api(w.staff).clues.create({ officerId, source: 'higher_transfer', sourceRef: '市委政法委转办〔2026〕5号', receivedOn: '2026-04-02', summary: '上级转办线索' });
    expect(await personnelItems(w.staff.caller)).toEqual([{ key: 'clues-open', label: '问题线索待办理', count: 1, link: '/personnel/clues?open=1', oldest: '2026-04-02' }]);
  });
});
