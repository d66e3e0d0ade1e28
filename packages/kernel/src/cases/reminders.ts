// The cadence sweep: raises one in-app reminder per due point (dispatch date, report date,
// deadline) and recipient (the lead leader and the lead unit's liaisons). The primary key
// of kernel.reminders makes it exactly-once however many sweepers run; the sweep reads
// only open cases that are due (partial indexes on the due dates), so it grows with the
// number of cases due, not the number stored.
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { caseStrings as s } from '../strings.js';
import { chinaDate } from './dates.js';
import { openStatuses } from './lifecycle.js';
import { userHolds } from './service.js';

type DueKind = 'dispatch' | 'report' | 'deadline';

const columns: Record<DueKind, 'next_dispatch_on' | 'next_report_on' | 'deadline'> = {
  dispatch: 'next_dispatch_on',
  report: 'next_report_on',
  deadline: 'deadline',
};

export interface SweepReport {
  due: number;
  raised: number;
}

export async function sweepReminders(db: Kysely<any>, today = chinaDate(), batch = 2000): Promise<SweepReport> {
  const k = db as unknown as Kysely<KernelDatabase>;
  const report: SweepReport = { due: 0, raised: 0 };
  for (const kind of Object.keys(columns) as DueKind[]) {
    const col = columns[kind];
    let after: { tenantId: string; id: string } | null = null;
    for (;;) {
      let q = k
        .selectFrom('kernel.cases as c')
        .select(['c.tenant_id', 'c.id', 'c.doc_no', 'c.lead_leader_id', 'c.lead_unit_id', `c.${col} as due_on`])
        .where('c.status', 'in', openStatuses)
        .where(`c.${col}`, '<=', today)
        // Due points already raised are skipped here, so the sweep the server repeats every
        // minute reads the index of reminders instead of re-inserting (and re-checking) every
        // recipient's row; the insert's conflict check still makes a race raise nothing twice.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('kernel.reminders as r')
                .select(sql`1`.as('one'))
                .whereRef('r.tenant_id', '=', 'c.tenant_id')
                .whereRef('r.case_id', '=', 'c.id')
                .where('r.due_kind', '=', kind)
                .whereRef('r.due_on', '=', `c.${col}`),
            ),
          ),
        );
      if (after) {
        const a: { tenantId: string; id: string } = after;
        q = q.where(sql<boolean>`(c.tenant_id, c.id) > (${a.tenantId}, ${a.id}::uuid)`);
      }
      const due = await q.orderBy('c.tenant_id').orderBy('c.id').limit(batch).execute();
      if (due.length === 0) break;
      after = { tenantId: due.at(-1)!.tenant_id, id: due.at(-1)!.id };
      report.due += due.length;
      await k.transaction().execute(async (trx) => {
        const unitIds = [...new Set(due.map((d) => d.lead_unit_id).filter((x): x is string => Boolean(x)))];
        const liaisons = unitIds.length
          ? await trx
              .selectFrom('kernel.users as u')
              .select(['u.tenant_id', 'u.id', 'u.org_id'])
              .where('u.org_id', 'in', unitIds)
              .where('u.disabled', '=', false)
              .where(userHolds('cases.handle'))
              .execute()
          : [];
        const rows: { tenant_id: string; case_id: string; due_kind: string; due_on: string; user_id: string }[] = [];
        for (const d of due) {
          const recipients = new Set<string>();
          if (d.lead_leader_id) recipients.add(d.lead_leader_id);
          for (const l of liaisons) if (l.tenant_id === d.tenant_id && l.org_id === d.lead_unit_id) recipients.add(l.id);
          for (const user_id of recipients) rows.push({ tenant_id: d.tenant_id, case_id: d.id, due_kind: kind, due_on: d.due_on as string, user_id });
        }
        if (rows.length === 0) return;
        // Rows go as one array per column (insert … select from unnest): a batch of
        // thousands is one small statement instead of a VALUES list of tens of thousands
        // of parameters to serialise and parse.
        const raised = (
          await sql<{ tenant_id: string; case_id: string; due_on: string; user_id: string }>`
            insert into kernel.reminders (tenant_id, case_id, due_kind, due_on, user_id)
            select * from unnest(${rows.map((r) => r.tenant_id)}::text[], ${rows.map((r) => r.case_id)}::uuid[], ${rows.map((r) => r.due_kind)}::text[],
              ${rows.map((r) => r.due_on)}::date[], ${rows.map((r) => r.user_id)}::uuid[])
            on conflict do nothing
            returning tenant_id, case_id, to_char(due_on, 'YYYY-MM-DD') as due_on, user_id`.execute(trx)
        ).rows;
        if (raised.length === 0) return;
        const docNo = new Map(due.map((d) => [d.id, d.doc_no]));
        const title = { dispatch: s.reminderDispatch, report: s.reminderReport, deadline: s.reminderDeadline }[kind];
        await sql`
          insert into kernel.notifications (tenant_id, user_id, title, link, case_id)
          select * from unnest(${raised.map((r) => r.tenant_id)}::text[], ${raised.map((r) => r.user_id)}::uuid[],
            ${raised.map((r) => title(docNo.get(r.case_id)!, r.due_on))}::text[], ${raised.map((r) => `/cases/${r.case_id}`)}::text[], ${raised.map((r) => r.case_id)}::uuid[])`.execute(trx);
        report.raised += raised.length;
      });
      if (due.length < batch) break;
    }
  }
  await sweepClocks(k, today, batch, report);
  return report;
}

/** Statutory clocks (kernel.case_clocks) that are due: one reminder per clock and recipient. */
async function sweepClocks(k: Kysely<KernelDatabase>, today: string, batch: number, report: SweepReport): Promise<void> {
  let after: string | null = null;
  for (;;) {
    let q = k
      .selectFrom('kernel.case_clocks as t')
      .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.case_id'))
      .select(['t.tenant_id', 't.id as clock_id', 't.key', 't.name', 't.due_on', 'c.id', 'c.doc_no', 'c.lead_leader_id', 'c.lead_unit_id', 'c.registered_by'])
      .where('t.stopped_on', 'is', null)
      .where('t.due_on', '<=', today);
    if (after) q = q.where('t.id', '>', after);
    const due = await q.orderBy('t.id').limit(batch).execute();
    if (due.length === 0) return;
    after = due.at(-1)!.clock_id;
    report.due += due.length;
    await k.transaction().execute(async (trx) => {
      const rows = due.flatMap((d) =>
        [...new Set([d.lead_leader_id, d.registered_by].filter((x): x is string => Boolean(x)))].map((user_id) => ({
          tenant_id: d.tenant_id,
          case_id: d.id,
          due_kind: `clock:${d.key}`,
          due_on: d.due_on!,
          user_id,
        })),
      );
      if (rows.length === 0) return;
      const raised = await trx.insertInto('kernel.reminders').values(rows).onConflict((oc) => oc.doNothing()).returning(['tenant_id', 'case_id', 'due_kind', 'due_on', 'user_id']).execute();
      if (raised.length === 0) return;
      const byCase = new Map(due.map((d) => [`${d.id}:clock:${d.key}`, d]));
      await trx
        .insertInto('kernel.notifications')
        .values(
          raised.map((r) => {
            const d = byCase.get(`${r.case_id}:${r.due_kind}`)!;
            return { tenant_id: r.tenant_id, user_id: r.user_id, title: s.reminderClock(d.doc_no, d.name, r.due_on), link: `/cases/${r.case_id}`, case_id: r.case_id };
          }),
        )
        .execute();
      report.raised += raised.length;
    });
    if (due.length < batch) return;
  }
}
