// The mediation plugin's id and case kind: browser-safe constants without zod, for the console
// entry (src/admin) and the server alike; ./contract re-exports them with the event catalog.
export const MEDIATION_PLUGIN_ID = 'mediation';
/** The kernel case a high-risk dispute is escalated to (矛盾纠纷, 示政法调〔2026〕1号). */
export const DISPUTE_CASE_KIND = 'dispute';
