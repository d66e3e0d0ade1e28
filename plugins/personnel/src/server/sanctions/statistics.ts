// Clues and outcomes by unit for a period: clues received (and how many were transferred),
// decisions by the four forms, and the sanctions in force today. Counts only; the read is
// audited like every read of discipline records.
import { chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { auditActions as a } from '../discipline-strings.js';

export interface UnitDisciplineRow {
  unitId: string;
  unitName: string | null;
  clues: number;
  transferred: number;
  byForm: [number, number, number, number];
  inForce: number;
}

export interface DisciplineStatistics {
  from: string;
  to: string;
  units: UnitDisciplineRow[];
  totals: Omit<UnitDisciplineRow, 'unitId' | 'unitName'>;
}

export async function disciplineStatistics(ctx: AuthedContext, from: string, to: string): Promise<DisciplineStatistics> {
  const today = chinaDay(ctx.now());
  const clues = await sql<{ unit_id: string; n: number; transferred: number }>`select o.unit_id, count(*)::int as n, count(*) filter (where c.status = 'transferred')::int as transferred
    from personnel.clues c join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.officer_id
    where c.tenant_id = ${ctx.tenant.id} and c.received_on between ${from} and ${to} group by o.unit_id`.execute(ctx.db);
  const forms = await sql<{ unit_id: string; form: number; n: number }>`select o.unit_id, s.form, count(*)::int as n
    from personnel.sanctions s join personnel.officers o on o.tenant_id = s.tenant_id and o.id = s.officer_id
    where s.tenant_id = ${ctx.tenant.id} and s.decided_on between ${from} and ${to} group by o.unit_id, s.form`.execute(ctx.db);
  const inForce = await sql<{ unit_id: string; n: number }>`select o.unit_id, count(*)::int as n
    from personnel.sanctions s join personnel.officers o on o.tenant_id = s.tenant_id and o.id = s.officer_id
    where s.tenant_id = ${ctx.tenant.id} and s.decided_on <= ${today} and (s.permanent or s.effective_until >= ${today}) group by o.unit_id`.execute(ctx.db);
  const names = new Map((await ctx.kernel.orgs.list()).map((o) => [o.id, o.name]));
  const ids = [...new Set([...clues.rows, ...forms.rows, ...inForce.rows].map((r) => r.unit_id))];
  const units = ids
    .map((unitId): UnitDisciplineRow => {
      const c = clues.rows.find((r) => r.unit_id === unitId);
      const byForm = [1, 2, 3, 4].map((f) => forms.rows.find((r) => r.unit_id === unitId && r.form === f)?.n ?? 0) as [number, number, number, number];
      return { unitId, unitName: names.get(unitId) ?? null, clues: c?.n ?? 0, transferred: c?.transferred ?? 0, byForm, inForce: inForce.rows.find((r) => r.unit_id === unitId)?.n ?? 0 };
    })
    .sort((x, y) => (x.unitName ?? '').localeCompare(y.unitName ?? '', 'zh-CN'));
  const sum = (pick: (u: UnitDisciplineRow) => number) => units.reduce((n, u) => n + pick(u), 0);
  await ctx.audit.record({ action: a.statisticsRead, targetType: 'personnel.sanction', detail: { from, to } });
  return {
    from,
    to,
    units,
    totals: {
      clues: sum((u) => u.clues),
      transferred: sum((u) => u.transferred),
      byForm: [0, 1, 2, 3].map((i) => sum((u) => u.byForm[i]!)) as [number, number, number, number],
      inForce: sum((u) => u.inForce),
    },
  };
}
