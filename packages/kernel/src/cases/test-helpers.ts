// Shared steps for case tests: register a case as the supervision office and walk it to
// a given point, through the real procedures.
import { sql } from 'kysely';
import type { ActingUser, TestKernel } from '@zhengfa/test-utils';

export async function orgIdByName(t: TestKernel, name: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from kernel.orgs where tenant_id = ${t.tenantId} and name = ${name}`.execute(t.database.db);
  return r.rows[0]!.id;
}

export async function userIdByName(t: TestKernel, username: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from kernel.users where tenant_id = ${t.tenantId} and username = ${username}`.execute(t.database.db);
  return r.rows[0]!.id;
}

export function inDays(n: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export async function registerAndAssign(
  t: TestKernel,
  sup: ActingUser,
  leader: ActingUser,
  opts: { title?: string; unit?: string; cooperating?: string[]; urgency?: 'normal' | 'urgent' | 'critical'; isKey?: boolean } = {},
) {
  const reg = await sup.caller.cases.register({
    title: opts.title ?? '关于城关镇土地纠纷信访件的督办',
    summary: '群众反映征地补偿款未足额发放',
    source: 'leader_instruction',
    urgency: opts.urgency ?? 'urgent',
    isKey: opts.isKey ?? false,
    parties: [{ name: '张三丰', phone: '13812345678' }],
  });
  let v = (await sup.caller.cases.get({ id: reg.id })).version;
  v = (await sup.caller.cases.transition({ id: reg.id, version: v, action: 'submitForApproval' })).version;
  v = (await leader.caller.cases.transition({ id: reg.id, version: v, action: 'approve' })).version;
  v = (
    await sup.caller.cases.setFourFixes({
      id: reg.id,
      version: v,
      leadLeaderId: await userIdByName(t, 'leader'),
      handlerName: '李承办',
      resolutionPlan: '约谈当事人，核实补偿款发放情况，限期补发',
      deadline: inDays(30),
      leadUnitId: await orgIdByName(t, opts.unit ?? '示范县公安局'),
      cooperatingUnitIds: await Promise.all((opts.cooperating ?? []).map((name) => orgIdByName(t, name))),
    })
  ).version;
  v = (await sup.caller.cases.transition({ id: reg.id, version: v, action: 'assign' })).version;
  return { ...reg, version: v };
}
