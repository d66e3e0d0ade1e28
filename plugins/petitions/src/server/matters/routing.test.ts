import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, fourFixes, kernelApi, register, routeFully, startWorld, type World } from './test/helpers.js';

describeEachEngine('petitions: routing with the four fixes', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  it('records the four fixes on the kernel case and assigns it in one step, without 立项审批', async () => {
    const r = await register(w);
    const m = await api(w.sup).matters.get({ id: r.matterId });
    const out = await api(w.sup).matters.route(fourFixes(w, r.matterId, m.version));
    expect(out).toMatchObject({ routed: true, kernelStatus: 'assigned' });
    const kase = await kernelApi(w.sup).get({ id: r.caseId });
    expect(kase.handlerName).toBe('李承办');
    expect(kase.leadUnitName).toBe('示范县公安局');
  });

  it('assigns the case to the lead unit once approved and assigned', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    expect(m.kernel.status).toBe('assigned');
    expect(m.status).toBe('routed');
    expect(m.owner).toEqual({ kind: 'unit', name: '示范县公安局' });
  });

  it('stops the route clock when the matter is routed', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    expect(m.kernel.clocks.find((c: any) => c.key === 'route').stoppedOn).not.toBeNull();
  });

  it('refuses routing without a resolution plan', async () => {
    const r = await register(w);
    const m = await api(w.sup).matters.get({ id: r.matterId });
    await expect(api(w.sup).matters.route({ ...fourFixes(w, r.matterId, m.version), resolutionPlan: ' ' })).rejects.toThrow('化解方案');
  });

  it('refuses routing with a stale version and changes nothing', async () => {
    const r = await register(w);
    const m = await api(w.sup).matters.get({ id: r.matterId });
    await expect(api(w.sup).matters.route(fourFixes(w, r.matterId, m.version + 5))).rejects.toThrow('已被他人修改');
    const kase = await kernelApi(w.sup).get({ id: r.caseId });
    expect(kase.status).toBe('registered');
    expect(kase.handlerName).toBeNull();
  });

  it('refuses routing a matter twice', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await expect(api(w.sup).matters.route(fourFixes(w, r.matterId, m.version))).rejects.toThrow('已经交办');
  });

  it('lets the lead unit see the matter only after it is routed', async () => {
    const r = await register(w);
    await expect(api(w.liaison).matters.get({ id: r.matterId })).rejects.toThrow('不存在');
    expect((await api(w.liaison).matters.list({ pageSize: 200 })).items.map((i: any) => i.id)).not.toContain(r.matterId);
    await routeFully(w, r.matterId);
    expect((await api(w.liaison).matters.get({ id: r.matterId })).id).toBe(r.matterId);
    expect((await api(w.liaison).matters.list({ pageSize: 200 })).items.map((i: any) => i.id)).toContain(r.matterId);
  });

  it('keeps a matter routed to another unit out of the liaison\'s reach', async () => {
    const r = await register(w);
    await routeFully(w, r.matterId, '示范县人民法院');
    await expect(api(w.liaison).matters.get({ id: r.matterId })).rejects.toThrow('不存在');
    expect((await api(w.liaison).matters.list({ pageSize: 200 })).items.map((i: any) => i.id)).not.toContain(r.matterId);
  });

  it("finds the matter of its kernel case, for the petition's panel on the case page", async () => {
    const r = await register(w);
    const m = await api(w.sup).matters.byCase({ caseId: r.caseId });
    expect({ id: m.id, caseId: m.caseId, status: m.status }).toEqual({ id: r.matterId, caseId: r.caseId, status: 'registered' });
  });

  it('answers a unit that may not see the case as if it had no matter', async () => {
    const r = await register(w);
    await expect(api(w.liaison).matters.byCase({ caseId: r.caseId })).rejects.toThrow('信访事项不存在');
  });
});
