// What other plugins may depend on: this plugin's id, its case kind and the events it emits
// (names and payload schemas). Nothing else of this package is a public API.
// Browser-safe: zod and types only.
import { z } from 'zod';
import type { EventCatalog } from '@zhengfa/plugin-api';

// The ids live in ids.ts, which the console imports: building zod object schemas in the browser
// makes zod probe for eval (new Function), which the console's Content-Security-Policy refuses.
export { DISPUTE_CASE_KIND, MEDIATION_PLUGIN_ID } from './ids.js';

export const mediationEvents = {
  escalated: 'mediation.dispute.escalated',
  settled: 'mediation.dispute.settled',
  performed: 'mediation.dispute.performed',
} as const;

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The payload schemas of the events above, by name: the plugin declares them in `definePlugin({ events })`. */
export const mediationEventSchemas = {
  /**
   * A high-risk dispute in mediation was escalated to a kernel case (矛盾纠纷) with its four
   * fixes; the center's mediation of it ends there.
   */
  [mediationEvents.escalated]: z.strictObject({
    disputeId: id,
    code: id,
    caseId: id,
    docNo: id,
    leadUnitId: id,
  }),
  /**
   * The parties reached an agreement (调解协议). `petitionRef`: the petitions matter the
   * dispute was referred from (访调对接), null for a dispute of any other source.
   */
  [mediationEvents.settled]: z.strictObject({ disputeId: id, code: z.string(), petitionRef: id.nullable(), settledOn: isoDate }),
  /** The agreement was found performed at the follow-up (履行回访). */
  [mediationEvents.performed]: z.strictObject({ disputeId: id, code: z.string(), petitionRef: id.nullable(), performedOn: isoDate }),
} as const satisfies EventCatalog;

export type DisputeEscalatedEvent = z.infer<(typeof mediationEventSchemas)['mediation.dispute.escalated']>;
export type DisputeSettledEvent = z.infer<(typeof mediationEventSchemas)['mediation.dispute.settled']>;
export type DisputePerformedEvent = z.infer<(typeof mediationEventSchemas)['mediation.dispute.performed']>;
