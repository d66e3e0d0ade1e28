import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { committeeOf, mediating, writtenAgreement } from '../test/outcomes.js';
import { api, chinaMorning, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation outcome to-dos', (engine) => {
  let w: World;
  let disputeId: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-05');
    const d = await mediating(w, await committeeOf(w), { receivedOn: '2026-09-05' });
    // Effective 2026-09-05: the confirmation period ends 2026-10-08; 1500.00 due 2026-10-20.
    await api(w.sup).outcomes.settle(writtenAgreement(d, '2026-09-05', { obligations: [{ obligorPartyId: d.parties[1], content: '支付赔偿款', amount: 1500, dueOn: '2026-10-20' }] }));
    disputeId = d.id;
  });
  afterAll(() => w.t.stop());

  async function todos(u = w.sup) {
    const all = (await (u.caller as any).workbench.todos()) as { pluginId: string; items: unknown[] }[];
    return all.find((p) => p.pluginId === 'mediation')?.items ?? [];
  }

  it('shows nothing while the confirmation period ends more than 7 days ahead', async () => {
    w.clock.set(chinaMorning('2026-09-30'));
    expect(await todos()).toEqual([]);
  });

  it('shows a confirmation period ending within 7 days, with the list that holds it', async () => {
    w.clock.set(chinaMorning('2026-10-01'));
    expect(await todos()).toEqual([{ key: 'confirmation-due', label: '7日内届满的司法确认申请期限', count: 1, link: '/mediation?due=confirmation', oldest: '2026-10-08' }]);
    expect((await api(w.sup).disputes.list({ due: 'confirmation' })).map((d: any) => d.id)).toEqual([disputeId]);
  });

  it('shows a period that ended without an application, and an obligation due for a return visit', async () => {
    w.clock.set(chinaMorning('2026-10-20'));
    expect(await todos()).toEqual([
      { key: 'confirmation-overdue', label: '已超过司法确认申请期限', count: 1, link: '/mediation?due=confirmation-overdue', oldest: '2026-10-08' },
      { key: 'follow-up', label: '到期待履行回访的调解协议', count: 1, link: '/mediation?due=follow-up', oldest: '2026-10-20' },
    ]);
    expect((await api(w.sup).disputes.list({ due: 'follow-up' })).map((d: any) => d.id)).toEqual([disputeId]);
  });

  it('shows no outcome to-dos to a user who may not record outcomes', async () => {
    expect(await todos(w.leader)).toEqual([]);
  });
});
