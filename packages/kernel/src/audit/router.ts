import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { kdb } from '../context.js';
import { auditActionNames, fieldNames as n } from '../strings.js';
import { verifyAuditChain } from './audit-log.js';

export const auditRouter = {
  list: permissionProcedure('audit.read')
    .input(
      z.object({
        actorId: f.uuid(n.auditActor).optional(),
        action: f.text(n.auditAction, { max: 80 }).optional(),
        outcome: f.choice(n.auditOutcome, ['success', 'failure', 'denied']).optional(),
        from: f.dateTime(n.auditFrom).optional(),
        to: f.dateTime(n.auditTo).optional(),
        page: f.int(n.page, { min: 1, max: 100_000 }).default(1),
        pageSize: f.int(n.pageSize, { min: 1, max: 100 }).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const db = kdb(ctx);
      let q = db.selectFrom('kernel.audit_log').where('tenant_id', '=', ctx.tenant.id);
      if (input.actorId) q = q.where('actor_id', '=', input.actorId);
      if (input.action) q = q.where('action', '=', input.action);
      if (input.outcome) q = q.where('outcome', '=', input.outcome);
      if (input.from) q = q.where('at', '>=', input.from);
      if (input.to) q = q.where('at', '<', input.to);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await q
        .select(['seq', 'at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'outcome', 'ip', 'user_agent', 'detail'])
        .orderBy('seq', 'desc')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute();
      return {
        total: Number(total),
        items: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          actionName: auditActionNames[r.action] ?? r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          outcome: r.outcome as 'success' | 'failure' | 'denied',
          ip: r.ip,
          userAgent: r.user_agent,
          detail: r.detail,
        })),
      };
    }),

  actions: permissionProcedure('audit.read').query(async ({ ctx }) => {
    const rows = await kdb(ctx).selectFrom('kernel.audit_log').select('action').distinct().where('tenant_id', '=', ctx.tenant.id).orderBy('action').execute();
    return rows.map((r) => ({ value: r.action, label: auditActionNames[r.action] ?? r.action }));
  }),

  verify: permissionProcedure('audit.read').mutation(async ({ ctx }) => {
    const result = await verifyAuditChain(ctx.db, ctx.tenant.id);
    await ctx.audit.record({ action: 'audit.verify', detail: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken ?? null } });
    return result;
  }),
};
