import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, chinaDay, register, routeFully, startWorld, type World } from '../matters/test/helpers.js';

// One matter at each step: A waits to be routed (received 2026-03-02), B was routed and waits
// to be accepted, C was accepted on 2026-04-01 and waits for its answer, D was answered on
// 2026-05-06 and waits to be concluded.
describeEachEngine('petitions: the workbench to-dos', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
    await register(w, { receivedOn: '2026-03-02' });
    const b = await register(w, { receivedOn: '2026-03-03' });
    await routeFully(w, b.matterId);
    const c = await register(w, { receivedOn: '2026-03-04' });
    await routeFully(w, c.matterId);
    let m = await api(w.liaison).matters.get({ id: c.matterId });
    await api(w.liaison).matters.recordAcceptance({ id: c.matterId, version: m.version, accepted: true, on: '2026-04-01' });
    const d = await register(w, { receivedOn: '2026-03-05' });
    await routeFully(w, d.matterId);
    m = await api(w.liaison).matters.get({ id: d.matterId });
    await api(w.liaison).matters.recordAcceptance({ id: d.matterId, version: m.version, accepted: true, on: '2026-04-02' });
    m = await api(w.liaison).matters.get({ id: d.matterId });
    await api(w.liaison).matters.recordAnswer({ id: d.matterId, version: m.version, answer: '经核实，补偿款已于本月补发到位', answeredOn: '2026-05-06' });
  }, 240_000);
  afterAll(() => w.t.stop());

  it("offers the petition office's officer the matters waiting to be routed and those answered, waiting to be concluded", async () => {
    const todos = await (w.sup.caller as any).workbench.todos();
    expect(todos).toEqual([
      {
        pluginId: 'petitions',
        pluginName: '信访接待',
        items: [
          { key: 'route', label: '待转送交办', count: 1, link: '/petitions/matters?status=registered', oldest: '2026-03-02' },
          { key: 'conclude', label: '已答复待结案', count: 1, link: '/petitions/matters?status=answered', oldest: '2026-05-06' },
        ],
      },
    ]);
  });

  it("offers the unit's liaison what was routed to the unit, waiting to be accepted and answered", async () => {
    const todos = await (w.liaison.caller as any).workbench.todos();
    expect(todos).toEqual([
      {
        pluginId: 'petitions',
        pluginName: '信访接待',
        items: [
          { key: 'accept', label: '待受理', count: 1, link: '/petitions/matters?status=routed', oldest: chinaDay() },
          { key: 'answer', label: '待答复', count: 1, link: '/petitions/matters?status=accepted', oldest: '2026-04-01' },
        ],
      },
    ]);
  });

  it('does not offer routing to a leader, who concludes but does not route', async () => {
    const todos = await (w.leader.caller as any).workbench.todos();
    expect(todos[0].items.map((i: { key: string }) => i.key)).toEqual(['conclude']);
  });

  it('counts for a unit only the matters routed to it', async () => {
    const other = await register(w, { receivedOn: '2026-03-06' });
    await routeFully(w, other.matterId, '示范县人民法院');
    const todos = await (w.liaison.caller as any).workbench.todos();
    expect(todos[0].items.find((i: { key: string }) => i.key === 'accept').count).toBe(1);
    const office = await (w.sup.caller as any).workbench.todos();
    expect(office[0].items.find((i: { key: string }) => i.key === 'route').count).toBe(1);
  });

  it('lists the matters it counted under the link it gives', async () => {
    const list = await api(w.liaison).matters.list({ status: 'accepted', pageSize: 50 });
    expect(list.total).toBe(1);
  });
});
