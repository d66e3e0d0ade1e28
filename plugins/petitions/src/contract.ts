// What other plugins may depend on: the petitions plugin's id, its case kind and the
// events it emits (names and payload schemas). Nothing else of this package is a public API.
// Browser-safe: zod only, and types from the plugin API.
import { z } from 'zod';
import type { EventCatalog } from '@zhengfa/plugin-api';

// The ids live in ids.ts, which the console imports: building zod object schemas in the browser
// makes zod probe for eval (new Function), which the console's Content-Security-Policy refuses.
export { PETITION_CASE_KIND, PETITIONS_PLUGIN_ID } from './ids.js';

export const petitionEvents = {
  registered: 'petitions.registered',
  routed: 'petitions.routed',
  concluded: 'petitions.concluded',
  referredToMediation: 'petitions.referred_to_mediation',
} as const;

export type PetitionOutcome = 'resolved' | 'stopped' | 'concluded' | 'written_off';

const id = z.string().min(1);

/** The payload schemas of the events above, by name: the plugin declares them in `definePlugin({ events })`. */
export const petitionEventSchemas = {
  /** A letter or visit was registered: a new matter, or a repeat visit on an open one (`repeat`). */
  [petitionEvents.registered]: z.strictObject({
    matterId: id,
    caseId: id,
    visitId: id,
    repeat: z.boolean(),
    channel: z.string(),
    personCount: z.number().int().positive(),
  }),
  /** The petition office routed the matter to its lead unit. */
  [petitionEvents.routed]: z.strictObject({ matterId: id, caseId: id, leadUnitId: id.nullable() }),
  /** The matter was concluded with an outcome. */
  [petitionEvents.concluded]: z.strictObject({
    matterId: id,
    caseId: id,
    outcome: z.enum(['resolved', 'stopped', 'concluded', 'written_off']),
  }),
  /**
   * With the petitioner's consent, the petition office referred the matter to the joint
   * mediation center (访调对接). Only what the dispute needs travels (the outbox keeps the
   * payload): the matter's number and summary, and each petitioner's name and phone — the
   * phone still sealed by the kernel's vault (an envelope `zv1.…`), never in clear; no ID
   * numbers, no addresses. Never sent for an accusation (检举控告).
   */
  [petitionEvents.referredToMediation]: z.strictObject({
    matterId: id,
    petitionNo: z.string(),
    receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    summary: z.string().min(1),
    personCount: z.number().int().positive(),
    petitioners: z.array(z.strictObject({ name: z.string().min(1), sealedPhone: z.string().startsWith('zv1.').nullable() })).min(1),
    consent: z.literal(true),
  }),
} as const satisfies EventCatalog;

export type PetitionRegisteredEvent = z.infer<(typeof petitionEventSchemas)['petitions.registered']>;
export type PetitionRoutedEvent = z.infer<(typeof petitionEventSchemas)['petitions.routed']>;
export type PetitionConcludedEvent = z.infer<(typeof petitionEventSchemas)['petitions.concluded']>;
export type PetitionReferredToMediationEvent = z.infer<(typeof petitionEventSchemas)['petitions.referred_to_mediation']>;
