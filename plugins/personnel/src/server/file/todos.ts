// The workbench's to-dos of conduct and discipline: sanctions whose effect period ends within
// 30 days (the political department, personnel.files), open clues (discipline staff), and the
// unit's 三个规定 report for last month (the liaison, personnel.conduct_report).
import { chinaDay, sql, type AuthedContext, type TodoItem } from '@zhengfa/plugin-api';
import { todoLabels } from '../discipline-strings.js';

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function disciplineTodos(ctx: AuthedContext): Promise<TodoItem[]> {
  const today = chinaDay(ctx.now());
  const items: TodoItem[] = [];
  if (ctx.can('personnel.files')) {
    const r = await sql<{ n: number; oldest: string | null }>`select count(*)::int as n, to_char(min(effective_until), 'YYYY-MM-DD') as oldest
      from personnel.sanctions where tenant_id = ${ctx.tenant.id} and not permanent
        and effective_until between ${today} and ${addDays(today, 30)}`.execute(ctx.db);
    items.push({ key: 'periods-ending', label: todoLabels.periodsEnding, count: r.rows[0]!.n, link: '/personnel/sanctions?ending=30', oldest: r.rows[0]!.oldest });
  }
  if (ctx.can('personnel.discipline')) {
    const r = await sql<{ n: number; oldest: string | null }>`select count(*)::int as n, to_char(min(received_on), 'YYYY-MM-DD') as oldest
      from personnel.clues where tenant_id = ${ctx.tenant.id} and status in ('accepted', 'verifying', 'filed', 'investigating', 'reviewing')`.execute(ctx.db);
    items.push({ key: 'clues-open', label: todoLabels.cluesOpen, count: r.rows[0]!.n, link: '/personnel/clues?open=1', oldest: r.rows[0]!.oldest });
  }
  if (ctx.can('personnel.conduct_report')) {
    const month = previousMonth(today);
    const r = await sql`select 1 from personnel.conduct_reports where tenant_id = ${ctx.tenant.id} and unit_id = ${ctx.user.orgId} and month = ${month}`.execute(ctx.db);
    items.push({ key: 'conduct-report', label: todoLabels.monthlyReportDue(month), count: r.rows.length ? 0 : 1, link: `/personnel/conduct/report?month=${month}`, oldest: null });
  }
  return items;
}
