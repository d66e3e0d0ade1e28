// Uses of supervision powers (调阅案卷, 案情质询, 调查, 人事任免建议, 纪律处分建议), recorded on
// the case they concern.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { inTransaction } from '../db/transaction.js';
import { notFound } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import { caseVisible } from '../cases/scope.js';
import type { KernelDatabase, PowerKind } from '../db/schema.js';
import { powerNames } from '../strings.js';

type K = Kysely<KernelDatabase>;

export async function recordPowerUse(
  ctx: AuthedContext,
  input: { caseId: string; power: PowerKind; usedOn: string; targetOrgId?: string | null; targetPerson?: string | null; description: string; result?: string },
) {
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const c = await trx.selectFrom('kernel.cases as c').select('c.id').where('c.tenant_id', '=', ctx.tenant.id).where('c.id', '=', input.caseId).where(caseVisible(ctx.user)).executeTakeFirst();
    if (!c) throw notFound();
    const { id } = await trx
      .insertInto('kernel.power_uses')
      .values({
        tenant_id: ctx.tenant.id,
        case_id: input.caseId,
        power: input.power,
        used_on: input.usedOn,
        target_org_id: input.targetOrgId ?? null,
        target_person: input.targetPerson ?? null,
        description: input.description,
        result: input.result ?? '',
        recorded_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('kernel.case_events')
      .values({ tenant_id: ctx.tenant.id, case_id: input.caseId, actor_id: ctx.user.id, actor_name: ctx.user.displayName, actor_org_id: ctx.user.orgId, type: 'power.use', from_status: null, to_status: null, comment: input.description, data: JSON.stringify({ powerUseId: id, power: input.power }) })
      .execute();
    await ctx.audit.record({ action: 'supervision.power', targetType: 'case', targetId: input.caseId, detail: { power: input.power, powerUseId: id } }, { db: trx });
    await ctx.events.emit('kernel.power.used', { powerUseId: id, caseId: input.caseId, power: input.power, targetOrgId: input.targetOrgId ?? null, targetPerson: input.targetPerson ?? null }, { db: trx });
    return { id };
  });
}

export async function listPowerUses(ctx: AuthedContext, caseId: string) {
  const db = ctx.db as unknown as K;
  const rows = await db
    .selectFrom('kernel.power_uses as p')
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.case_id'))
    .leftJoin('kernel.users as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.recorded_by'))
    .leftJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.target_org_id'))
    .selectAll('p')
    .select(['u.display_name as recorder', 'o.name as target_org_name'])
    .where('p.tenant_id', '=', ctx.tenant.id)
    .where('p.case_id', '=', caseId)
    .where(caseVisible(ctx.user))
    .orderBy('p.used_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    power: r.power,
    powerName: powerNames[r.power],
    usedOn: r.used_on,
    targetOrgName: r.target_org_name,
    targetPerson: r.target_person,
    description: r.description,
    result: r.result,
    recordedBy: r.recorder,
  }));
}
