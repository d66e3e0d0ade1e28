import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { accepted, api, chinaMorning, committee, disputeInput, mediating, startWorld, type World } from './test/world.js';

describeEachEngine('mediation to-dos', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
  });
  afterAll(() => w.t.stop());

  function mediationTodos(items: { pluginId: string; items: unknown[] }[]) {
    return items.find((p) => p.pluginId === 'mediation')?.items ?? [];
  }

  it('counts disputes awaiting triage and, after the deadline, the overdue ones, with links to the lists that hold them', async () => {
    const a = api(w.sup);
    await a.disputes.register(disputeInput({ receivedOn: '2026-09-29' }));
    await a.disputes.register(disputeInput({ receivedOn: '2026-09-30' }));
    const done = await a.disputes.register(disputeInput({ receivedOn: '2026-09-30' }));
    await a.disputes.triage({ disputeId: done.id, version: 1, route: 'arbitration' });

    expect(mediationTodos(await (w.sup.caller as any).workbench.todos())).toEqual([
      { key: 'triage', label: '待分流矛盾纠纷', count: 2, link: '/mediation?status=registered', oldest: '2026-09-29' },
    ]);
    // 2026-09-29 is due 2026-10-09, 2026-09-30 is due 2026-10-10.
    w.clock.set(chinaMorning('2026-10-10'));
    expect(mediationTodos(await (w.sup.caller as any).workbench.todos())).toEqual([
      { key: 'triage', label: '待分流矛盾纠纷', count: 2, link: '/mediation?status=registered', oldest: '2026-09-29' },
      { key: 'triage-overdue', label: '分流超期矛盾纠纷', count: 1, link: '/mediation?overdue=1', oldest: '2026-09-29' },
    ]);
    expect((await a.disputes.list({ overdue: true })).length).toBe(1);
    w.clock.set(chinaMorning('2026-09-30'));
  });

  it('shows no triage to-dos to a user who may not triage', async () => {
    expect(mediationTodos(await (w.leader.caller as any).workbench.todos())).toEqual([]);
  });

  it('counts mediations falling due within three days and the overdue ones for whoever mediates, with links to the lists that hold them', async () => {
    const { orgId } = await committee(w, '城关镇人民调解委员会', ['张调解']);
    await accepted(w, await mediating(w, orgId, { receivedOn: '2026-09-25' }), '2026-09-28');
    await accepted(w, await mediating(w, orgId, { receivedOn: '2026-09-25' }), '2026-09-30');
    const dueTodos = async () => mediationTodos(await (w.sup.caller as any).workbench.todos()).filter((t: any) => t.key.startsWith('mediation-'));
    try {
      // Due 2026-10-28 and 2026-10-30.
      w.clock.set(chinaMorning('2026-10-27'));
      expect(await dueTodos()).toEqual([{ key: 'mediation-due-soon', label: '3 日内到期的调解', count: 2, link: '/mediation?mediationDue=soon', oldest: '2026-09-28' }]);
      expect((await api(w.sup).disputes.list({ mediationDue: 'soon' })).length).toBe(2);
      w.clock.set(chinaMorning('2026-10-29'));
      expect(await dueTodos()).toEqual([
        { key: 'mediation-due-soon', label: '3 日内到期的调解', count: 1, link: '/mediation?mediationDue=soon', oldest: '2026-09-30' },
        { key: 'mediation-overdue', label: '调解超期矛盾纠纷', count: 1, link: '/mediation?mediationDue=overdue', oldest: '2026-09-28' },
      ]);
      expect((await api(w.sup).disputes.list({ mediationDue: 'overdue' })).length).toBe(1);
    } finally {
      w.clock.set(chinaMorning('2026-09-30'));
    }
  });

  it('shows no mediation to-dos to a user who does not mediate', async () => {
    w.clock.set(chinaMorning('2026-10-29'));
    try {
      expect(mediationTodos(await (w.leader.caller as any).workbench.todos())).toEqual([]);
    } finally {
      w.clock.set(chinaMorning('2026-09-30'));
    }
  });
});
