// The columns of an imported ledger: one definition, used by the check, the template and
// (through `imports.columns`) the console's column-mapping boxes. Each field has the
// template's header and the other headers county ledgers use for it (联系电话 for 电话,
// 人次 for 人数, 信访内容 for 内容 …), recognised without the officer mapping them.
import { importStrings as s } from '../strings.js';

export const importFields = [
  'receivedOn',
  'channel',
  'personCount',
  'name',
  'idNumber',
  'phone',
  'address',
  'involvedOrg',
  'category',
  'content',
  'demands',
  'stopped',
  'outcome',
  'outcomeOn',
] as const;
export type ImportField = (typeof importFields)[number];
export const requiredFields: readonly ImportField[] = ['receivedOn', 'channel', 'name', 'category', 'content'];

/** What the officer may say about a column: its header, or null to leave an optional field out. */
export type MappingInput = Partial<Record<ImportField, string | null>>;

/** Field → column number (1-based) and that column's header as the sheet spells it. */
export type ResolvedColumns = Partial<Record<ImportField, { col: number; header: string }>>;

/** A header as compared: NFKC, no spaces, no trailing colon or asterisk, no trailing （…） note. */
export function headerKey(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*:]+$/g, '')
    .replace(/\([^()]*\)$/g, '')
    .replace(/[*:]+$/g, '');
}

/** Every header recognised for a field, the template's first. */
export function headersOf(field: ImportField): readonly string[] {
  return [s.fields[field], ...s.synonyms[field]];
}

/** The definition the console shows: each field's template header, its other names, whether it is required. */
export function columnDefinitions() {
  return importFields.map((field) => ({ field, header: s.fields[field], synonyms: [...s.synonyms[field]], required: requiredFields.includes(field) }));
}

export interface Resolution {
  columns: ResolvedColumns;
  /** Required fields with no column (by their template header). */
  missing: string[];
  /** Problems with what the officer mapped (a header not in the row). */
  errors: string[];
}

/**
 * Matches a header row to the fields: the officer's mapping first, then the required
 * fields, then the optional ones, each by its recognised headers in order; a column
 * serves one field only.
 */
export function resolveColumns(header: Map<number, string>, given: MappingInput | undefined): Resolution {
  const byKey = new Map<string, number>();
  for (const [col, text] of header) {
    const key = headerKey(text);
    if (key && !byKey.has(key)) byKey.set(key, col);
  }
  const taken = new Set<number>();
  const columns: ResolvedColumns = {};
  const errors: string[] = [];
  const take = (field: ImportField, col: number) => {
    taken.add(col);
    columns[field] = { col, header: header.get(col)!.trim() };
  };
  const explicit = new Set<ImportField>();
  for (const field of importFields) {
    if (!given || !(field in given)) continue;
    explicit.add(field);
    const wanted = given[field];
    if (!wanted) continue;
    const col = byKey.get(headerKey(wanted));
    if (col === undefined) errors.push(s.headerNotFound(wanted));
    else if (taken.has(col)) errors.push(s.headerTwice(wanted));
    else take(field, col);
  }
  const optional = importFields.filter((f) => !requiredFields.includes(f));
  for (const field of [...requiredFields, ...optional]) {
    if (explicit.has(field)) continue;
    for (const h of headersOf(field)) {
      const col = byKey.get(headerKey(h));
      if (col !== undefined && !taken.has(col)) {
        take(field, col);
        break;
      }
    }
  }
  const missing = requiredFields.filter((f) => !columns[f]).map((f) => (given?.[f] ? given[f]! : s.fields[f]));
  return { columns, missing, errors };
}
