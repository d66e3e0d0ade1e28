// 访调对接 on the petitions side alone (the mediation plugin not installed: its events never
// come, the referral is still recorded and emitted). The round trip with the mediation plugin
// is apps/server/src/mediation-referral.test.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { matterStrings as s } from '../strings.js';
import { api, register, startWorld, type World } from './test/helpers.js';

describeEachEngine('petitions: referral to the mediation center', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  const versionOf = async (id: string) => (await api(w.sup).matters.get({ id })).version;

  it('emits the referral with the petitioners’ phones sealed and no ID numbers or addresses', async () => {
    const r = await register(w, { petitioners: [{ name: '钱学东', phone: '13966660001', idNumber: null, address: '示范县城关镇西街1号' }] });
    await api(w.sup).matters.referToMediation({ id: r.matterId, version: await versionOf(r.matterId), consent: true });
    const rows = await sql<{ payload: any }>`select payload from kernel.outbox where name = 'petitions.referred_to_mediation'`.execute(w.t.database.db);
    const payload = rows.rows.at(-1)!.payload;
    expect([payload.matterId, payload.consent, payload.petitioners.map((p: any) => p.name)]).toEqual([r.matterId, true, ['钱学东']]);
    expect(payload.petitioners[0].sealedPhone.startsWith('zv1.')).toBe(true);
    expect(JSON.stringify(payload)).not.toContain('13966660001');
    expect(JSON.stringify(payload)).not.toContain('西街');
  });

  it('shows the referral on the matter, not yet closable', async () => {
    const r = await register(w);
    await api(w.sup).matters.referToMediation({ id: r.matterId, version: await versionOf(r.matterId), consent: true });
    expect((await api(w.sup).matters.get({ id: r.matterId })).mediation).toMatchObject({ status: 'referred', disputeCode: null, canConclude: false });
  });

  it('refuses to refer a matter twice', async () => {
    const r = await register(w);
    await api(w.sup).matters.referToMediation({ id: r.matterId, version: await versionOf(r.matterId), consent: true });
    await expect(api(w.sup).matters.referToMediation({ id: r.matterId, version: await versionOf(r.matterId), consent: true })).rejects.toThrow(s.mediationReferredAlready);
  });

  it('refuses to refer an accusation', async () => {
    const r = await register(w, { isAccusation: true, accusedOrgId: w.orgs['示范县公安局'], accusedPerson: '某民警', content: '检举某民警违规办理户口' });
    await expect(api(w.sup).matters.referToMediation({ id: r.matterId, version: await versionOf(r.matterId), consent: true })).rejects.toThrow(s.mediationAccusation);
  });

  it('refuses to close on the mediation’s result a matter never referred', async () => {
    const r = await register(w);
    await expect(api(w.sup).matters.concludeMediated({ id: r.matterId, version: await versionOf(r.matterId), outcome: 'stopped' })).rejects.toThrow(s.mediationNotReferred);
  });

  it('refuses a referral by a unit’s liaison, who is not of the committee', async () => {
    const r = await register(w);
    await expect(api(w.liaison).matters.referToMediation({ id: r.matterId, version: 1, consent: true })).rejects.toThrow('转送交办信访事项');
  });
});
