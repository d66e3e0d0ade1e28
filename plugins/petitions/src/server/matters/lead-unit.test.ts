// 受理, the answer and a request for more time are the lead unit's own: a cooperating unit
// sees the matter but never acts for the lead. The cooperating unit's user below holds
// every permission the lead unit's liaison holds, so only the lead-unit rule refuses.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUserWithPermissions, describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { matterStrings } from '../strings.js';
import { api, fourFixes, kernelApi, register, startWorld, type World } from './test/helpers.js';

const EXTENSION_LEAD_ONLY = '只有承办单位（或政法委）才能申请延长期限，协办单位不能代为申请';

describeEachEngine('petitions: a cooperating unit never acts for the lead unit', (engine) => {
  let w: World;
  let cooperating: ActingUser;
  let matterId: string;
  let caseId: string;

  beforeAll(async () => {
    w = await startWorld(engine);
    cooperating = await addUserWithPermissions(w.t, {
      username: 'procuratorate-liaison',
      displayName: '郑联络',
      orgName: '示范县人民检察院',
      permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.handle', 'cases.export', 'petitions.read'],
    });
    const r = await register(w);
    matterId = r.matterId;
    caseId = r.caseId;
    const m = await api(w.sup).matters.get({ id: matterId });
    await api(w.sup).matters.route({ ...fourFixes(w, matterId, m.version), cooperatingUnitIds: [w.orgs['示范县人民检察院']] });
    // The lead unit signs for the matter.
    const kase = await kernelApi(w.liaison).get({ id: caseId });
    await kernelApi(w.liaison).transition({ id: caseId, version: kase.version, action: 'acknowledge' });
  }, 180_000);
  afterAll(() => w.t.stop());

  it('lets the cooperating unit read the matter', async () => {
    const m = await api(cooperating).matters.get({ id: matterId });
    expect(m.leadUnitName).toBe('示范县公安局');
  });

  it('refuses the cooperating unit a record of acceptance with the lead-unit rule', async () => {
    const m = await api(cooperating).matters.get({ id: matterId });
    await expect(api(cooperating).matters.recordAcceptance({ id: matterId, version: m.version, accepted: true })).rejects.toThrow(matterStrings.leadUnitOnly);
  });

  it('refuses the cooperating unit a request to extend the handling deadline with the lead-unit rule', async () => {
    const kase = await kernelApi(cooperating).get({ id: caseId });
    const handle = kase.clocks.find((c: { key: string }) => c.key === 'handle');
    expect(handle).toBeDefined();
    await expect(kernelApi(cooperating).requestExtension({ clockId: handle.id, days: 30, reason: '案情复杂需要延期' })).rejects.toThrow(EXTENSION_LEAD_ONLY);
  });

  it('lets the lead unit record acceptance and then request the extension itself', async () => {
    const m = await api(w.liaison).matters.get({ id: matterId });
    await api(w.liaison).matters.recordAcceptance({ id: matterId, version: m.version, accepted: true });
    const kase = await kernelApi(w.liaison).get({ id: caseId });
    const handle = kase.clocks.find((c: { key: string }) => c.key === 'handle');
    await expect(kernelApi(w.liaison).requestExtension({ clockId: handle.id, days: 30, reason: '案情复杂需要延期' })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('refuses the cooperating unit the answer with the lead-unit rule', async () => {
    const m = await api(cooperating).matters.get({ id: matterId });
    expect(m.acceptance).toBe('accepted');
    await expect(api(cooperating).matters.recordAnswer({ id: matterId, version: m.version, answer: '经核实已处理' })).rejects.toThrow(matterStrings.leadUnitOnly);
  });
});
