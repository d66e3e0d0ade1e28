// The rows of an imported roster: which are not officers at all (skipped: blank, 合计/小计,
// titles, notes under the table), which are officers already in the registry (skipped, by
// officer number), and for the others every problem (not only the first), each naming the
// row and the column in Chinese, so the file is fixed in one pass. An officer number typed
// twice in the file is reported on the second row.
import { importStrings as s } from '../../strings.js';
import { idNumberProblem, normalizeIdNumber, normalizePhone, phoneProblem } from '../../personal-data.js';
import type { Gender, OfficerFields, OfficerStatus } from '../service.js';
import { headerKey, importFields, type ImportField, type ResolvedColumns } from './columns.js';
import { parseRosterDate } from './dates.js';
import { splitSheetRows } from '@zhengfa/documents/sheets';
import type { CellValue, SheetRow } from './sheet.js';
import type { UnitIndex } from './units.js';

export interface DataRow {
  row: number;
  cells: Partial<Record<ImportField, CellValue>>;
}

export type SkipKind = keyof typeof s.skip;

export interface SkippedRow {
  row: number;
  /** The last row of a run of blank rows. */
  toRow?: number;
  kind: SkipKind;
}

export interface BadRow {
  row: number;
  /** Every problem, each as 第N行「列」：… */
  reasons: string[];
}

/** A unit name no unit, alias or short form answers, with the rows that write it: what may be mapped. */
export interface UnknownUnit {
  name: string;
  rows: number[];
}

export interface GoodRow {
  row: number;
  officer: OfficerFields;
}

export interface RowRules {
  columns: ResolvedColumns;
  units: UnitIndex;
  /** Whether the importer may register officers of a unit. */
  mayUseUnit: (unitId: string) => boolean;
  today: string;
}

/** Splits the rows under the header into data rows and skipped ones (blank runs, totals, notes, titles; @zhengfa/documents/sheets). */
export function splitRows(headerRow: number, rows: SheetRow[], columns: ResolvedColumns): { data: DataRow[]; skipped: SkippedRow[]; rowsRead: number } {
  return splitSheetRows(headerRow, rows, importFields, columns);
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return v.replace(/\s+/g, ' ').trim();
}
const ascii = (v: CellValue | undefined) => text(v).normalize('NFKC');
const word = (v: CellValue | undefined) => headerKey(text(v)).toUpperCase();

const YES_NO: Record<string, boolean> = {
  是: true, Y: true, YES: true, '√': true, TRUE: true, 领导: true, 领导干部: true, 党员: true, 中共党员: true, 预备党员: true, 中共预备党员: true,
  否: false, N: false, NO: false, '×': false, FALSE: false, 非领导: false, 群众: false, 共青团员: false, 团员: false, 民主党派: false, 无党派人士: false,
};
const GENDERS: Record<string, Gender> = { 男: 'male', 女: 'female' };
const STATUSES: Record<string, OfficerStatus> = { 在职: 'serving', 在岗: 'serving', 借调: 'seconded', 退休: 'retired', 调离: 'left', 离职: 'left', 辞职: 'left' };

/** An ID number Excel stored as a number keeps 15 significant digits: its last digits are gone. */
function idLostDigits(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Math.abs(v) >= 1e15;
  return typeof v === 'string' && /^\d(\.\d+)?E\+?\d+$/i.test(v.normalize('NFKC').trim());
}

/**
 * Checks the data rows in order. `seen` maps officer numbers met on earlier rows to their
 * row (so the second of two rows is the bad one); `existing` holds the registry's numbers.
 */
