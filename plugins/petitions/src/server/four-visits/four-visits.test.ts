import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, register, startWorld, type World } from '../matters/test/helpers.js';

describeEachEngine('petitions: the four visits', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  it('lists reception days of a month on the calendar, grouped by day', async () => {
    await api(w.sup).fourVisits.schedule({ type: 'reception_day', scheduledOn: '2026-03-05', leaderName: '刘书记', place: '县信访接待中心' });
    await api(w.sup).fourVisits.schedule({ type: 'visit_down', scheduledOn: '2026-03-20', leaderName: '刘书记', place: '河口乡' });
    await api(w.sup).fourVisits.schedule({ type: 'reception_day', scheduledOn: '2026-04-02', leaderName: '刘书记' });
    const cal = await api(w.sup).fourVisits.calendar({ month: '2026-03' });
    expect(cal.items.map((i: any) => i.typeName)).toEqual(['领导接访日', '领导下访']);
    expect(Object.keys(cal.days)).toEqual(['2026-03-05', '2026-03-20']);
  });

  it('records a return visit with the petitioner\'s satisfaction on the matter', async () => {
    const r = await register(w);
    const v = await api(w.sup).fourVisits.schedule({ type: 'return_visit', scheduledOn: '2026-05-06', leaderName: '陈监督', matterId: r.matterId });
    await api(w.sup).fourVisits.record({ id: v.id, version: v.version, heldOn: '2026-05-06', satisfaction: 'basically_satisfied', notes: '电话回访' });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.fourVisits[0]).toMatchObject({ typeName: '回访', held: true, satisfactionName: '基本满意' });
  });

  it('requires the satisfaction on a return visit', async () => {
    const r = await register(w);
    const v = await api(w.sup).fourVisits.schedule({ type: 'return_visit', scheduledOn: '2026-05-07', leaderName: '陈监督', matterId: r.matterId });
    await expect(api(w.sup).fourVisits.record({ id: v.id, version: v.version, heldOn: '2026-05-07' })).rejects.toThrow('满意度');
  });

  it('records an appointment without a satisfaction', async () => {
    const v = await api(w.sup).fourVisits.schedule({ type: 'appointment', scheduledOn: '2026-06-01', leaderName: '刘书记' });
    await expect(api(w.sup).fourVisits.record({ id: v.id, version: v.version, heldOn: '2026-06-01', satisfaction: 'satisfied' })).rejects.toThrow('只有回访');
    const out = await api(w.sup).fourVisits.record({ id: v.id, version: v.version, heldOn: '2026-06-01' });
    expect(out.version).toBe(2);
  });

  it('refuses a stale version when recording a visit', async () => {
    const v = await api(w.sup).fourVisits.schedule({ type: 'appointment', scheduledOn: '2026-06-02', leaderName: '刘书记' });
    await expect(api(w.sup).fourVisits.record({ id: v.id, version: v.version + 1, heldOn: '2026-06-02' })).rejects.toThrow('已被他人修改');
  });

  it('schedules once for a retried request with the same key', async () => {
    const input = { type: 'reception_day', scheduledOn: '2026-07-01', leaderName: '刘书记', idempotencyKey: 'visit-key-0001' };
    const a = await api(w.sup).fourVisits.schedule(input);
    const b = await api(w.sup).fourVisits.schedule(input);
    expect(b).toMatchObject({ id: a.id, duplicate: true });
  });
});
