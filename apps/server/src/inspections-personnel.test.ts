// Inspections → personnel as installed together: a problem an inspection campaign attributes
// to a named officer reaches that officer's law-enforcement file (执法档案), once however often
// the event comes, matched by officer number or by name within the unit. The plugins meet only
// through the kernel's outbox (t.kernel.tick() delivers).
import { afterAll, beforeAll, expect, it } from 'vitest';
import inspections from '@zhengfa/plugin-inspections';
import personnel from '@zhengfa/plugin-personnel';
import { addUserWithPermissions, createTestClock, describeEachEngine, orgIdByName, procedureContext, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';

describeEachEngine('inspections → personnel through events', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let political: ActingUser;
  let police: string;
  const pe = (u: ActingUser) => (u.caller as any).personnel;
  const attribute = (payload: Record<string, unknown>) => procedureContext(sup.ctx, 'inspections.manage').events.emit('inspections.finding.attributed', payload);

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [inspections, personnel], clock: createTestClock('2026-11-16T02:00:00Z') });
    sup = await t.signIn('supervisor');
    political = await addUserWithPermissions(t, { username: 'zzb-file', displayName: '周档案', orgName: '示范县委政法委', permissions: ['personnel.files'] });
    police = await orgIdByName(t, '示范县公安局');
  }, 120_000);
  afterAll(() => t.stop());

  it('records a finding attributed by officer number in that officer’s file, once however often it is delivered', async () => {
    const { id } = await pe(sup).officers.create({ unitId: police, name: '韩立新', officerNo: '031207' });
    const payload = { findingId: 'f-031207-1', campaignId: 'c-1', unitId: police, officerName: '韩立新', officerNo: '031207', defectType: '证据审查不严', severity: 'serious', foundOn: '2026-11-10' };
    await attribute(payload);
    await attribute(payload);
    await t.kernel.tick();
    const file = await pe(political).file.get({ officerId: id });
    expect(file.inspectionFindings).toEqual([{ findingId: 'f-031207-1', defectType: '证据审查不严', severity: 'serious', foundOn: '2026-11-10' }]);
  });

  it('matches an officer named without a number by the name within the finding’s unit', async () => {
    const { id } = await pe(sup).officers.create({ unitId: police, name: '苏晓岚', officerNo: '031208' });
    await attribute({ findingId: 'f-name-1', campaignId: 'c-1', unitId: police, officerName: '苏晓岚', defectType: '法律文书不规范', severity: 'general', foundOn: '2026-11-11' });
    await t.kernel.tick();
    expect((await pe(political).file.get({ officerId: id })).inspectionFindings).toEqual([{ findingId: 'f-name-1', defectType: '法律文书不规范', severity: 'general', foundOn: '2026-11-11' }]);
  });
});
