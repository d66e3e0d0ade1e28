// A tenant's working calendar: the official arrangement from the seed library, corrected
// by the tenant's administrator (kernel.calendar_days rows override the seed).
import type { Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { officialWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

export async function tenantCalendar(db: Kysely<KernelDatabase>, tenantId: string, years: number[]): Promise<WorkingCalendar> {
  const min = Math.min(...years);
  const max = Math.max(...years);
  const rows = await db
    .selectFrom('kernel.calendar_days')
    .select(['date', 'kind', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('date', '>=', `${min}-01-01`)
    .where('date', '<=', `${max}-12-31`)
    .orderBy('date')
    .execute();
  return officialWorkingCalendar(years, rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })));
}

/** Years a period starting on `start` may touch. */
export function yearsAround(start: string, spanYears = 2): number[] {
  const y = Number(start.slice(0, 4));
  return Array.from({ length: spanYears + 1 }, (_, i) => y + i);
}
