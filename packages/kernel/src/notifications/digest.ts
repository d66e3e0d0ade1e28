// 每日摘要: what reached the user on one China day, grouped by what it is about (cases,
// instruments, meetings), with how many are still unread. The console's digest page shows
// it beside what still waits (workbench.kernelTodos).
import type { AuthedContext } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import { chinaDate } from '../cases/dates.js';
import type { KernelDatabase } from '../db/schema.js';
import { notificationStrings as s } from '../strings.js';

type GroupKey = 'cases' | 'instruments' | 'meetings' | 'other';

export function groupOf(link: string | null): GroupKey {
  if (link?.startsWith('/cases/')) return 'cases';
  if (link?.startsWith('/supervision/instruments/')) return 'instruments';
  if (link?.startsWith('/supervision/meetings/')) return 'meetings';
  return 'other';
}

/** The day before and after a China day ('YYYY-MM-DD'), as the digest pages through days. */
export function nextDay(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

export async function dailyDigest(ctx: AuthedContext, day?: string) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const today = chinaDate(ctx.now());
  const on = day ?? today;
  const rows = await db
    .selectFrom('kernel.notifications')
    .select(['id', 'title', 'link', 'created_at', 'read_at'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('user_id', '=', ctx.user.id)
    .where('created_at', '>=', new Date(`${on}T00:00:00+08:00`))
    .where('created_at', '<', new Date(`${nextDay(on, 1)}T00:00:00+08:00`))
    .orderBy('created_at', 'asc')
    .limit(500)
    .execute();
  const order: GroupKey[] = ['cases', 'instruments', 'meetings', 'other'];
  const groups = order
    .map((key) => {
      const items = rows.filter((r) => groupOf(r.link) === key).map((r) => ({ id: r.id, title: r.title, link: r.link, createdAt: r.created_at, read: r.read_at !== null }));
      return { key, label: s.digestGroups[key], count: items.length, unread: items.filter((i) => !i.read).length, items };
    })
    .filter((g) => g.count > 0);
  return {
    day: on,
    previousDay: nextDay(on, -1),
    nextDay: on < today ? nextDay(on, 1) : null,
    total: rows.length,
    unread: rows.filter((r) => r.read_at === null).length,
    groups,
  };
}
