// `passwordResets.*`: the two-step reset of a security administrator's password
// (password-resets.ts): a request by the system or another security administrator, then
// the audit administrator's countersign, rejection, or the requester's withdrawal.
import { apiStrings, authedProcedure, badRequest, field as f, forbidden, notFound, permissionProcedure, TRPCError, z } from '@zhengfa/plugin-api';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql } from 'kysely';
import { kdb } from '../context.js';
import type { PasswordResetStatus } from '../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { orgInScope } from '../scope.js';
import { fieldNames as n, kernelStrings } from '../strings.js';
import { dutiesOfUser, RESET_REQUEST_HOURS, setResetPassword, temporaryPassword } from './password-resets.js';

const s = kernelStrings.passwordResets;

/** A procedure open to holders of any one of the permissions; a refusal is audited like permissionProcedure's. */
function anyPermissionProcedure(...permissions: [string, ...string[]]) {
  return authedProcedure.meta({ access: 'anyPermission', permissions }).use(async ({ ctx, next, path }) => {
    if (!permissions.some((p) => ctx.can(p))) {
      await ctx.audit.record({ action: 'permission.denied', outcome: 'denied', detail: { permission: permissions.join('|'), procedure: path } });
      throw new TRPCError({ code: 'FORBIDDEN', message: apiStrings.forbidden(permissions.map((p) => ctx.permissionName(p))) });
    }
    return next();
  });
}

/** The system administrator or a security administrator: who may ask for a reset. */
const requesterProcedure = anyPermissionProcedure('users.manage', 'security.manage');

const requestId = z.object({ id: f.uuid(n.resetRequest) });

/** A pending request whose time ran out shows, and is refused, as expired. */
function effectiveStatus(status: PasswordResetStatus, expiresAt: Date, now: Date): PasswordResetStatus {
  return status === 'pending' && expiresAt <= now ? 'expired' : status;
}

