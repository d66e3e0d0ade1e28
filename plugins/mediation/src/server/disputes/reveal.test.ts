import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { api, disputeInput, startWorld, type World } from '../test/world.js';

describeEachEngine('revealing the parties’ personal data', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
  });
  afterAll(() => w.t.stop());

  async function reveals(disputeId: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log
      where action = 'mediation.parties.reveal' and target_id = ${disputeId} and outcome = 'success'`.execute(w.t.database.db);
    return r.rows[0]!.n;
  }

  it('refuses to reveal to a user without the permission, which no role holds by default', async () => {
    const { id } = await api(w.sup).disputes.register(disputeInput());
    await expect(api(w.sup).disputes.reveal({ id })).rejects.toThrow('您没有「查看和打印矛盾纠纷当事人完整个人信息」权限');
    expect(await reveals(id)).toBe(0);
  });

  it('reveals the full ID numbers and phones to a user granted the permission, auditing every reveal', async () => {
    const secadmin = await w.t.signIn('secadmin');
    const roles = await secadmin.caller.roles.list();
    const extra = await secadmin.caller.roles.create({ name: '矛盾纠纷当事人信息', permissions: ['mediation.reveal'] });
    const user = (await secadmin.caller.users.list({ keyword: 'supervisor' })).items.find((u) => u.username === 'supervisor')!;
    await secadmin.caller.users.assignRoles({ id: user.id, roleIds: [roles.find((r) => r.key === 'supervisor')!.id, extra.id] });
    const sup = await w.t.signIn('supervisor');
    const { id } = await api(sup).disputes.register(disputeInput());
    expect((await api(sup).disputes.reveal({ id })).map((p: any) => [p.name, p.idNumber, p.phone])).toEqual([
      ['王建国', '430102199001011234', '13812345678'],
      ['李春梅', null, '0731-84123456'],
    ]);
    await api(sup).disputes.reveal({ id });
    expect(await reveals(id)).toBe(2);
    // The ordinary view stays masked.
    expect((await api(sup).disputes.get({ id })).parties[0].idNumber).toBe('430***********1234');
  });
});