export function checkRows(
  data: DataRow[],
  rules: RowRules,
  existing: ReadonlySet<string>,
): { good: GoodRow[]; bad: BadRow[]; skipped: SkippedRow[]; unknownUnits: UnknownUnit[] } {
  const good: GoodRow[] = [];
  const unknownUnits = new Map<string, UnknownUnit>();
  const bad: BadRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  const m = s.row;
  for (const r of data) {
    const reasons: string[] = [];
    const problem = (f: ImportField, message: string) => reasons.push(s.problem(r.row, rules.columns[f]?.header ?? s.fields[f], message));
    const get = (f: ImportField) => r.cells[f];
    const limit = (f: ImportField, max: number): string | null => {
      const v = text(get(f));
      if (Array.from(v).length > max) {
        problem(f, m.tooLong(max));
        return null;
      }
      return v || null;
    };

    const name = limit('name', 50);
    if (!name && !text(get('name'))) problem('name', m.required);

    const officerNo = ascii(get('officerNo'));
    if (!officerNo) problem('officerNo', m.required);
    else if (officerNo.length > 30) problem('officerNo', m.tooLong(30));
    else if (seen.has(officerNo)) problem('officerNo', m.duplicateInFile(officerNo, seen.get(officerNo)!));
    else seen.set(officerNo, r.row);

    const unitName = text(get('unit'));
    let unitId: string | null = null;
    if (!unitName) problem('unit', m.required);
    else {
      const found = rules.units.resolve(unitName);
      if (!found) {
        problem('unit', m.unitUnknown(unitName));
        const key = unitName.normalize('NFKC').replace(/\s+/g, '');
        const known = unknownUnits.get(key) ?? { name: key, rows: [] };
        known.rows.push(r.row);
        unknownUnits.set(key, known);
      }
      else if ('ambiguous' in found) problem('unit', m.unitAmbiguous(unitName, found.ambiguous));
      else if (!rules.mayUseUnit(found.orgId)) problem('unit', m.unitOutOfScope(unitName));
      else unitId = found.orgId;
    }

    const rawGender = text(get('gender'));
    const gender = rawGender ? GENDERS[word(get('gender'))] : null;
    if (rawGender && !gender) problem('gender', m.unknownWord(rawGender));

    const rawId = get('idNumber');
    let idNumber: string | null = null;
    if (idLostDigits(rawId)) problem('idNumber', m.idLostDigits);
    else if (ascii(rawId)) {
      const issue = idNumberProblem(ascii(rawId), rules.today);
      if (issue) problem('idNumber', issue.replace(/^「身份证号」/, ''));
      else idNumber = normalizeIdNumber(ascii(rawId));
    }

    let phone: string | null = null;
    if (ascii(get('phone'))) {
      const issue = phoneProblem(ascii(get('phone')));
      if (issue) problem('phone', issue.replace(/^「联系电话」/, ''));
      else phone = normalizePhone(ascii(get('phone')));
    }

    const post = limit('post', 50);
    const rank = limit('rank', 50);

    const flag = (f: 'isLeader' | 'isPartyMember'): boolean => {
      const raw = text(get(f));
      if (!raw) return false;
      const v = YES_NO[word(get(f))];
      if (v === undefined) problem(f, m.unknownWord(raw));
      return v ?? false;
    };
    const isLeader = flag('isLeader');
    const isPartyMember = flag('isPartyMember');

    const rawStatus = text(get('status'));
    const status = rawStatus ? STATUSES[word(get('status'))] : 'serving';
    if (!status) problem('status', m.unknownWord(rawStatus));

    const rawJoined = get('joinedOn');
    const joined = parseRosterDate(rawJoined);
    let joinedOn: string | null = null;
    if (joined && 'invalid' in joined) problem('joinedOn', joined.invalid === 'impossible' ? m.dateImpossible(text(rawJoined)) : m.dateFormat(text(rawJoined)));
    else if (joined && joined.date > rules.today) problem('joinedOn', m.dateFuture(joined.date));
    else if (joined) joinedOn = joined.date;

    if (reasons.length > 0) bad.push({ row: r.row, reasons });
    else if (existing.has(officerNo)) skipped.push({ row: r.row, kind: 'existing' });
    else {
      good.push({
        row: r.row,
        officer: { unitId: unitId!, name: name!, officerNo, gender, idNumber, phone, post, rank, isLeader, isPartyMember, status: status!, joinedOn },
      });
    }
  }
  return { good, bad, skipped, unknownUnits: [...unknownUnits.values()] };
}
