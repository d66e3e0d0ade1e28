import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { staffMessages as sm } from '../strings.js';
import { api, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation staff and duty rota', (engine) => {
  let w: World;
  let police: string;
  let court: string;
  let court2: string;
  let left: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-12');
    const a = api(w.sup);
    police = (await a.staff.create({ name: '刘警官', unit: '县公安局', post: '民警', secondedFrom: '2026-01-01' })).id;
    court = (await a.staff.create({ name: '孙法官', unit: '县人民法院', secondedFrom: '2026-03-01', secondedTo: '2026-12-31' })).id;
    court2 = (await a.staff.create({ name: '吴书记员', unit: '县人民法院', secondedFrom: '2026-10-01' })).id;
    left = (await a.staff.create({ name: '郑干部', unit: '县司法局', secondedFrom: '2025-01-01', secondedTo: '2026-06-30' })).id;
  });
  afterAll(() => w.t.stop());

  it('lists the seconded staff by unit (in code-point order) and counts the active ones per unit', async () => {
    const list = await api(w.leader).staff.list();
    expect(list.items.map((x: any) => [x.name, x.unit, x.post, x.secondedFrom, x.secondedTo, x.active])).toEqual([
      ['吴书记员', '县人民法院', null, '2026-10-01', null, true],
      ['孙法官', '县人民法院', null, '2026-03-01', '2026-12-31', true],
      ['刘警官', '县公安局', '民警', '2026-01-01', null, true],
      ['郑干部', '县司法局', null, '2025-01-01', '2026-06-30', true],
    ]);
    expect(list.byUnit).toEqual([
      { unit: '县人民法院', staff: 2 },
      { unit: '县公安局', staff: 1 },
      { unit: '县司法局', staff: 1 },
    ]);
  });

  it('sets a day’s rota as a whole and lists the days of a period in order', async () => {
    const a = api(w.sup);
    await a.rota.set({ dutyOn: '2026-10-13', staffIds: [court, police] });
    await a.rota.set({ dutyOn: '2026-10-12', staffIds: [police] });
    // Set again: the day's rota is replaced, not added to.
    await a.rota.set({ dutyOn: '2026-10-12', staffIds: [court2] });
    const rota = await api(w.leader).rota.list({ from: '2026-10-12', to: '2026-10-18' });
    expect(rota.map((d: any) => [d.dutyOn, d.staff.map((x: any) => `${x.name}（${x.unit}）`)])).toEqual([
      ['2026-10-12', ['吴书记员（县人民法院）']],
      ['2026-10-13', ['孙法官（县人民法院）', '刘警官（县公安局）']],
    ]);
  });

  it('clears a day with an empty rota', async () => {
    const a = api(w.sup);
    await a.rota.set({ dutyOn: '2026-10-20', staffIds: [police] });
    await a.rota.set({ dutyOn: '2026-10-20', staffIds: [] });
    expect(await api(w.leader).rota.list({ from: '2026-10-20', to: '2026-10-20' })).toEqual([]);
  });

  it('refuses on duty someone whose secondment ended, naming the field, and writes nothing', async () => {
    const a = api(w.sup);
    await expect(a.rota.set({ dutyOn: '2026-10-14', staffIds: [police, left] })).rejects.toThrow(sm.notSeconded('郑干部', '2026-10-14'));
    expect(await a.rota.list({ from: '2026-10-14', to: '2026-10-14' })).toEqual([]);
  });

  it('refuses on duty someone before their secondment started', async () => {
    await expect(api(w.sup).rota.set({ dutyOn: '2026-09-30', staffIds: [court2] })).rejects.toThrow('「值班人员」吴书记员在 2026-09-30 不在派驻期内或已不在岗');
  });

  it('refuses an unknown person and a person twice on the same day', async () => {
    const a = api(w.sup);
    await expect(a.rota.set({ dutyOn: '2026-10-15', staffIds: ['0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10'] })).rejects.toThrow(sm.staffNotFound);
    await expect(a.rota.set({ dutyOn: '2026-10-15', staffIds: [police, police] })).rejects.toThrow(sm.dutyDuplicate);
  });

  it('refuses a secondment ending before it starts, naming the field, and writes nothing', async () => {
    const a = api(w.sup);
    const before = (await a.staff.list()).items.length;
    await expect(a.staff.create({ name: '钱干部', unit: '县人社局', secondedFrom: '2026-10-01', secondedTo: '2026-09-30' })).rejects.toThrow(sm.toBeforeFrom);
    expect((await a.staff.list()).items.length).toBe(before);
  });

  it('refuses a person without a name, naming the field', async () => {
    await expect(api(w.sup).staff.create({ name: ' ', unit: '县人社局', secondedFrom: '2026-10-01' })).rejects.toThrow('派驻人员姓名');
  });

  it('takes a person off the roster on the version, audited, and refuses a stale version', async () => {
    const a = api(w.sup);
    const row = (await a.staff.list()).items.find((x: any) => x.id === court2);
    const r = await a.staff.update({ id: court2, version: row.version, name: row.name, unit: row.unit, secondedFrom: row.secondedFrom, active: false });
    expect(r.version).toBe(row.version + 1);
    await expect(a.staff.update({ id: court2, version: row.version, name: row.name, unit: row.unit, secondedFrom: row.secondedFrom })).rejects.toThrow('该记录已被他人修改，请刷新后重试');
    expect((await a.staff.list()).byUnit).toEqual([
      { unit: '县人民法院', staff: 1 },
      { unit: '县公安局', staff: 1 },
      { unit: '县司法局', staff: 1 },
    ]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'mediation.staff.update' and target_id = ${court2}`.execute(w.t.database.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('leaves the staff and the rota to whoever keeps the roster', async () => {
    await expect(api(w.leader).rota.set({ dutyOn: '2026-10-16', staffIds: [police] })).rejects.toThrow('您没有「管理调解组织、调解员、派驻人员与值班表」权限');
  });
});
