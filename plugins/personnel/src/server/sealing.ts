// What this plugin stores sealed (等保 level 3, ctx.vault): an officer's ID number and phone,
// and the content of the discipline records (纪律作风) — a clue's summary, its steps' and
// closing notes, a sanction's reason, a 三个规定 record's content and an error-case
// accountability's finding, defence, decision and review. None of them is searched in SQL.
import type { SealedColumn, Vault } from '@zhengfa/plugin-api';

/** The discipline records' sealed text columns (migration 0005 seals what was written before). */
export const disciplineSealedColumns: SealedColumn[] = [
  { table: 'personnel.clues', column: 'summary' },
  { table: 'personnel.clues', column: 'closing_note' },
  { table: 'personnel.clue_steps', column: 'note' },
  { table: 'personnel.sanctions', column: 'reason' },
  { table: 'personnel.conduct_records', column: 'content' },
  { table: 'personnel.accountability', column: 'finding' },
  { table: 'personnel.accountability', column: 'defence' },
  { table: 'personnel.accountability', column: 'decision' },
  { table: 'personnel.accountability', column: 'review_request' },
  { table: 'personnel.accountability', column: 'review_note' },
];

export const personnelSealedColumns: SealedColumn[] = [
  { table: 'personnel.officers', column: 'id_number' },
  { table: 'personnel.officers', column: 'phone' },
  ...disciplineSealedColumns,
];

/** A text as stored (null stays null; an empty text is sealed like any other). */
export function sealText<T extends string | null>(vault: Vault, value: T): T {
  return (value === null ? null : vault.seal(value)) as T;
}

/** A stored text opened (null stays null). */
export function openText<T extends string | null>(vault: Vault, value: T): T {
  return (value === null ? null : vault.open(value)) as T;
}
