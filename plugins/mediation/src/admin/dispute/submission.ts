// Reading the dispute page's forms back in its action: repeated fields (the parties who
// consented or signed, the agreement's obligation rows) as the procedures' inputs, and the
// user's input kept for the form when the server refuses it.
import { form } from '@zhengfa/ui';

/** What the user submitted, each field with all its values, to fill the form again after a refusal. */
export type KeptValues = Record<string, string[]>;

export function keptValues(fd: FormData): KeptValues {
  const out: KeptValues = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== 'string' || k === 'intent' || k === 'version') continue;
    (out[k] ??= []).push(v);
  }
  return out;
}

/** A number field: blank is null, anything else the number it reads as (NaN lets the server name the field). */
export function optionalNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  return Number(value.trim().replace(/,/g, ''));
}

export interface ObligationInput {
  obligorPartyId: string;
  content: string;
  amount: number | null;
  dueOn: string;
}

/**
 * The agreement's obligation rows (fields repeated in row order: obligor, content, amount,
 * dueOn). A row left wholly blank is no obligation; a row partly filled goes to the server,
 * which names the missing field.
 */
export function readObligations(fd: FormData): ObligationInput[] {
  const cols = ['obligor', 'content', 'amount', 'dueOn'].map((k) => fd.getAll(k).map((v) => (typeof v === 'string' ? v : '')));
  const [obligors = [], contents = [], amounts = [], dues = []] = cols;
  const n = Math.max(...cols.map((c) => c.length));
  const rows: ObligationInput[] = [];
  for (let i = 0; i < n; i++) {
    const content = (contents[i] ?? '').trim();
    const amount = amounts[i] ?? '';
    const dueOn = dues[i] ?? '';
    if (!content && !amount.trim() && !dueOn) continue;
    rows.push({ obligorPartyId: obligors[i] ?? '', content, amount: optionalNumber(amount), dueOn });
  }
  return rows;
}

/** Each checked party with the one date of the form (consent or signature). */
export function partiesOn<K extends string>(fd: FormData, partiesField: string, dateField: string, key: K): ({ partyId: string } & Record<K, string>)[] {
  const on = form.str(fd, dateField);
  return form.list(fd, partiesField).map((partyId) => ({ partyId, [key]: on }) as { partyId: string } & Record<K, string>);
}

/** An extension by days or to a new date: whichever the user filled. */
export function readExtension(fd: FormData): { newDueOn: string | null; days: number | null } {
  const newDueOn = form.optStr(fd, 'newDueOn') ?? null;
  const days = form.optStr(fd, 'days');
  return { newDueOn, days: days === undefined ? null : Number(days) };
}
