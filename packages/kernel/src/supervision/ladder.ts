// The escalating ladder of supervision instruments, lowest first.
import type { InstrumentKind } from '../db/schema.js';

export const instrumentLadder: readonly InstrumentKind[] = ['warning', 'guidance', 'correction', 'removal_proposal', 'discipline_transfer', 'judicial_transfer'];

/** The next instrument up the ladder, or null at the top. */
export function nextInstrument(kind: InstrumentKind): InstrumentKind | null {
  const i = instrumentLadder.indexOf(kind);
  return instrumentLadder[i + 1] ?? null;
}
