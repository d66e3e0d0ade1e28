// The petitions plugin's id and case kind: browser-safe constants without zod, for the console
// entry (src/admin) and the server alike; ./contract re-exports them with the event catalog.
export const PETITIONS_PLUGIN_ID = 'petitions';
export const PETITION_CASE_KIND = 'petition';
