// Campaigns (检查活动): kind from the county's list, scope (units = kernel organisations,
// case types, case period), the four phases with ordered dates, the template version per
// unit type and the grade scale (totals must agree), double scoring with its margin, and the
// status = the current phase. Idempotent create on the client's key; updates are versioned.
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import type { UnitType } from '../checklists/service.js';
import { oneDecimal, tenths } from '../points.js';
import { readSettings } from '../settings/service.js';
import { fieldNames as n, messages as m } from '../strings.js';
import { checkPhases, nextStatus, type Phases, type Status } from './phases.js';

export interface CampaignInput extends Phases {
  kind: string;
  title: string;
  year: number;
  unitIds: string[];
  caseTypes: string[];
  caseFrom?: string | null | undefined;
  caseTo?: string | null | undefined;
  templates: { unitType: UnitType; templateId: string }[];
  scaleId?: string | null | undefined;
  doubleScoring: boolean;
  margin: number;
}

export interface CampaignSummary {
  id: string;
  kind: string;
  title: string;
  year: number;
  status: Status;
  units: number;
  version: number;
}

export interface CampaignRow extends Phases {
  id: string;
  kind: string;
  title: string;
  year: number;
  caseTypes: string[];
  caseFrom: string | null;
  caseTo: string | null;
  status: Status;
  scaleId: string | null;
  doubleScoring: boolean;
  margin: number;
  version: number;
}

const d = (col: string) => sql.raw(`to_char(${col}, 'YYYY-MM-DD')`);

