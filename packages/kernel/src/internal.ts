// @zhengfa/kernel/internal: the kernel's internals that the benchmarks (tooling/bench) drive
// directly — the reminder sweep, the search grams and planner caps, the tallies, numbering and
// the audit append. Not part of the plugin or server API: plugins reach the kernel through
// ctx.kernel, the server through the main entry; these may change in any release.
export { appendAudit } from './audit/audit-log.js';
export { hashPassword } from './auth/password.js';
export { dueCases, dueKeys, sweepReminders, SWEEP_CHANGE_MARGIN_MS, SWEEP_KEYS_PER_READ, type SweepSince } from './cases/reminders.js';
export { compactCaseTallies, rebuildCaseTallies } from './cases/tallies.js';
export { caseDashboardSql } from './cases/dashboard.js';
export { documentGrams, gramsAreExact, queryGrams, substringOperator, tenantGrams } from './cases/search-grams.js';
export { isBroadTerm, isNarrowScope, LEDGER_COUNT_CAP, SEARCH_COUNT_CAP, PLANNER_COUNT_TTL_MS } from './cases/queries.js';
export { formatDocNumber } from './cases/numbering.js';
export { pendingEventsQuery } from './events/outbox.js';
