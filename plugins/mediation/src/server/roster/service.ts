// The roster: mediation organisations (people's mediation committees, trade committees,
// the court's invited mediators, departments' administrative mediation) and mediators.
// Every write is audited and guarded by the row's version.
import { badRequest, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';

export const orgKinds = ['village', 'township', 'professional', 'court_invited', 'administrative'] as const;
export type OrgKind = (typeof orgKinds)[number];

export interface Organisation {
  id: string;
  kind: OrgKind;
  name: string;
  department: string | null;
  active: boolean;
  version: number;
  mediatorCount: number;
}

export interface Mediator {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  specialities: string[];
  active: boolean;
  version: number;
}

export interface OrganisationInput {
  kind: OrgKind;
  name: string;
  department?: string | null | undefined;
  active?: boolean | undefined;
}

export interface MediatorInput {
  orgId: string;
  name: string;
  specialities: string[];
  active?: boolean | undefined;
}

function conflict(): Error {
  return versionConflict(m.versionConflict);
}

async function nameTaken(db: Kysely<any>, tenantId: string, name: string, exceptId: string | null): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from mediation.organisations
    where tenant_id = ${tenantId} and name = ${name} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`.execute(db);
  return r.rows.length > 0;
}

function checkOrganisation(input: OrganisationInput): void {
  if (input.kind === 'administrative' && !input.department?.trim()) throw badRequest(m.departmentRequired);
}

export async function listOrganisations(ctx: AuthedContext, opts: { kind?: OrgKind | undefined; activeOnly?: boolean | undefined } = {}): Promise<Organisation[]> {
  const r = await sql<{ id: string; kind: OrgKind; name: string; department: string | null; active: boolean; version: number; mediator_count: number }>`
    select o.id, o.kind, o.name, o.department, o.active, o.version,
      (select count(*)::int from mediation.mediators x where x.tenant_id = o.tenant_id and x.org_id = o.id and x.active) as mediator_count
    from mediation.organisations o
    where o.tenant_id = ${ctx.tenant.id} and (${opts.activeOnly ?? false} = false or o.active)
      and (${opts.kind ?? null}::text is null or o.kind = ${opts.kind ?? null})
    order by o.kind, o.name`.execute(ctx.db);
  return r.rows.map((o) => ({ id: o.id, kind: o.kind, name: o.name, department: o.department, active: o.active, version: o.version, mediatorCount: o.mediator_count }));
}

export async function createOrganisation(ctx: AuthedContext, input: OrganisationInput): Promise<{ id: string; version: number }> {
  checkOrganisation(input);
  return ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, ctx.tenant.id, input.name, null)) throw badRequest(m.orgNameTaken(input.name));
    const r = await sql<{ id: string }>`insert into mediation.organisations (tenant_id, kind, name, department, active, created_by)
      values (${ctx.tenant.id}, ${input.kind}, ${input.name}, ${input.department?.trim() || null}, ${input.active ?? true}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'mediation.organisations.create', targetType: 'mediation.organisation', targetId: id, detail: { kind: input.kind, name: input.name } }, { db: trx });
    return { id, version: 1 };
  });
}

export async function updateOrganisation(ctx: AuthedContext, id: string, version: number, input: OrganisationInput): Promise<{ version: number }> {
  checkOrganisation(input);
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ version: number }>`select version from mediation.organisations where tenant_id = ${ctx.tenant.id} and id = ${id} for update`.execute(trx);
    if (!cur.rows[0]) throw badRequest(m.orgNotFound);
    if (cur.rows[0].version !== version) throw conflict();
    if (await nameTaken(trx, ctx.tenant.id, input.name, id)) throw badRequest(m.orgNameTaken(input.name));
    await sql`update mediation.organisations set kind = ${input.kind}, name = ${input.name}, department = ${input.department?.trim() || null},
        active = ${input.active ?? true}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${id}`.execute(trx);
    await ctx.audit.record({ action: 'mediation.organisations.update', targetType: 'mediation.organisation', targetId: id, detail: { kind: input.kind, name: input.name, active: input.active ?? true } }, { db: trx });
    return { version: version + 1 };
  });
}

export async function activeOrganisation(db: Kysely<any>, tenantId: string, orgId: string): Promise<{ id: string; kind: OrgKind; name: string }> {
  const r = await sql<{ id: string; kind: OrgKind; name: string }>`select id, kind, name from mediation.organisations
    where tenant_id = ${tenantId} and id = ${orgId} and active`.execute(db);
  if (!r.rows[0]) throw badRequest(m.orgNotFound);
  return r.rows[0];
}

export async function listMediators(ctx: AuthedContext, opts: { orgId?: string | undefined; activeOnly?: boolean | undefined } = {}): Promise<Mediator[]> {
  const r = await sql<{ id: string; org_id: string; org_name: string; name: string; specialities: string[]; active: boolean; version: number }>`
    select x.id, x.org_id, o.name as org_name, x.name, x.specialities, x.active, x.version
    from mediation.mediators x join mediation.organisations o on o.tenant_id = x.tenant_id and o.id = x.org_id
    where x.tenant_id = ${ctx.tenant.id} and (${opts.orgId ?? null}::uuid is null or x.org_id = ${opts.orgId ?? null}::uuid)
      and (${opts.activeOnly ?? false} = false or x.active)
    order by o.name, x.name`.execute(ctx.db);
  return r.rows.map((x) => ({ id: x.id, orgId: x.org_id, orgName: x.org_name, name: x.name, specialities: x.specialities, active: x.active, version: x.version }));
}

export async function createMediator(ctx: AuthedContext, input: MediatorInput): Promise<{ id: string; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    await activeOrganisation(trx, ctx.tenant.id, input.orgId);
    const r = await sql<{ id: string }>`insert into mediation.mediators (tenant_id, org_id, name, specialities, active, created_by)
      values (${ctx.tenant.id}, ${input.orgId}, ${input.name}, ${sql.val(input.specialities)}::text[], ${input.active ?? true}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'mediation.mediators.create', targetType: 'mediation.mediator', targetId: id, detail: { orgId: input.orgId, name: input.name } }, { db: trx });
    return { id, version: 1 };
  });
}

export async function updateMediator(ctx: AuthedContext, id: string, version: number, input: MediatorInput): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ version: number }>`select version from mediation.mediators where tenant_id = ${ctx.tenant.id} and id = ${id} for update`.execute(trx);
    if (!cur.rows[0]) throw badRequest(m.mediatorNotFound);
    if (cur.rows[0].version !== version) throw conflict();
    await activeOrganisation(trx, ctx.tenant.id, input.orgId);
    await sql`update mediation.mediators set org_id = ${input.orgId}, name = ${input.name}, specialities = ${sql.val(input.specialities)}::text[],
        active = ${input.active ?? true}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${id}`.execute(trx);
    await ctx.audit.record({ action: 'mediation.mediators.update', targetType: 'mediation.mediator', targetId: id, detail: { orgId: input.orgId, name: input.name, active: input.active ?? true } }, { db: trx });
    return { version: version + 1 };
  });
}
