// The petitions plugin switched off for the demo county on 功能模块 (kernel
// system/county-modules.ts): its procedures and the public look-up refuse, the kernel case
// and the matter stay, and switching it back on shows the matter again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { api, register, startWorld, type World } from './matters/test/helpers.js';

const OFF = '本县未启用「信访接待」功能模块，请联系系统管理员';

describeEachEngine('petitions: switched off and on for a county', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  const setOn = async (on: boolean) => {
    const { caller } = await w.t.signIn('admin');
    const { countyVersion } = (await caller.system.modules()).plugins.find((p) => p.id === 'petitions')!;
    return on ? caller.system.enableModule({ pluginId: 'petitions', version: countyVersion }) : caller.system.disableModule({ pluginId: 'petitions', version: countyVersion });
  };

  it('refuses its procedures and the public look-up while off, keeps the matter, and shows it again when on', async () => {
    const r = await register(w, { petitioners: [{ name: '谢天明', phone: '13911117777' }] });
    await setOn(false);
    await expect(api(w.sup).matters.get({ id: r.matterId })).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
    await expect(api(w.sup).matters.register({})).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
    const lookup = ((await w.t.anonymous()) as any).petitions.lookup;
    await expect(lookup.progress({ code: r.queryCode, phoneLast4: '7777' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
    const kept = await sql<{ n: number }>`select count(*)::int as n from petitions.matters where tenant_id = ${w.t.tenantId} and id = ${r.matterId}`.execute(w.t.database.db);
    expect(kept.rows[0]!.n).toBe(1);
    expect((await w.sup.caller.cases.get({ id: r.caseId })).kind).toBe('petition');

    await setOn(true);
    expect((await api(w.sup).matters.get({ id: r.matterId })).id).toBe(r.matterId);
    expect((await lookup.progress({ code: r.queryCode, phoneLast4: '7777' })).statusName).toBe('待转送');
  });

  it('still refuses a wrong phone suffix before saying the county has it off', async () => {
    const r = await register(w, { petitioners: [{ name: '谢天亮', phone: '13911118888' }] });
    await setOn(false);
    try {
      const lookup = ((await w.t.anonymous()) as any).petitions.lookup;
      await expect(lookup.progress({ code: r.queryCode, phoneLast4: '0000' })).rejects.toThrow('查询码或电话后四位不正确');
    } finally {
      await setOn(true);
    }
  });
});
