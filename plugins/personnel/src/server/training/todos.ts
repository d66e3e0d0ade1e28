// The workbench's to-dos of training: the sessions held today that the user organises or
// attends to (personnel.training, within scope), and — from 30 June — at the latest checkpoint
// passed, the units with officers behind (the committee) or the unit's own officers behind.
import { chinaDay, sql, type AuthedContext, type TodoItem } from '@zhengfa/plugin-api';
import { unitScope } from '../scope.js';
import { todoStrings as s } from '../strings.js';
import { behindSchedule, latestCheckpoint } from './progress.js';
import { courseVisible } from './sessions.js';

export async function trainingTodos(ctx: AuthedContext): Promise<TodoItem[]> {
  if (!ctx.can('personnel.training')) return [];
  const scope = await unitScope(ctx);
  const today = chinaDay(ctx.now());
  const items: TodoItem[] = [];
  const r = await sql<{ n: number }>`select count(*)::int as n
    from personnel.training_sessions s join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
    where s.tenant_id = ${ctx.tenant.id} and s.held_on = ${today}::date and ${courseVisible(scope)}`.execute(ctx.db);
  items.push({ key: 'sessions-today', label: s.sessionsToday, count: r.rows[0]!.n, link: `/personnel/training/sessions?from=${today}&to=${today}`, oldest: today });
  const year = Number(today.slice(0, 4));
  const checkpoint = latestCheckpoint(year, today);
  if (checkpoint) {
    // The committee sees the units behind; a unit its own officers behind (the reminder to the unit).
    const behind = await behindSchedule(ctx, { year, checkpoint }, ctx.db, scope);
    const link = `/personnel/training/behind?year=${year}&checkpoint=${checkpoint}`;
    if (ctx.user.committee) items.push({ key: 'units-behind', label: s.unitsBehind, count: behind.units.length, link });
    else items.push({ key: 'officers-behind', label: s.officersBehind, count: behind.officers.length, link });
  }
  return items;
}
