import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { accepted, api, committee, mediating, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation acceptance and withdrawal', (engine) => {
  let w: World;
  let orgId: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
    ({ orgId } = await committee(w, '城关镇人民调解委员会', ['张调解']));
  });
  afterAll(() => w.t.stop());

  it('accepts a dispute once every party consented, recording each consent, due 30 calendar days later', async () => {
    const d = await mediating(w, orgId, { receivedOn: '2026-09-25' });
    const r = await api(w.sup).mediations.accept({
      disputeId: d.id,
      version: d.version,
      acceptedOn: '2026-09-28',
      consents: [
        { partyId: d.parties['王建国'], consentedOn: '2026-09-26' },
        { partyId: d.parties['李春梅'], consentedOn: '2026-09-28' },
      ],
    });
    expect(r).toEqual({ version: 3, acceptedOn: '2026-09-28', mediationDueOn: '2026-10-28' });
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.consents.map((c: any) => [c.partyName, c.decision, c.decidedOn, c.reason])).toEqual([
      ['王建国', 'consent', '2026-09-26', null],
      ['李春梅', 'consent', '2026-09-28', null],
    ]);
    expect([v.status, v.acceptedOn, v.mediationDueOn, v.mediationOverdue]).toEqual(['mediating', '2026-09-28', '2026-10-28', false]);
  });

  it('refuses acceptance while a party has not consented, naming the party, and writes nothing', async () => {
    const d = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, acceptedOn: '2026-10-08', consents: [{ partyId: d.parties['王建国'], consentedOn: '2026-10-08' }] };
    await expect(api(w.sup).mediations.accept(input)).rejects.toThrow(m.consentMissing('李春梅'));
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect([v.version, v.acceptedOn, v.mediationDueOn, v.consents]).toEqual([d.version, null, null, []]);
  });

  it('refuses acceptance dated before the dispute was received', async () => {
    const d = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, acceptedOn: '2026-09-29', consents: Object.values(d.parties).map((partyId) => ({ partyId, consentedOn: '2026-09-29' })) };
    await expect(api(w.sup).mediations.accept(input)).rejects.toThrow(m.acceptedBeforeReceipt('2026-09-30'));
  });

  it('refuses to accept a dispute twice', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    await expect(accepted(w, { ...d, version }, '2026-10-09')).rejects.toThrow(m.alreadyAccepted('2026-10-08'));
  });

  it('refuses acceptance on a stale version, writing nothing', async () => {
    const d = await mediating(w, orgId);
    await expect(accepted(w, { ...d, version: d.version - 1 }, '2026-10-08')).rejects.toThrow(m.versionConflict);
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).acceptedOn).toBeNull();
  });

  it('ends the mediation when a party refuses before acceptance, with the reason and who refused', async () => {
    const d = await mediating(w, orgId);
    const r = await api(w.sup).mediations.withdraw({ disputeId: d.id, version: d.version, partyId: d.parties['李春梅'], withdrawnOn: '2026-10-09', reason: '不愿与对方调解，准备起诉' });
    expect(r).toEqual({ version: d.version + 1, status: 'withdrawn', decision: 'refuse' });
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.withdrawal).toEqual({ partyId: d.parties['李春梅'], partyName: '李春梅', withdrawnOn: '2026-10-09', reason: '不愿与对方调解，准备起诉' });
    expect(v.consents.map((c: any) => [c.partyName, c.decision, c.reason])).toEqual([['李春梅', 'refuse', '不愿与对方调解，准备起诉']]);
    expect((await api(w.sup).disputes.get({ id: d.id })).status).toBe('withdrawn');
  });

  it('ends an accepted mediation when a party withdraws, and takes no further step on it', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    const r = await api(w.sup).mediations.withdraw({ disputeId: d.id, version, partyId: d.parties['王建国'], withdrawnOn: '2026-10-10', reason: '双方已自行和解' });
    expect(r).toEqual({ version: version + 1, status: 'withdrawn', decision: 'withdraw' });
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.consents.map((c: any) => [c.partyName, c.decision, c.decidedOn])).toEqual([
      ['王建国', 'consent', '2026-10-08'],
      ['李春梅', 'consent', '2026-10-08'],
      ['王建国', 'withdraw', '2026-10-10'],
    ]);
    expect([v.status, v.mediationOverdue, v.withdrawal.reason]).toEqual(['withdrawn', false, '双方已自行和解']);
    await expect(api(w.sup).mediations.extend({ disputeId: d.id, version: version + 1, reason: '双方同意延长', agreedOn: '2026-10-10', days: 10 })).rejects.toThrow(
      m.notInMediation('当事人撤回'),
    );
  });

  it('refuses a withdrawal dated before acceptance, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    const input = { disputeId: d.id, version, partyId: d.parties['王建国'], withdrawnOn: '2026-10-07', reason: '不再调解' };
    await expect(api(w.sup).mediations.withdraw(input)).rejects.toThrow(m.withdrawnBeforeAcceptance('2026-10-08'));
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect([v.status, v.version, v.withdrawal, v.consents.length]).toEqual(['mediating', version, null, 2]);
  });

  it('refuses a withdrawal by someone who is not a party of the dispute, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const other = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, partyId: other.parties['王建国'], withdrawnOn: '2026-10-09', reason: '不再调解' };
    await expect(api(w.sup).mediations.withdraw(input)).rejects.toThrow(m.partyNotOfDispute);
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).status).toBe('mediating');
  });

  it('refuses a withdrawal without a reason, naming the field', async () => {
    const d = await mediating(w, orgId);
    await expect(api(w.sup).mediations.withdraw({ disputeId: d.id, version: d.version, partyId: d.parties['王建国'], withdrawnOn: '2026-10-09', reason: ' ' })).rejects.toThrow(
      '请填写「撤回（拒绝）理由」',
    );
  });

  it('records no fee anywhere: people’s mediation is free', async () => {
    const r = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = 'mediation' and (column_name like '%fee%' or column_name like '%charge%')`.execute(w.t.database.db);
    expect(r.rows).toEqual([]);
  });
});
