import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, disputeInput, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation receivers and phone urgings', (engine) => {
  let w: World;
  let police: string;
  let court: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-12');
    const a = api(w.sup);
    police = (await a.staff.create({ name: '甲民警', unit: '县公安局', secondedFrom: '2026-01-01' })).id;
    court = (await a.staff.create({ name: '乙法官', unit: '县人民法院', secondedFrom: '2026-10-01', secondedTo: '2026-12-31' })).id;
  });
  afterAll(() => w.t.stop());

  const count = async (table: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${w.t.tenantId}`.execute(w.t.database.db)).rows[0]!.n;

  it('records the seconded staff member who received a dispute and shows their unit', async () => {
    const a = api(w.sup);
    const { id } = await a.disputes.register(disputeInput({ receivedOn: '2026-10-09', receivedByStaffId: police }));
    expect((await a.disputes.get({ id })).receivedBy).toEqual({ name: '甲民警', unit: '县公安局' });
  });

  it('refuses a receiver not seconded to the center on the day received, writing nothing', async () => {
    const before = await count('mediation.disputes');
    await expect(api(w.sup).disputes.register(disputeInput({ receivedOn: '2026-09-30', receivedByStaffId: court }))).rejects.toThrow(
      m.receiverNotSeconded('乙法官', '2026-09-30'),
    );
    expect(await count('mediation.disputes')).toBe(before);
  });

  it('records a phone urging on a dispute, shown on the dispute and audited', async () => {
    const a = api(w.sup);
    const { id } = await a.disputes.register(disputeInput({ receivedOn: '2026-10-09' }));
    await a.disputes.urge({ disputeId: id, urgedOn: '2026-10-12', urgedParty: '县人社局劳动监察大队', note: '请于本周内反馈办理情况' });
    const d = await a.disputes.get({ id });
    expect(d.urgings.map((u: any) => [u.urgedOn, u.method, u.urgedParty, u.note])).toEqual([['2026-10-12', 'phone', '县人社局劳动监察大队', '请于本周内反馈办理情况']]);
    const audited = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'mediation.disputes.urge' and target_id = ${id}`.execute(w.t.database.db);
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('refuses an urging dated before the dispute was received, writing nothing', async () => {
    const a = api(w.sup);
    const { id } = await a.disputes.register(disputeInput({ receivedOn: '2026-10-09' }));
    const before = await count('mediation.urgings');
    await expect(a.disputes.urge({ disputeId: id, urgedOn: '2026-10-08', urgedParty: '县人社局' })).rejects.toThrow(m.urgedBeforeReceived('2026-10-09'));
    expect(await count('mediation.urgings')).toBe(before);
  });
});
