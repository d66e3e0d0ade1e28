// The inspections plugin's id and case kinds: browser-safe constants without zod, for the
// console entry (src/admin) and the server alike; ./contract re-exports them with the events.
export const INSPECTIONS_PLUGIN_ID = 'inspections';
/** The kernel matter an overdue rectification becomes (整改督办, 示政法改〔2026〕1号). */
export const RECTIFICATION_CASE_KIND = 'rectification';
/** The kernel matter a wrongly handled case is sent to for re-examination (督促复查). */
export const RECHECK_CASE_KIND = 'inspection_recheck';
