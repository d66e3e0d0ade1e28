// The county's settings of the center: the triage limit in working days (default 3), the
// mediation time limit in calendar days from acceptance (default 30) and the list of dispute
// types (default: the list). No row: the defaults.
import { badRequest, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { defaultDisputeTypes, messages as m } from './strings.js';

export const DEFAULT_TRIAGE_DAYS = 3;
/** Ordinary people's mediation should finish within about a month (calendar days from acceptance). */
export const DEFAULT_MEDIATION_DAYS = 30;

export interface MediationSettings {
  triageDays: number;
  mediationDays: number;
  disputeTypes: string[];
  /** 0 while the county still runs on the defaults. */
  version: number;
}

export async function readSettings(db: Kysely<any>, tenantId: string): Promise<MediationSettings> {
  const r = await sql<{ triage_days: number; mediation_days: number; dispute_types: string[]; version: number }>`select triage_days, mediation_days, dispute_types, version
    from mediation.settings where tenant_id = ${tenantId}`.execute(db);
  const row = r.rows[0];
  return row
    ? { triageDays: row.triage_days, mediationDays: row.mediation_days, disputeTypes: row.dispute_types, version: row.version }
    : { triageDays: DEFAULT_TRIAGE_DAYS, mediationDays: DEFAULT_MEDIATION_DAYS, disputeTypes: [...defaultDisputeTypes], version: 0 };
}

export interface SettingsInput {
  triageDays: number;
  /** Absent: the county's current limit (the default until it saved one). */
  mediationDays?: number | undefined;
  disputeTypes: string[];
  version: number;
}

export async function updateSettings(ctx: AuthedContext, input: SettingsInput): Promise<{ version: number }> {
  const types = input.disputeTypes.map((t) => t.trim());
  if (types.length === 0) throw badRequest(m.typesEmpty);
  const seen = new Set<string>();
  for (const t of types) {
    if (seen.has(t)) throw badRequest(m.typesDuplicate(t));
    seen.add(t);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ version: number; mediation_days: number }>`select version, mediation_days from mediation.settings where tenant_id = ${ctx.tenant.id} for update`.execute(trx);
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version) throw versionConflict(m.versionConflict);
    const mediationDays = input.mediationDays ?? cur.rows[0]?.mediation_days ?? DEFAULT_MEDIATION_DAYS;
    if (current === 0) {
      await sql`insert into mediation.settings (tenant_id, triage_days, mediation_days, dispute_types, updated_by)
        values (${ctx.tenant.id}, ${input.triageDays}, ${mediationDays}, ${sql.val(types)}::text[], ${ctx.user.id})`.execute(trx);
    } else {
      await sql`update mediation.settings set triage_days = ${input.triageDays}, mediation_days = ${mediationDays}, dispute_types = ${sql.val(types)}::text[],
          version = version + 1, updated_by = ${ctx.user.id}, updated_at = now()
        where tenant_id = ${ctx.tenant.id}`.execute(trx);
    }
    await ctx.audit.record(
      { action: 'mediation.settings.update', targetType: 'mediation.settings', targetId: ctx.tenant.id, detail: { triageDays: input.triageDays, mediationDays, disputeTypes: types } },
      { db: trx },
    );
    return { version: current + 1 };
  });
}
