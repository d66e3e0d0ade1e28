// A case party's ID number and phone as stored (sealed, with blind indexes) and as read.
import type { Vault } from '@zhengfa/plugin-api';
import { normalizeIdNumberForIndex, normalizePhoneForIndex } from './sealed-columns.js';

export interface SealedIdentifiers {
  id_number: string | null;
  id_number_index: string | null;
  phone: string | null;
  phone_index: string | null;
}

export function sealIdentifiers(vault: Vault, idNumber: string | null | undefined, phone: string | null | undefined): SealedIdentifiers {
  const id = idNumber ? normalizeIdNumberForIndex(idNumber) : null;
  const ph = phone || null;
  return {
    id_number: id ? vault.seal(id) : null,
    id_number_index: id ? vault.index('id_number', id) : null,
    phone: ph ? vault.seal(ph) : null,
    phone_index: ph ? vault.index('phone', normalizePhoneForIndex(ph)) : null,
  };
}

/** Opens a row's sealed ID number and phone (nulls stay null). */
export function openIdentifiers<T extends { id_number: string | null; phone: string | null }>(vault: Vault, row: T): T {
  return { ...row, id_number: row.id_number === null ? null : vault.open(row.id_number), phone: row.phone === null ? null : vault.open(row.phone) };
}
