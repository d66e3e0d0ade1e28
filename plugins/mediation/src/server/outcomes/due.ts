// What is due on agreed disputes, as one set of conditions for the to-dos and the list their
// links open: judicial confirmation periods ending within 7 days (not yet applied for), those
// that ended without an application, and obligations due (today or earlier) not yet found
// fully performed by a return visit.
import { sql } from '@zhengfa/plugin-api';
import { addDays } from './dates.js';

export const dueFilters = ['confirmation', 'confirmation-overdue', 'follow-up'] as const;
export type DueFilter = (typeof dueFilters)[number];

/** Days ahead a confirmation period's end shows as a to-do. */
export const CONFIRMATION_WARNING_DAYS = 7;

/** The condition on the dispute `d` (mediation.disputes) for `filter` on `today`. */
export function dueCondition(filter: DueFilter, today: string) {
  switch (filter) {
    case 'confirmation':
      return sql`(d.status = 'agreed' and exists (select 1 from mediation.agreements a where a.tenant_id = d.tenant_id and a.dispute_id = d.id
        and a.applied_on is null and a.confirmation_due_on between ${today} and ${addDays(today, CONFIRMATION_WARNING_DAYS)}))`;
    case 'confirmation-overdue':
      return sql`(d.status = 'agreed' and exists (select 1 from mediation.agreements a where a.tenant_id = d.tenant_id and a.dispute_id = d.id
        and a.applied_on is null and a.confirmation_due_on < ${today}))`;
    case 'follow-up':
      return sql`(d.status = 'agreed' and exists (select 1 from mediation.obligations o where o.tenant_id = d.tenant_id and o.dispute_id = d.id
        and o.performance <> 'full' and o.due_on <= ${today}))`;
  }
}
