// The columns of an imported roster: each field's template header and the other headers
// rosters use for it (身份证号码 for 身份证号, 参工时间 for 参加工作时间 …).
import { importStrings as s } from '../../strings.js';

export const importFields = ['name', 'officerNo', 'unit', 'gender', 'idNumber', 'phone', 'post', 'rank', 'isLeader', 'isPartyMember', 'status', 'joinedOn'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredFields: readonly ImportField[] = ['name', 'officerNo', 'unit'];

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

function headersOf(field: ImportField): string[] {
  return [s.fields[field], ...s.synonyms[field]].map(headerKey);
}

/** The header row's columns by field (a column serves one field); missing required fields by their template header. */
export function resolveColumns(header: Map<number, string>): { columns: ResolvedColumns; missing: string[] } {
  const byKey = new Map<string, number>();
  for (const [col, text] of header) {
    const key = headerKey(text);
    if (key && !byKey.has(key)) byKey.set(key, col);
  }
  const taken = new Set<number>();
  const columns: ResolvedColumns = {};
  for (const field of importFields) {
    for (const h of headersOf(field)) {
      const col = byKey.get(h);
      if (col !== undefined && !taken.has(col)) {
        taken.add(col);
        columns[field] = { col, header: header.get(col)!.trim() };
        break;
      }
    }
  }
  return { columns, missing: requiredFields.filter((f) => !columns[f]).map((f) => s.fields[f]) };
}

/** Whether a row of the sheet's top rows is the header: it names every required field. */
export function isHeader(header: Map<number, string>): boolean {
  return resolveColumns(header).missing.length === 0;
}
