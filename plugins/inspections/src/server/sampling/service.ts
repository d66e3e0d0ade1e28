// Candidate case files (件 with their volumes 卷) registered per unit, and the sampling:
// stratified random by case type with a stored seed (the same seed draws the same files),
// targeted by case number with the reason, or manual. Every draw is a row and an audit entry.
import { randomBytes } from 'node:crypto';
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { campaignOrThrow, type CampaignRow } from '../campaigns/service.js';
import { messages as m } from '../strings.js';
import { choose } from './prng.js';

export interface FileInput {
  caseNo: string;
  caseType: string;
  title?: string | null | undefined;
  handlerName?: string | null | undefined;
  volumes: number;
  closedOn?: string | null | undefined;
  kernelCaseId?: string | null | undefined;
}

export interface DrawResult {
  drawId: string;
  seed: string | null;
  files: { id: string; caseNo: string; caseType: string }[];
}

async function unitOfCampaign(trx: Kysely<any>, tenantId: string, campaignId: string, unitId: string): Promise<void> {
  const r = await sql`select 1 from inspections.campaign_units where tenant_id = ${tenantId} and campaign_id = ${campaignId} and unit_id = ${unitId}`.execute(trx);
  if (!r.rows.length) throw badRequest(m.notInCampaign);
}

/** Registers a unit's candidate files; a case number already registered is skipped (a list sent twice adds nothing). */
export async function registerFiles(ctx: AuthedContext, input: { campaignId: string; unitId: string; files: FileInput[] }): Promise<{ added: number; skipped: number }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campaignOrThrow(trx, tenantId, input.campaignId, true);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    await unitOfCampaign(trx, tenantId, input.campaignId, input.unitId);
    for (const f of input.files) {
      if (c.caseTypes.length && !c.caseTypes.includes(f.caseType)) throw badRequest(m.caseTypeOutside(f.caseType));
    }
    let added = 0;
    const seen = new Set<string>();
    for (const f of input.files) {
      if (seen.has(f.caseNo)) continue;
      seen.add(f.caseNo);
      const r = await sql`insert into inspections.files (tenant_id, campaign_id, unit_id, case_no, case_type, title, handler_name, volumes, closed_on, kernel_case_id, created_by)
        values (${tenantId}, ${input.campaignId}, ${input.unitId}, ${f.caseNo}, ${f.caseType}, ${f.title ?? null}, ${f.handlerName ?? null}, ${f.volumes},
          ${f.closedOn ?? null}, ${f.kernelCaseId ?? null}, ${ctx.user.id})
        on conflict (tenant_id, campaign_id, unit_id, case_no) do nothing`.execute(trx);
      added += Number(r.numAffectedRows ?? 0);
    }
    await ctx.audit.record({ action: 'inspections.files.register', targetType: 'inspections.campaign', targetId: input.campaignId, detail: { unitId: input.unitId, added, skipped: input.files.length - added } }, { db: trx });
    return { added, skipped: input.files.length - added };
  });
}

function samplingOpen(c: CampaignRow): void {
  if (c.status !== 'review') throw badRequest(m.samplingClosed);
}

async function insertDraw(
  trx: Kysely<any>,
  ctx: AuthedContext,
  d: { campaignId: string; unitId: string; method: string; seed: string | null; strata: unknown; reason: string | null; clientKey: string | null },
): Promise<string> {
  const r = await sql<{ id: string }>`insert into inspections.draws (tenant_id, campaign_id, unit_id, method, seed, strata, reason, client_key, drawn_by)
    values (${ctx.tenant.id}, ${d.campaignId}, ${d.unitId}, ${d.method}, ${d.seed}, ${JSON.stringify(d.strata)}::jsonb, ${d.reason}, ${d.clientKey}, ${ctx.user.id}) returning id`.execute(trx);
  return r.rows[0]!.id;
}

/** The draw a request with the same client key already made (a double click draws once). */
async function drawByKey(db: Kysely<any>, tenantId: string, key: string | null | undefined): Promise<DrawResult | undefined> {
  if (!key) return undefined;
  const d = await sql<{ id: string; seed: string | null }>`select id, seed from inspections.draws where tenant_id = ${tenantId} and client_key = ${key}`.execute(db);
  const draw = d.rows[0];
  if (!draw) return undefined;
  const f = await sql<{ id: string; caseNo: string; caseType: string }>`select id, case_no as "caseNo", case_type as "caseType" from inspections.files
    where tenant_id = ${tenantId} and draw_id = ${draw.id} order by case_type, case_no`.execute(db);
  return { drawId: draw.id, seed: draw.seed, files: f.rows };
}

/** Runs a draw in a transaction; a concurrent request with the same key answers with its draw. */
async function once(ctx: AuthedContext, clientKey: string | null | undefined, run: (trx: Kysely<any>) => Promise<DrawResult>): Promise<DrawResult> {
  try {
    return await ctx.db.transaction().execute(async (trx) => (await drawByKey(trx, ctx.tenant.id, clientKey)) ?? run(trx));
  } catch (err) {
    const seen = (err as { code?: string }).code === '23505' ? await drawByKey(ctx.db, ctx.tenant.id, clientKey) : undefined;
    if (seen) return seen;
    throw err;
  }
}

async function markDrawn(trx: Kysely<any>, tenantId: string, drawId: string, ids: string[]): Promise<void> {
  if (ids.length) await sql`update inspections.files set draw_id = ${drawId}, version = version + 1 where tenant_id = ${tenantId} and id = any(${sql.val(ids)}::uuid[])`.execute(trx);
}

