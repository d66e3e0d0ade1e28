// The county's settings: its list of campaign kinds (default: the five), its list of
// defect types a problem is classed with, and the year-end deduction per unrectified problem.
// No row: the defaults.
import { badRequest, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { oneDecimal } from '../points.js';
import { defaultCampaignKinds, defaultDefectTypes, fieldNames as n, messages as m } from '../strings.js';

export interface InspectionsSettings {
  campaignKinds: string[];
  defectTypes: string[];
  /** Points deducted per problem not closed (year-end assessment). */
  unrectifiedDeduction: number;
  /** 0 while the county still runs on the defaults. */
  version: number;
}

export const DEFAULT_UNRECTIFIED_DEDUCTION = 1;

export async function readSettings(db: Kysely<any>, tenantId: string): Promise<InspectionsSettings> {
  const r = await sql<{ campaign_kinds: string[]; defect_types: string[] | null; unrectified_deduction: number; version: number }>`select campaign_kinds, defect_types,
      unrectified_deduction::float8 as unrectified_deduction, version
    from inspections.settings where tenant_id = ${tenantId}`.execute(db);
  const row = r.rows[0];
  return row
    ? { campaignKinds: row.campaign_kinds, defectTypes: row.defect_types ?? [...defaultDefectTypes], unrectifiedDeduction: row.unrectified_deduction, version: row.version }
    : { campaignKinds: [...defaultCampaignKinds], defectTypes: [...defaultDefectTypes], unrectifiedDeduction: DEFAULT_UNRECTIFIED_DEDUCTION, version: 0 };
}

function distinct(list: string[], duplicate: (k: string) => string): string[] {
  const out = list.map((k) => k.trim());
  const seen = new Set<string>();
  for (const k of out) {
    if (seen.has(k)) throw badRequest(duplicate(k));
    seen.add(k);
  }
  return out;
}

export interface SettingsInput {
  campaignKinds: string[];
  defectTypes?: string[] | undefined;
  unrectifiedDeduction?: number | undefined;
  version: number;
}

export async function updateSettings(ctx: AuthedContext, input: SettingsInput): Promise<{ version: number }> {
  const kinds = distinct(input.campaignKinds, m.kindsDuplicate);
  if (kinds.length === 0) throw badRequest(m.kindsEmpty);
  const types = input.defectTypes ? distinct(input.defectTypes, (k) => `「${n.defectTypes}」中「${k}」重复`) : null;
  if (types && types.length === 0) throw badRequest(m.defectTypesEmpty);
  const deduction = input.unrectifiedDeduction === undefined ? null : oneDecimal(input.unrectifiedDeduction, n.unrectifiedDeduction);
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select 1 from inspections.settings where tenant_id = ${ctx.tenant.id} for update`.execute(trx);
    const cur = await readSettings(trx, ctx.tenant.id);
    if (cur.version !== input.version) throw versionConflict(m.versionConflict);
    const defectTypes = types ?? cur.defectTypes;
    const perFinding = deduction ?? cur.unrectifiedDeduction;
    if (cur.version === 0) {
      await sql`insert into inspections.settings (tenant_id, campaign_kinds, defect_types, unrectified_deduction, updated_by)
        values (${ctx.tenant.id}, ${sql.val(kinds)}::text[], ${sql.val(defectTypes)}::text[], ${perFinding}, ${ctx.user.id})`.execute(trx);
    } else {
      await sql`update inspections.settings set campaign_kinds = ${sql.val(kinds)}::text[], defect_types = ${sql.val(defectTypes)}::text[],
          unrectified_deduction = ${perFinding}, version = version + 1, updated_by = ${ctx.user.id}, updated_at = now()
        where tenant_id = ${ctx.tenant.id}`.execute(trx);
    }
    await ctx.audit.record(
      { action: 'inspections.settings.update', targetType: 'inspections.settings', targetId: ctx.tenant.id, detail: { campaignKinds: kinds, defectTypes, unrectifiedDeduction: perFinding } },
      { db: trx },
    );
    return { version: cur.version + 1 };
  });
}
