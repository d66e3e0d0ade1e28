// Self-check (自查自纠): each unit reports the files it checked, the problems found and
// those fixed, before sampling. A liaison reports and reads only the units of their scope
// (scoped in SQL); the committee reads all.
import { badRequest, sql, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { scopeOrgIds } from '../scope.js';
import { messages as m } from '../strings.js';
import { campaignOrThrow } from './service.js';

export interface SelfCheckInput {
  campaignId: string;
  unitId: string;
  filesChecked: number;
  problemsFound: number;
  problemsFixed: number;
  note?: string | null | undefined;
  /** 0 for the first report. */
  version: number;
}

export interface SelfCheck {
  unitId: string;
  unitName: string;
  filesChecked: number | null;
  problemsFound: number | null;
  problemsFixed: number | null;
  note: string | null;
  reportedOn: string | null;
  version: number;
}

export async function reportSelfCheck(ctx: AuthedContext, input: SelfCheckInput): Promise<{ version: number }> {
  if (input.problemsFixed > input.problemsFound) throw badRequest(m.fixedAboveFound);
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campaignOrThrow(trx, tenantId, input.campaignId, true);
    if (!ctx.user.committee) {
      const ids = await scopeOrgIds(ctx, trx);
      if (!ids.includes(input.unitId)) throw badRequest(m.notYourUnit);
    }
    const unit = await sql`select 1 from inspections.campaign_units where tenant_id = ${tenantId} and campaign_id = ${input.campaignId} and unit_id = ${input.unitId}`.execute(trx);
    if (!unit.rows.length) throw badRequest(m.notInCampaign);
    if (c.status !== 'planning' && c.status !== 'self_check') throw badRequest(m.selfCheckClosed);
    const cur = await sql<{ version: number }>`select version from inspections.self_checks
      where tenant_id = ${tenantId} and campaign_id = ${input.campaignId} and unit_id = ${input.unitId} for update`.execute(trx);
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version) throw versionConflict(m.versionConflict);
    if (current === 0) {
      await sql`insert into inspections.self_checks (tenant_id, campaign_id, unit_id, files_checked, problems_found, problems_fixed, note, reported_by)
        values (${tenantId}, ${input.campaignId}, ${input.unitId}, ${input.filesChecked}, ${input.problemsFound}, ${input.problemsFixed}, ${input.note ?? null}, ${ctx.user.id})`.execute(trx);
    } else {
      await sql`update inspections.self_checks set files_checked = ${input.filesChecked}, problems_found = ${input.problemsFound},
          problems_fixed = ${input.problemsFixed}, note = ${input.note ?? null}, version = version + 1, reported_by = ${ctx.user.id}, reported_at = now()
        where tenant_id = ${tenantId} and campaign_id = ${input.campaignId} and unit_id = ${input.unitId}`.execute(trx);
    }
    await ctx.audit.record(
      {
        action: 'inspections.selfChecks.report',
        targetType: 'inspections.campaign',
        targetId: input.campaignId,
        detail: { unitId: input.unitId, filesChecked: input.filesChecked, problemsFound: input.problemsFound, problemsFixed: input.problemsFixed },
      },
      { db: trx },
    );
    return { version: current + 1 };
  });
}

/** The campaign's units with their reports (none yet: nulls), limited to the caller's scope unless committee. */
export async function listSelfChecks(ctx: AuthedContext, campaignId: string): Promise<SelfCheck[]> {
  const tenantId = ctx.tenant.id;
  await campaignOrThrow(ctx.db, tenantId, campaignId);
  const scope = ctx.user.committee ? null : await scopeOrgIds(ctx);
  const r = await sql<SelfCheck>`select u.unit_id as "unitId", u.unit_name as "unitName", s.files_checked as "filesChecked", s.problems_found as "problemsFound",
      s.problems_fixed as "problemsFixed", s.note, to_char(s.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "reportedOn", coalesce(s.version, 0) as version
    from inspections.campaign_units u
    left join inspections.self_checks s on s.tenant_id = u.tenant_id and s.campaign_id = u.campaign_id and s.unit_id = u.unit_id
    where u.tenant_id = ${tenantId} and u.campaign_id = ${campaignId}
      and (${scope === null} or u.unit_id = any(${sql.val(scope ?? [])}::uuid[]))
    order by u.unit_name`.execute(ctx.db);
  return r.rows;
}
