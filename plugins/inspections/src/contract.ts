// What other plugins may depend on: this plugin's id, its case kinds and the events it emits
// (names and payload schemas). Nothing else of this package is a public API.
// Browser-safe: zod and types only.
import { z } from 'zod';
import type { EventCatalog } from '@zhengfa/plugin-api';

// The ids live in ids.ts, which the console imports: building zod object schemas in the browser
// makes zod probe for eval (new Function), which the console's Content-Security-Policy refuses.
export { INSPECTIONS_PLUGIN_ID, RECHECK_CASE_KIND, RECTIFICATION_CASE_KIND } from './ids.js';

export const inspectionsEvents = {
  findingAttributed: 'inspections.finding.attributed',
} as const;

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The payload schemas of the events above, by name: the plugin declares them in `definePlugin({ events })`. */
export const inspectionsEventSchemas = {
  /**
   * A problem found on a reviewed file was attributed to a named officer (for the personnel
   * plugin's records of law-enforcement conduct). Consumers show it only to users allowed to
   * see personnel matters.
   */
  [inspectionsEvents.findingAttributed]: z.strictObject({
    findingId: id,
    campaignId: id,
    unitId: id,
    officerName: id,
    officerNo: id.optional(),
    defectType: id,
    severity: z.enum(['general', 'serious']),
    foundOn: isoDate,
  }),
} as const satisfies EventCatalog;

export type FindingAttributedEvent = z.infer<(typeof inspectionsEventSchemas)[typeof inspectionsEvents.findingAttributed]>;
