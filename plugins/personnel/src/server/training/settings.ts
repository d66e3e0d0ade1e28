// The county's required class hours a year (公务员每年不少于 12 天或 90 学时), set by the
// political department; no row means the default.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { trainingStrings as s } from '../strings.js';

export const DEFAULT_REQUIRED_HOURS = 90;

export async function requiredHours(ctx: Pick<AuthedContext, 'tenant'>, db: Kysely<any>): Promise<{ hours: number; version: number }> {
  const r = await sql<{ required_hours: string; version: number }>`select required_hours, version from personnel.training_settings
    where tenant_id = ${ctx.tenant.id}`.execute(db);
  const row = r.rows[0];
  return row ? { hours: Number(row.required_hours), version: row.version } : { hours: DEFAULT_REQUIRED_HOURS, version: 0 };
}

/** Sets the requirement; `version` is the one read (0 while the default holds). */
export async function setRequiredHours(ctx: AuthedContext, input: { hours: number; version: number }): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await requiredHours(ctx, trx);
    if (current.version !== input.version) throw badRequest(s.settingsConflict);
    if (current.version === 0) {
      const r = await sql`insert into personnel.training_settings (tenant_id, required_hours, updated_by) values (${ctx.tenant.id}, ${input.hours}, ${ctx.user.id})
        on conflict (tenant_id) do nothing`.execute(trx);
      if (Number(r.numAffectedRows ?? 0) === 0) throw badRequest(s.settingsConflict);
    } else {
      await sql`update personnel.training_settings set required_hours = ${input.hours}, version = version + 1, updated_by = ${ctx.user.id}, updated_at = now()
        where tenant_id = ${ctx.tenant.id}`.execute(trx);
    }
    await ctx.audit.record({ action: 'personnel.training.settings', targetType: 'personnel.settings', detail: { from: current.hours, to: input.hours } }, { db: trx });
    return { version: current.version + 1 };
  });
}
