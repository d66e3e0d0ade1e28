// The workbench's to-dos: a unit's liaison rectifies its problems (due, or returned by the
// re-check); the committee re-checks reports, sends overdue problems to supervision (or sets the
// four fixes of the matter the overdue job registered) and
// decides objections. Counted in SQL within the user's scope.
import { chinaDay, sql, type AuthedContext, type TodoItem } from '@zhengfa/plugin-api';
import { scopeOrgIds } from '../scope.js';
import { strings as s } from '../strings.js';
import { overdueSql } from './service.js';

const LIST = '/inspections';

interface Count {
  count: number;
  oldest: string | null;
}

export async function inspectionsTodos(ctx: AuthedContext): Promise<TodoItem[]> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const items: TodoItem[] = [];
  const push = (key: string, label: string, c: Count | undefined) => {
    if (c && c.count > 0) items.push({ key, label, count: c.count, link: LIST, ...(c.oldest ? { oldest: c.oldest } : {}) });
  };
  if (ctx.user.committee && ctx.can('inspections.manage')) {
    const r = await sql<{ recheck: number; recheckOldest: string | null; overdue: number; overdueOldest: string | null; objections: number; objectionsOldest: string | null }>`select
        (select count(*)::int from inspections.findings fi where fi.tenant_id = ${tenantId} and fi.status = 'reported') as recheck,
        (select to_char(min(fi.found_on), 'YYYY-MM-DD') from inspections.findings fi where fi.tenant_id = ${tenantId} and fi.status = 'reported') as "recheckOldest",
        (select count(*)::int from inspections.findings fi where fi.tenant_id = ${tenantId} and not fi.kernel_four_fixes and ${overdueSql(today)}) as overdue,
        (select to_char(min(fi.deadline), 'YYYY-MM-DD') from inspections.findings fi where fi.tenant_id = ${tenantId} and not fi.kernel_four_fixes and ${overdueSql(today)}) as "overdueOldest",
        (select count(*)::int from inspections.objections o where o.tenant_id = ${tenantId} and o.status = 'pending') as objections,
        (select to_char(min(o.filed_on), 'YYYY-MM-DD') from inspections.objections o where o.tenant_id = ${tenantId} and o.status = 'pending') as "objectionsOldest"`.execute(ctx.db);
    const row = r.rows[0]!;
    push('recheck', s.todos.recheck, { count: row.recheck, oldest: row.recheckOldest });
    push('overdue', s.todos.overdue, { count: row.overdue, oldest: row.overdueOldest });
    push('objections', s.todos.objections, { count: row.objections, oldest: row.objectionsOldest });
  } else if (!ctx.user.committee && ctx.can('inspections.unit')) {
    const scope = await scopeOrgIds(ctx);
    const r = await sql<{ status: string; count: number; oldest: string | null }>`select fi.status, count(*)::int as count, to_char(min(fi.deadline), 'YYYY-MM-DD') as oldest
      from inspections.findings fi
      where fi.tenant_id = ${tenantId} and fi.status in ('open', 'returned') and fi.unit_id = any(${sql.val(scope)}::uuid[])
      group by fi.status`.execute(ctx.db);
    push('rectify', s.todos.rectify, r.rows.find((x) => x.status === 'open'));
    push('returned', s.todos.returned, r.rows.find((x) => x.status === 'returned'));
  }
  return items;
}