export async function loadCampaign(db: Kysely<any>, tenantId: string, id: string, lock = false): Promise<CampaignRow | undefined> {
  const r = await sql<CampaignRow>`select id, kind, title, year, case_types as "caseTypes", ${d('case_from')} as "caseFrom", ${d('case_to')} as "caseTo",
      ${d('self_check_from')} as "selfCheckFrom", ${d('self_check_to')} as "selfCheckTo", ${d('review_from')} as "reviewFrom", ${d('review_to')} as "reviewTo",
      ${d('rectify_from')} as "rectifyFrom", ${d('rectify_to')} as "rectifyTo", ${d('bulletin_on')} as "bulletinOn",
      status, scale_id as "scaleId", double_scoring as "doubleScoring", margin::float8 as margin, version
    from inspections.campaigns where tenant_id = ${tenantId} and id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows[0];
}

export async function campaignOrThrow(db: Kysely<any>, tenantId: string, id: string, lock = false): Promise<CampaignRow> {
  const c = await loadCampaign(db, tenantId, id, lock);
  if (!c) throw notFound(m.campaignNotFound);
  return c;
}

/** The checks that need no database: case period, phases, margin, distinct units and template types. */
function checkShape(input: CampaignInput): void {
  if (input.caseFrom && input.caseTo && input.caseTo < input.caseFrom) throw badRequest(m.caseToBeforeFrom);
  checkPhases(input);
  oneDecimal(input.margin, n.margin);
  if (new Set(input.unitIds).size !== input.unitIds.length) throw badRequest(m.unitsDuplicate);
  const types = new Set<string>();
  for (const t of input.templates) {
    if (types.has(t.unitType)) throw badRequest(m.templateUnitTypeTwice(t.unitType));
    types.add(t.unitType);
  }
}

/** The template totals of the campaign's choice and the scale's total agree (or no scale yet). */
async function checkTotals(trx: Kysely<any>, tenantId: string, templates: CampaignInput['templates'], scaleId: string | null | undefined): Promise<void> {
  const totals: number[] = [];
  for (const t of templates) {
    const r = await sql<{ total: number }>`select total::float8 as total from inspections.templates where tenant_id = ${tenantId} and id = ${t.templateId}`.execute(trx);
    if (!r.rows[0]) throw badRequest(m.templateNotFound);
    totals.push(r.rows[0].total);
  }
  if (!scaleId) return;
  const s = await sql<{ total: number }>`select total::float8 as total from inspections.scales where tenant_id = ${tenantId} and id = ${scaleId}`.execute(trx);
  if (!s.rows[0]) throw badRequest(m.scaleNotFound);
  const scaleTotal = s.rows[0].total;
  const off = totals.find((t) => tenths(t) !== tenths(scaleTotal));
  if (off !== undefined) throw badRequest(m.scaleTotalMismatch(scaleTotal, off));
}

async function writeUnits(trx: Kysely<any>, ctx: AuthedContext, campaignId: string, unitIds: string[]): Promise<void> {
  const orgs = await ctx.kernel.orgs.list({ db: trx });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const existing = await sql<{ unit_id: string }>`select unit_id from inspections.campaign_units where tenant_id = ${ctx.tenant.id} and campaign_id = ${campaignId}`.execute(trx);
  const have = new Set(existing.rows.map((r) => r.unit_id));
  for (const id of unitIds) {
    const org = byId.get(id);
    if (!org || org.disabled) throw badRequest(m.unitNotFound);
    if (have.has(id)) continue;
    await sql`insert into inspections.campaign_units (tenant_id, campaign_id, unit_id, unit_name, unit_type)
      values (${ctx.tenant.id}, ${campaignId}, ${id}, ${org.name}, ${org.kind})`.execute(trx);
  }
  const removed = [...have].filter((id) => !unitIds.includes(id));
  for (const id of removed) {
    const used = await sql`select 1 from inspections.files where tenant_id = ${ctx.tenant.id} and campaign_id = ${campaignId} and unit_id = ${id}
      union all select 1 from inspections.self_checks where tenant_id = ${ctx.tenant.id} and campaign_id = ${campaignId} and unit_id = ${id}
      union all select 1 from inspections.draws where tenant_id = ${ctx.tenant.id} and campaign_id = ${campaignId} and unit_id = ${id} limit 1`.execute(trx);
    if (used.rows.length) throw badRequest(m.unitInUse);
    await sql`delete from inspections.campaign_units where tenant_id = ${ctx.tenant.id} and campaign_id = ${campaignId} and unit_id = ${id}`.execute(trx);
  }
}

async function writeTemplates(trx: Kysely<any>, tenantId: string, campaignId: string, templates: CampaignInput['templates']): Promise<void> {
  await sql`delete from inspections.campaign_templates where tenant_id = ${tenantId} and campaign_id = ${campaignId}`.execute(trx);
  for (const t of templates) {
    await sql`insert into inspections.campaign_templates (tenant_id, campaign_id, unit_type, template_id)
      values (${tenantId}, ${campaignId}, ${t.unitType}, ${t.templateId})`.execute(trx);
  }
}

async function byClientKey(db: Kysely<any>, tenantId: string, key: string): Promise<{ id: string; duplicate: boolean } | undefined> {
  const r = await sql<{ id: string }>`select id from inspections.campaigns where tenant_id = ${tenantId} and client_key = ${key}`.execute(db);
  return r.rows[0] ? { id: r.rows[0].id, duplicate: true } : undefined;
}

export async function createCampaign(ctx: AuthedContext, input: CampaignInput & { clientKey?: string | undefined }): Promise<{ id: string; duplicate: boolean }> {
  checkShape(input);
  const tenantId = ctx.tenant.id;
  const run = async (trx: Kysely<any>) => {
    if (input.clientKey) {
      const seen = await byClientKey(trx, tenantId, input.clientKey);
      if (seen) return seen;
    }
    const settings = await readSettings(trx, tenantId);
    if (!settings.campaignKinds.includes(input.kind)) throw badRequest(m.unknownKind(input.kind));
    await checkTotals(trx, tenantId, input.templates, input.scaleId);
    const r = await sql<{ id: string }>`insert into inspections.campaigns (tenant_id, kind, title, year, case_types, case_from, case_to,
        self_check_from, self_check_to, review_from, review_to, rectify_from, rectify_to, bulletin_on,
        scale_id, double_scoring, margin, client_key, created_by)
      values (${tenantId}, ${input.kind}, ${input.title}, ${input.year}, ${sql.val(input.caseTypes)}::text[], ${input.caseFrom ?? null}, ${input.caseTo ?? null},
        ${input.selfCheckFrom}, ${input.selfCheckTo}, ${input.reviewFrom}, ${input.reviewTo}, ${input.rectifyFrom}, ${input.rectifyTo}, ${input.bulletinOn},
        ${input.scaleId ?? null}, ${input.doubleScoring}, ${input.margin}, ${input.clientKey ?? null}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await writeUnits(trx, ctx, id, input.unitIds);
    await writeTemplates(trx, tenantId, id, input.templates);
    await ctx.audit.record(
      { action: 'inspections.campaigns.create', targetType: 'inspections.campaign', targetId: id, detail: { kind: input.kind, title: input.title, year: input.year, units: input.unitIds.length } },
      { db: trx },
    );
    return { id, duplicate: false };
  };
  try {
    return await ctx.db.transaction().execute(run);
  } catch (err) {
    if ((err as { code?: string }).code === '23505' && input.clientKey) {
      const seen = await byClientKey(ctx.db, tenantId, input.clientKey);
      if (seen) return seen;
    }
    throw err;
  }
}

