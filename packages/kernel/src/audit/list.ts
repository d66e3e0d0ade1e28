// The audit log's filter, shared by the paged list and the xlsx export.
import type { Kysely, Selectable } from 'kysely';
import { field as f, z } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { fieldNames as n } from '../strings.js';

export const auditFilterShape = {
  actorId: f.uuid(n.auditActor).optional(),
  action: f.text(n.auditAction, { max: 80 }).optional(),
  outcome: f.choice(n.auditOutcome, ['success', 'failure', 'denied']).optional(),
  from: f.dateTime(n.auditFrom).optional(),
  to: f.dateTime(n.auditTo).optional(),
  /** Matches the actor's name, the IP address or the target's id. */
  keyword: f.text(n.auditKeyword, { max: 50 }).optional(),
};

export const auditFilter = z.object(auditFilterShape);
export type AuditFilter = z.infer<typeof auditFilter>;

export interface AuditRowOut {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  userAgent: string | null;
  detail: unknown;
}

export function auditQuery(db: Kysely<KernelDatabase>, tenantId: string, input: AuditFilter) {
  let q = db.selectFrom('kernel.audit_log').where('tenant_id', '=', tenantId);
  if (input.actorId) q = q.where('actor_id', '=', input.actorId);
  if (input.action) q = q.where('action', '=', input.action);
  if (input.outcome) q = q.where('outcome', '=', input.outcome);
  if (input.from) q = q.where('at', '>=', input.from);
  if (input.to) q = q.where('at', '<', input.to);
  const keyword = input.keyword?.trim();
  if (keyword) {
    const like = `%${keyword.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('actor_name', 'ilike', like), eb('ip', 'ilike', like), eb('target_id', 'ilike', like)]));
  }
  return q;
}

type AuditSelected = Pick<Selectable<KernelDatabase['kernel.audit_log']>, (typeof auditColumns)[number]>;

export function toAuditRow(r: AuditSelected): AuditRowOut {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    outcome: r.outcome as AuditRowOut['outcome'],
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
  };
}

export const auditColumns = ['seq', 'at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'outcome', 'ip', 'user_agent', 'detail'] as const;
