// What other plugins may depend on: the petitions plugin's id, its case kind and the
// events it emits. Nothing else of this package is a public API.
export const PETITIONS_PLUGIN_ID = 'petitions';
export const PETITION_CASE_KIND = 'petition';

export const petitionEvents = {
  registered: 'petitions.registered',
  routed: 'petitions.routed',
  concluded: 'petitions.concluded',
} as const;

export type PetitionOutcome = 'resolved' | 'stopped' | 'concluded' | 'written_off';

export interface PetitionConcludedEvent {
  matterId: string;
  caseId: string;
  outcome: PetitionOutcome;
}
