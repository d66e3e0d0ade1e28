// The campaign's team: staff from the units (a kernel user holding inspections.review, or a
// name with a unit) and external members (执法监督员, 人民监督员, 人大代表, 律师) whose
// confidentiality pledge (保密承诺) is recorded with the date it was signed.
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { campaignOrThrow } from './service.js';

export const memberKinds = ['staff', 'external'] as const;
export const memberRoles = ['law_supervisor', 'people_supervisor', 'npc_deputy', 'lawyer'] as const;

export interface MemberInput {
  campaignId: string;
  kind: (typeof memberKinds)[number];
  role?: (typeof memberRoles)[number] | null | undefined;
  userId?: string | null | undefined;
  name?: string | null | undefined;
  unitId?: string | null | undefined;
  unitName?: string | null | undefined;
  pledgeSignedOn?: string | null | undefined;
  clientKey?: string | undefined;
}

export async function addMember(ctx: AuthedContext, input: MemberInput): Promise<{ id: string }> {
  if (input.kind === 'external' && !input.role) throw badRequest(m.externalNeedsRole);
  if (input.kind === 'staff' && input.role) throw badRequest(m.staffHasRole);
  const tenantId = ctx.tenant.id;
  const byKey = async (db: Kysely<any>) => {
    if (!input.clientKey) return undefined;
    const r = await sql<{ id: string }>`select id from inspections.members where tenant_id = ${tenantId} and client_key = ${input.clientKey}`.execute(db);
    return r.rows[0];
  };
  const run = async (trx: Kysely<any>) => {
    const seen = await byKey(trx);
    if (seen) return seen;
    const c = await campaignOrThrow(trx, tenantId, input.campaignId, true);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    let name = input.name ?? null;
    let unitId = input.unitId ?? null;
    let unitName = input.unitName ?? null;
    if (input.userId) {
      // A staff member who scores in the system: a user of the county holding the reviewers' permission.
      const users = await ctx.kernel.users.find({ permission: 'inspections.review', limit: 500 }, { db: trx });
      const u = users.find((x) => x.id === input.userId);
      if (!u) throw badRequest(m.userNotFound);
      name = u.displayName;
      unitId = u.orgId;
      unitName = u.orgName;
    } else if (unitId) {
      const orgs = await ctx.kernel.orgs.list({ db: trx });
      const org = orgs.find((o) => o.id === unitId);
      if (!org) throw badRequest(m.unitNotFound);
      unitName = org.name;
    }
    if (!name) throw badRequest(m.memberNameRequired);
    if (input.kind === 'staff' && !unitId && !unitName) throw badRequest(m.staffNeedsUnit);
    const r = await sql<{ id: string }>`insert into inspections.members (tenant_id, campaign_id, kind, role, user_id, name, unit_id, unit_name, pledge_signed_on, client_key, created_by)
      values (${tenantId}, ${input.campaignId}, ${input.kind}, ${input.role ?? null}, ${input.userId ?? null}, ${name}, ${unitId}, ${unitName},
        ${input.pledgeSignedOn ?? null}, ${input.clientKey ?? null}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record(
      { action: 'inspections.members.add', targetType: 'inspections.member', targetId: id, detail: { campaignId: input.campaignId, kind: input.kind, role: input.role ?? null, unitName, pledgeSignedOn: input.pledgeSignedOn ?? null } },
      { db: trx },
    );
    return { id };
  };
  try {
    return await ctx.db.transaction().execute(run);
  } catch (err) {
    const seen = (err as { code?: string }).code === '23505' ? await byKey(ctx.db) : undefined;
    if (seen) return seen;
    throw err;
  }
}

export async function recordPledge(ctx: AuthedContext, input: { id: string; version: number; pledgeSignedOn: string }): Promise<{ version: number }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ version: number }>`select version from inspections.members where tenant_id = ${tenantId} and id = ${input.id} for update`.execute(trx);
    if (!cur.rows[0]) throw notFound(m.memberNotFound);
    if (cur.rows[0].version !== input.version) throw versionConflict(m.versionConflict);
    await sql`update inspections.members set pledge_signed_on = ${input.pledgeSignedOn}, version = version + 1 where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    await ctx.audit.record({ action: 'inspections.members.pledge', targetType: 'inspections.member', targetId: input.id, detail: { pledgeSignedOn: input.pledgeSignedOn } }, { db: trx });
    return { version: input.version + 1 };
  });
}
