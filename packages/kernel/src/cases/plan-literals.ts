// Values from the kernel's own closed sets (statuses, urgencies) and today's date, spelled
// as SQL literals rather than parameters.
//
// PGlite prepares every statement, and a prepared statement is planned either for its
// parameters each run (custom) or once for any parameters (generic). Given `status in ($2)`
// the generic plan cannot know which statuses, so the planner prices it above the custom
// one and re-plans the ledger page on every request; on the bench's 100k-matter PGlite the
// planning cost more than the execution. With the statuses in the text each filter gets a
// plan of its own that is reused. The sets are small and fixed (one text per filter
// combination the console offers), and every value is checked against its set before it
// is written into SQL (Kysely quotes literals as well).
import { sql, type RawBuilder } from 'kysely';
import { urgencies } from '../cadence/cadence.js';
import { caseStatuses } from './lifecycle.js';

function literalList(values: readonly string[], allowed: readonly string[], what: string): RawBuilder<unknown> {
  for (const v of values) if (!allowed.includes(v)) throw new Error(`not ${what}: ${v}`);
  return sql.join(values.map((v) => sql.lit(v)));
}

/** `'assigned', 'in_progress'` for an `in (…)` list; throws on anything but a case status. */
export function statusLiterals(values: readonly string[]): RawBuilder<unknown> {
  return literalList(values, caseStatuses, 'a case status');
}

/** `'urgent', 'critical'`; throws on anything but an urgency class. */
export function urgencyLiterals(values: readonly string[]): RawBuilder<unknown> {
  return literalList(values, urgencies, 'an urgency class');
}

/** A calendar day (`YYYY-MM-DD`, as chinaDate() gives it) as a date literal. */
export function dateLiteral(day: string): RawBuilder<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a calendar day: ${day}`);
  return sql<string>`${sql.lit(day)}::date`;
}
