import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { kdb } from '../context.js';
import { auditActionNames, fieldNames as n } from '../strings.js';
import { verifyAuditChain } from './audit-log.js';
import { AUDIT_EXPORT_MAX, auditWorkbook } from './export.js';
import { auditColumns, auditFilter, auditFilterShape, auditQuery, toAuditRow } from './list.js';

export const auditRouter = {
  list: permissionProcedure('audit.read')
    .input(
      z.object({
        ...auditFilterShape,
        page: f.int(n.page, { min: 1, max: 100_000 }).default(1),
        pageSize: f.int(n.pageSize, { min: 1, max: 100 }).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const q = auditQuery(kdb(ctx), ctx.tenant.id, input);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await q
        .select([...auditColumns])
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

  /** The filtered log as xlsx (newest first, at most AUDIT_EXPORT_MAX rows); the export is itself recorded. */
  export: permissionProcedure('audit.read')
    .input(auditFilter)
    .mutation(async ({ ctx, input }) => {
      const rows = await auditQuery(kdb(ctx), ctx.tenant.id, input)
        .select([...auditColumns])
        .orderBy('seq', 'desc')
        .limit(AUDIT_EXPORT_MAX + 1)
        .execute();
      const truncated = rows.length > AUDIT_EXPORT_MAX;
      const file = await auditWorkbook(rows.slice(0, AUDIT_EXPORT_MAX).map(toAuditRow), { truncated, now: ctx.now(), county: ctx.tenant.name, from: input.from, to: input.to });
      await ctx.audit.record({ action: 'audit.export', detail: { rows: Math.min(rows.length, AUDIT_EXPORT_MAX), truncated, filter: { ...input, from: input.from?.toISOString(), to: input.to?.toISOString() } } });
      return file;
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