/** Stratified random sampling of a unit's files not yet drawn: `count` per case type, by the seed. */
export async function drawRandom(
  ctx: AuthedContext,
  input: { campaignId: string; unitId: string; strata: { caseType: string; count: number }[]; seed?: string | null | undefined; clientKey?: string | undefined },
): Promise<DrawResult> {
  const types = new Set<string>();
  for (const s of input.strata) {
    if (types.has(s.caseType)) throw badRequest(m.strataDuplicate(s.caseType));
    types.add(s.caseType);
  }
  const seed = input.seed ?? randomBytes(6).toString('hex');
  const tenantId = ctx.tenant.id;
  return once(ctx, input.clientKey, async (trx) => {
    const c = await campaignOrThrow(trx, tenantId, input.campaignId, true);
    samplingOpen(c);
    await unitOfCampaign(trx, tenantId, input.campaignId, input.unitId);
    const chosen: DrawResult['files'] = [];
    for (const s of input.strata) {
      const r = await sql<{ id: string; caseNo: string; caseType: string }>`select id, case_no as "caseNo", case_type as "caseType" from inspections.files
        where tenant_id = ${tenantId} and campaign_id = ${input.campaignId} and unit_id = ${input.unitId} and case_type = ${s.caseType} and draw_id is null`.execute(trx);
      // A fixed order that does not depend on the database's collation or insertion order.
      const candidates = r.rows.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
      if (candidates.length < s.count) throw badRequest(m.notEnoughFiles(s.caseType, s.count, candidates.length));
      chosen.push(...choose(candidates, s.count, `${seed}|${s.caseType}`));
    }
    const drawId = await insertDraw(trx, ctx, { campaignId: input.campaignId, unitId: input.unitId, method: 'random', seed, strata: input.strata, reason: null, clientKey: input.clientKey ?? null });
    await markDrawn(trx, tenantId, drawId, chosen.map((f) => f.id));
    await ctx.audit.record(
      { action: 'inspections.sampling.draw', targetType: 'inspections.draw', targetId: drawId, detail: { campaignId: input.campaignId, unitId: input.unitId, method: 'random', seed, strata: input.strata, caseNos: chosen.map((f) => f.caseNo) } },
      { db: trx },
    );
    return { drawId, seed, files: chosen };
  });
}

/** Targeted (定向: e.g. cases that produced petitions, by case number, with the reason) or manual (人工指定, by file) sampling. */
export async function drawChosen(
  ctx: AuthedContext,
  input: { campaignId: string; unitId: string; method: 'targeted' | 'manual'; caseNos?: string[]; fileIds?: string[]; reason?: string | null | undefined; clientKey?: string | undefined },
): Promise<DrawResult> {
  const tenantId = ctx.tenant.id;
  return once(ctx, input.clientKey, async (trx) => {
    const c = await campaignOrThrow(trx, tenantId, input.campaignId, true);
    samplingOpen(c);
    await unitOfCampaign(trx, tenantId, input.campaignId, input.unitId);
    const r = await sql<{ id: string; caseNo: string; caseType: string; drawId: string | null }>`select id, case_no as "caseNo", case_type as "caseType", draw_id as "drawId"
      from inspections.files where tenant_id = ${tenantId} and campaign_id = ${input.campaignId} and unit_id = ${input.unitId}`.execute(trx);
    const files: typeof r.rows = [];
    if (input.method === 'targeted') {
      for (const no of input.caseNos ?? []) {
        const f = r.rows.find((x) => x.caseNo === no);
        if (!f) throw badRequest(m.caseNoUnknown(no));
        files.push(f);
      }
    } else {
      for (const id of input.fileIds ?? []) {
        const f = r.rows.find((x) => x.id === id);
        if (!f) throw badRequest(m.fileNotFound);
        files.push(f);
      }
    }
    const taken = files.find((f) => f.drawId);
    if (taken) throw badRequest(m.alreadySampled(taken.caseNo));
    const chosen = [...new Map(files.map((f) => [f.id, { id: f.id, caseNo: f.caseNo, caseType: f.caseType }])).values()];
    const drawId = await insertDraw(trx, ctx, { campaignId: input.campaignId, unitId: input.unitId, method: input.method, seed: null, strata: [], reason: input.reason ?? null, clientKey: input.clientKey ?? null });
    await markDrawn(trx, tenantId, drawId, chosen.map((f) => f.id));
    await ctx.audit.record(
      { action: 'inspections.sampling.draw', targetType: 'inspections.draw', targetId: drawId, detail: { campaignId: input.campaignId, unitId: input.unitId, method: input.method, reason: input.reason ?? null, caseNos: chosen.map((f) => f.caseNo) } },
      { db: trx },
    );
    return { drawId, seed: null, files: chosen };
  });
}

export async function listDraws(ctx: AuthedContext, campaignId: string) {
  const r = await sql<{ id: string; unitId: string; method: string; seed: string | null; strata: unknown; reason: string | null; drawnAt: Date; files: number }>`select d.id, d.unit_id as "unitId",
      d.method, d.seed, d.strata, d.reason, d.drawn_at as "drawnAt",
      (select count(*)::int from inspections.files f where f.tenant_id = d.tenant_id and f.draw_id = d.id) as files
    from inspections.draws d where d.tenant_id = ${ctx.tenant.id} and d.campaign_id = ${campaignId} order by d.drawn_at`.execute(ctx.db);
  return r.rows;
}