async function scoringStarted(trx: Kysely<any>, tenantId: string, campaignId: string): Promise<boolean> {
  const r = await sql`select 1 from inspections.assignments where tenant_id = ${tenantId} and campaign_id = ${campaignId} and submitted_at is not null limit 1`.execute(trx);
  return r.rows.length > 0;
}

export async function updateCampaign(ctx: AuthedContext, input: CampaignInput & { id: string; version: number }): Promise<{ version: number }> {
  checkShape(input);
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await campaignOrThrow(trx, tenantId, input.id, true);
    if (cur.version !== input.version) throw versionConflict(m.versionConflict);
    if (cur.status === 'closed') throw badRequest(m.campaignClosed);
    const settings = await readSettings(trx, tenantId);
    if (input.kind !== cur.kind && !settings.campaignKinds.includes(input.kind)) throw badRequest(m.unknownKind(input.kind));
    const before = await sql<{ unit_type: string; template_id: string }>`select unit_type, template_id from inspections.campaign_templates
      where tenant_id = ${tenantId} and campaign_id = ${input.id} order by unit_type`.execute(trx);
    const after = [...input.templates].sort((a, b) => a.unitType.localeCompare(b.unitType));
    const changed = before.rows.length !== after.length || before.rows.some((r, i) => r.unit_type !== after[i]!.unitType || r.template_id !== after[i]!.templateId);
    if (changed && (await scoringStarted(trx, tenantId, input.id))) throw badRequest(m.scoringStarted);
    await checkTotals(trx, tenantId, input.templates, input.scaleId);
    await sql`update inspections.campaigns set kind = ${input.kind}, title = ${input.title}, year = ${input.year},
        case_types = ${sql.val(input.caseTypes)}::text[], case_from = ${input.caseFrom ?? null}, case_to = ${input.caseTo ?? null},
        self_check_from = ${input.selfCheckFrom}, self_check_to = ${input.selfCheckTo}, review_from = ${input.reviewFrom}, review_to = ${input.reviewTo},
        rectify_from = ${input.rectifyFrom}, rectify_to = ${input.rectifyTo}, bulletin_on = ${input.bulletinOn},
        scale_id = ${input.scaleId ?? null}, double_scoring = ${input.doubleScoring}, margin = ${input.margin}, version = version + 1
      where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    await writeUnits(trx, ctx, input.id, input.unitIds);
    if (changed) await writeTemplates(trx, tenantId, input.id, input.templates);
    await ctx.audit.record({ action: 'inspections.campaigns.update', targetType: 'inspections.campaign', targetId: input.id, detail: { title: input.title, units: input.unitIds.length, templatesChanged: changed } }, { db: trx });
    return { version: cur.version + 1 };
  });
}

/** Switches the grade scale: every grade of the campaign follows (they are computed, not stored). */
export async function setScale(ctx: AuthedContext, input: { id: string; version: number; scaleId: string }): Promise<{ version: number }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await campaignOrThrow(trx, tenantId, input.id, true);
    if (cur.version !== input.version) throw versionConflict(m.versionConflict);
    if (cur.status === 'closed') throw badRequest(m.campaignClosed);
    const t = await sql<{ unitType: UnitType; templateId: string }>`select unit_type as "unitType", template_id as "templateId" from inspections.campaign_templates
      where tenant_id = ${tenantId} and campaign_id = ${input.id}`.execute(trx);
    await checkTotals(trx, tenantId, t.rows, input.scaleId);
    await sql`update inspections.campaigns set scale_id = ${input.scaleId}, version = version + 1 where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    await ctx.audit.record({ action: 'inspections.campaigns.setScale', targetType: 'inspections.campaign', targetId: input.id, detail: { from: cur.scaleId, to: input.scaleId } }, { db: trx });
    return { version: cur.version + 1 };
  });
}

