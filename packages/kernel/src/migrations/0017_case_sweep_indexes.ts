// The reminder sweep the server runs every minute reads only what may have fallen due since
// the last complete sweep (cases/reminders.ts, `SweepSince`): open cases whose due date
// passed since then, and open cases changed since then (a new due date, a reopened case, a
// registration). Both need an index of open cases: the deadline by itself (the dispatch and
// report dates have theirs since 0002), and the time of the last change. Without them the
// sweep re-read every open case still due, reminded or not, every minute: at a million
// matters 54,867 cases and 13,000 table pages, about 0.7 s of the database on up to three
// processes, during which every request on a two-core host waited.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_deadline_due_idx on kernel.cases (deadline) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
  await sql`create index cases_open_changed_idx on kernel.cases (updated_at) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
}