/** The request, locked for the rest of the transaction; refuses one that is no longer pending. */
async function lockPending(ctx: AuthedContext, trx: ReturnType<typeof kdb>, id: string) {
  const row = await trx
    .selectFrom('kernel.password_reset_requests')
    .select(['id', 'user_id', 'requested_by', 'status', 'expires_at'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(s.notFound);
  const status = effectiveStatus(row.status, row.expires_at, ctx.now());
  if (status === 'expired') throw badRequest(s.expired(RESET_REQUEST_HOURS));
  if (status !== 'pending') throw badRequest(s.decided(s.statusNames[status]));
  return row;
}

export const passwordResetsRouter = {
  list: anyPermissionProcedure('users.manage', 'security.manage', 'audit.countersign').query(async ({ ctx }) => {
    const db = kdb(ctx);
    const rows = await db
      .selectFrom('kernel.password_reset_requests as p')
      .innerJoin('kernel.users as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.user_id'))
      .innerJoin('kernel.users as q', (j) => j.onRef('q.tenant_id', '=', 'p.tenant_id').onRef('q.id', '=', 'p.requested_by'))
      .leftJoin('kernel.users as d', (j) => j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.id', '=', 'p.decided_by'))
      .select([
        'p.id',
        'p.user_id',
        'u.username',
        'u.display_name',
        'p.reason',
        'p.status',
        'p.requested_by',
        'q.display_name as requester_name',
        'p.requested_at',
        'p.expires_at',
        'd.display_name as decider_name',
        'p.decided_at',
        'p.decision_note',
      ])
      .where('p.tenant_id', '=', ctx.tenant.id)
      .where(orgInScope(db, ctx.user, 'u.org_id'))
      .orderBy('p.requested_at', 'desc')
      .limit(100)
      .execute();
    const now = ctx.now();
    return rows.map((r) => {
      const status = effectiveStatus(r.status, r.expires_at, now);
      return {
        id: r.id,
        userId: r.user_id,
        username: r.username,
        displayName: r.display_name,
        reason: r.reason,
        status,
        statusName: s.statusNames[status],
        requestedById: r.requested_by,
        requesterName: r.requester_name,
        requestedAt: r.requested_at,
        expiresAt: r.expires_at,
        deciderName: r.decider_name,
        decidedAt: r.decided_at,
        decisionNote: r.decision_note,
        mine: r.requested_by === ctx.user.id,
      };
    });
  }),

  request: requesterProcedure
    .input(z.object({ userId: f.uuid(n.user), reason: f.text(n.resetReason, { max: 200 }).min(2, s.reasonTooShort).max(200, s.reasonTooLong) }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) throw badRequest(s.notForSelf);
      const db = kdb(ctx);
      return db.transaction().execute(async (trx) => {
        const target = await trx
          .selectFrom('kernel.users')
          .select('id')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', input.userId)
          .where(orgInScope(trx, ctx.user, 'org_id'))
          .forUpdate()
          .executeTakeFirst();
        if (!target) throw notFound(kernelStrings.users.notFound);
        if (!(await dutiesOfUser(trx, ctx.tenant.id, input.userId)).includes('security')) throw badRequest(s.onlySecurityAdmins);
        const now = ctx.now();
        // A lapsed request no longer holds the account's one pending place.
        await trx
          .updateTable('kernel.password_reset_requests')
          .set({ status: 'expired' })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('user_id', '=', input.userId)
          .where('status', '=', 'pending')
          .where('expires_at', '<=', now)
          .execute();
        const created = await trx
          .insertInto('kernel.password_reset_requests')
          .values({
            tenant_id: ctx.tenant.id,
            user_id: input.userId,
            reason: input.reason,
            requested_by: ctx.user.id,
            requested_at: now,
            expires_at: new Date(now.getTime() + RESET_REQUEST_HOURS * 3600_000),
          })
          // The partial unique index is inferred only from a literal predicate, not a parameter.
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).where('status', '=', sql.lit('pending')).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!created) throw badRequest(s.pendingExists);
        await ctx.audit.record(
          { action: 'users.password.reset.request', targetType: 'user', targetId: input.userId, detail: { requestId: created.id, reason: input.reason } },
          { db: trx },
        );
        return { id: created.id };
      });
    }),

  /** The audit administrator's countersign: issues the temporary password, shown this once. */
  countersign: permissionProcedure('audit.countersign')
    .input(requestId)
    .mutation(async ({ ctx, input }) => {
      const db = kdb(ctx);
      return db.transaction().execute(async (trx) => {
        const request = await lockPending(ctx, trx, input.id);
        if (request.requested_by === ctx.user.id) throw badRequest(s.ownRequest);
        const target = await trx
          .selectFrom('kernel.users')
          .select(['id', 'username', 'display_name'])
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', request.user_id)
          .where(orgInScope(trx, ctx.user, 'org_id'))
          .forUpdate()
          .executeTakeFirst();
        if (!target) throw notFound(kernelStrings.users.notFound);
        const password = temporaryPassword(target.username);
        await setResetPassword(trx, ctx.tenant.id, target.id, await hashPassword(password));
        await trx
          .updateTable('kernel.password_reset_requests')
          .set({ status: 'countersigned', decided_by: ctx.user.id, decided_at: new Date() })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', request.id)
          .execute();
        await ctx.audit.record(
          { action: 'users.password.reset.countersign', targetType: 'user', targetId: target.id, detail: { requestId: request.id, requestedBy: request.requested_by } },
          { db: trx },
        );
        return { username: target.username, displayName: target.display_name, password };
      });
    }),

  reject: permissionProcedure('audit.countersign')
    .input(requestId.extend({ note: f.text(n.rejectNote, { max: 200 }).min(2, s.noteTooShort).max(200, s.noteTooLong) }))
    .mutation(async ({ ctx, input }) => {
      const db = kdb(ctx);
      return db.transaction().execute(async (trx) => {
        const request = await lockPending(ctx, trx, input.id);
        await trx
          .updateTable('kernel.password_reset_requests')
          .set({ status: 'rejected', decided_by: ctx.user.id, decided_at: new Date(), decision_note: input.note })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', request.id)
          .execute();
        await ctx.audit.record(
          { action: 'users.password.reset.reject', targetType: 'user', targetId: request.user_id, detail: { requestId: request.id, note: input.note } },
          { db: trx },
        );
        return { ok: true as const };
      });
    }),

  cancel: requesterProcedure.input(requestId).mutation(async ({ ctx, input }) => {
    const db = kdb(ctx);
    return db.transaction().execute(async (trx) => {
      const request = await lockPending(ctx, trx, input.id);
      if (request.requested_by !== ctx.user.id) throw forbidden(s.onlyRequester);
      await trx
        .updateTable('kernel.password_reset_requests')
        .set({ status: 'cancelled', decided_by: ctx.user.id, decided_at: new Date() })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', request.id)
        .execute();
      await ctx.audit.record({ action: 'users.password.reset.cancel', targetType: 'user', targetId: request.user_id, detail: { requestId: request.id } }, { db: trx });
      return { ok: true as const };
    });
  }),
};