/** Moves the campaign to its next phase (筹备 → 自查自纠 → 抽查评查 → 整改 → 通报 → 已结束). */
export async function advanceCampaign(ctx: AuthedContext, input: { id: string; version: number }): Promise<{ version: number; status: Status }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await campaignOrThrow(trx, tenantId, input.id, true);
    if (cur.version !== input.version) throw versionConflict(m.versionConflict);
    const next = nextStatus(cur.status);
    if (!next) throw badRequest(m.lastPhase);
    await sql`update inspections.campaigns set status = ${next}, version = version + 1 where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    await ctx.audit.record({ action: 'inspections.campaigns.advance', targetType: 'inspections.campaign', targetId: input.id, detail: { from: cur.status, to: next } }, { db: trx });
    return { version: cur.version + 1, status: next };
  });
}

export async function listCampaigns(ctx: AuthedContext, opts: { year?: number | undefined }): Promise<CampaignSummary[]> {
  const r = await sql<CampaignSummary>`select c.id, c.kind, c.title, c.year, c.status, c.version,
      (select count(*)::int from inspections.campaign_units u where u.tenant_id = c.tenant_id and u.campaign_id = c.id) as units
    from inspections.campaigns c
    where c.tenant_id = ${ctx.tenant.id} and (${opts.year ?? null}::int is null or c.year = ${opts.year ?? null}::int)
    order by c.year desc, c.created_at desc limit 500`.execute(ctx.db);
  return r.rows;
}

/** The campaigns covering a unit of the caller's scope (a liaison's view), scoped in SQL. */
export async function listUnitCampaigns(ctx: AuthedContext, orgIds: string[]): Promise<(CampaignSummary & { unitIds: string[] })[]> {
  const r = await sql<CampaignSummary & { unitIds: string[] }>`select c.id, c.kind, c.title, c.year, c.status, c.version,
      array_agg(u.unit_id order by u.unit_name) as "unitIds", count(*)::int as units
    from inspections.campaigns c
    join inspections.campaign_units u on u.tenant_id = c.tenant_id and u.campaign_id = c.id
    where c.tenant_id = ${ctx.tenant.id} and u.unit_id = any(${sql.val(orgIds)}::uuid[])
    group by c.tenant_id, c.id order by c.year desc, c.created_at desc limit 500`.execute(ctx.db);
  return r.rows;
}

export async function getCampaign(ctx: AuthedContext, id: string) {
  const tenantId = ctx.tenant.id;
  const c = await campaignOrThrow(ctx.db, tenantId, id);
  const units = await sql<{ unitId: string; unitName: string; unitType: string }>`select unit_id as "unitId", unit_name as "unitName", unit_type as "unitType"
    from inspections.campaign_units where tenant_id = ${tenantId} and campaign_id = ${id} order by unit_name`.execute(ctx.db);
  const templates = await sql<{ unitType: UnitType; templateId: string; name: string; versionNo: number; total: number }>`select ct.unit_type as "unitType", ct.template_id as "templateId",
      t.name, t.version_no as "versionNo", t.total::float8 as total
    from inspections.campaign_templates ct join inspections.templates t on t.tenant_id = ct.tenant_id and t.id = ct.template_id
    where ct.tenant_id = ${tenantId} and ct.campaign_id = ${id} order by ct.unit_type`.execute(ctx.db);
  const members = await sql<{ id: string; kind: string; role: string | null; userId: string | null; name: string; unitId: string | null; unitName: string | null; pledgeSignedOn: string | null; version: number }>`select id, kind, role,
      user_id as "userId", name, unit_id as "unitId", unit_name as "unitName", to_char(pledge_signed_on, 'YYYY-MM-DD') as "pledgeSignedOn", version
    from inspections.members where tenant_id = ${tenantId} and campaign_id = ${id} order by created_at, name`.execute(ctx.db);
  // Results published to the units (公布) and the last working day they may object, if published.
  const p = await sql<{ publishedOn: string | null; objectionDays: number }>`select to_char(results_published_on, 'YYYY-MM-DD') as "publishedOn", objection_days as "objectionDays"
    from inspections.campaigns where tenant_id = ${tenantId} and id = ${id}`.execute(ctx.db);
  const { publishedOn, objectionDays } = p.rows[0]!;
  const objectionLastDay = publishedOn ? await ctx.kernel.calendar.addWorkingDays(publishedOn, objectionDays) : null;
  return { ...c, units: units.rows, templates: templates.rows, members: members.rows, resultsPublishedOn: publishedOn, objectionDays, objectionLastDay };
}
