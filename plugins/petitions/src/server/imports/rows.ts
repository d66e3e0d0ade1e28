// The rows of an imported ledger: which are not petitions at all (skipped: blank, 合计/小计,
// titles, notes under the table), and for the others every problem (not only the first),
// each naming the row and the column in Chinese, so the officer fixes the file in one pass.
// A good row becomes a RegisterPetitionInput, its outcome (if the ledger records one) and
// its import key: the sha256 of the normalised petition, so the same petition imported
// again is recognised whatever the column order, spacing or date spelling.
import { createHash } from 'node:crypto';
import type { PetitionOutcome } from '../../contract.js';
import { isIsoDate } from '../matters/dates.js';
import { idNumberProblem, normalizeIdNumber, normalizePhone, phoneProblem } from '../matters/personal-data.js';
import type { RegisterPetitionInput } from '../matters/register.js';
import { importStrings as s, outcomeNames } from '../strings.js';
import { headerKey, importFields, type ImportField, type ResolvedColumns } from './columns.js';
import { splitSheetRows } from '@zhengfa/documents/sheets';
import type { CellValue, SheetRow } from './sheet.js';
import type { UnitIndex } from './units.js';

/** A data row as kept between the dry run and confirm: its cells by field. */
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

export type ProblemCode = keyof typeof s.reasonNames;

export interface BadRow {
  row: number;
  /** Every problem, each as 第 N 行「列」：… */
  reasons: string[];
  codes: ProblemCode[];
}

export interface RowOutcome {
  outcome: PetitionOutcome;
  on: string;
  note: string;
}

export interface GoodRow {
  row: number;
  importKey: string;
  input: RegisterPetitionInput;
  outcome: RowOutcome | null;
}

export interface RowRules {
  columns: ResolvedColumns;
  units: UnitIndex;
  today: string;
  /** The importer holds petitions.conclude (outcomes) and petitions.writeoff (核销). */
  canConclude: boolean;
  canWriteOff: boolean;
}

// ---- Which rows are not petitions ----

/**
 * Splits the rows under the header into data rows and skipped rows (@zhengfa/documents/sheets):
 * blank runs, 合计/小计 rows, notes (注：…, 填表人：…) and one-cell rows (a merged title such as
 * 一季度, or a note under the table) are not petitions.
 */
export function splitRows(headerRow: number, rows: SheetRow[], columns: ResolvedColumns): { data: DataRow[]; skipped: SkippedRow[]; rowsRead: number } {
  return splitSheetRows(headerRow, rows, importFields, columns);
}

/** Rows a skipped entry stands for (a run of blank rows counts each row). */
export function skippedCount(s: SkippedRow): number {
  return s.toRow ? s.toRow - s.row + 1 : 1;
}

// ---- Values ----

const CHANNEL_WORDS: Record<string, RegisterPetitionInput['channel']> = {
  来信: 'letter', 信件: 'letter', 写信: 'letter', 来信件: 'letter', 信访件: 'letter',
  来访: 'visit', 走访: 'visit', 来访接待: 'visit', 上访: 'visit', 面访: 'visit',
  网上: 'online', 网上信访: 'online', 网信: 'online', 网络: 'online', 网上投诉: 'online',
  电话: 'phone', 来电: 'phone', 电话信访: 'phone', 热线: 'phone',
  领导信箱: 'leader_mailbox', 书记信箱: 'leader_mailbox', 县长信箱: 'leader_mailbox',
};
const CATEGORY_WORDS: Record<string, RegisterPetitionInput['category']> = {
  涉法: 'law', 涉法类: 'law', 涉诉: 'litigation', 涉诉类: 'litigation', 其他: 'other', 其它: 'other', 非涉法涉诉: 'other',
};
const OUTCOME_WORDS: Record<string, PetitionOutcome | null> = {
  化解: 'resolved', 已化解: 'resolved', 解决: 'resolved', 已解决: 'resolved',
  息访: 'stopped', 已息访: 'stopped', 息诉罢访: 'stopped', 停访息诉: 'stopped', 息诉息访: 'stopped', 已息诉: 'stopped',
  终结: 'concluded', 已终结: 'concluded', 依法终结: 'concluded',
  核销: 'written_off', 已核销: 'written_off',
  未化解: null, 未息访: null, 未办结: null, 未结: null, 在办: null, 办理中: null, 正在办理: null, 待办: null, 无: null,
};
const YES_NO: Record<string, boolean> = {
  是: true, 已息访: true, 息访: true, 已: true, Y: true, YES: true, '√': true, TRUE: true,
  否: false, 未息访: false, 未: false, N: false, NO: false, '×': false, FALSE: false,
};

/** The cell as the ledger wrote it (content keeps its full-width punctuation), spaces collapsed. */
function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return v.replace(/\s+/g, ' ').trim();
}

/** The cell with full-width digits and letters made ASCII (for ID numbers, phones, counts). */
function ascii(v: CellValue | undefined): string {
  return text(v).normalize('NFKC');
}

function word(v: CellValue | undefined): string {
  return headerKey(text(v)).toUpperCase();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export type DateResult = { date: string } | { invalid: 'format' | 'impossible' } | null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials from 1950-01-01 to 2099-12-31: a smaller number is not a date (a year, a count). */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

function fromSerial(n: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(n) * 86400000).toISOString().slice(0, 10);
}

/**
 * A date as people type it: 2023-03-05, 2023/3/5, 2023.3.5, 2023年3月5日 (full-width digits
 * too), 20230305, an Excel date serial (as a number or as text), optionally with a time.
 * `impossible` when it has a date's shape but no such day exists (month 13, 30 February).
 */
export function parseDate(v: CellValue | undefined): DateResult {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseDate(String(v));
    if (v >= SERIAL_MIN && v <= SERIAL_MAX) return { date: fromSerial(v) };
    return { invalid: 'format' };
  }
  const t = v.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (/^\d{5}(\.\d+)?$/.test(t)) return parseDate(Number(t));
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}秒?)?分?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return { invalid: 'format' };
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isIsoDate(iso) ? { date: iso } : { invalid: 'impossible' };
}

/** An ID number Excel stored as a number has only 15 significant digits: its last digits are gone. */
function idLostDigits(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Math.abs(v) >= 1e15;
  return typeof v === 'string' && /^\d(\.\d+)?E\+?\d+$/i.test(v.normalize('NFKC').trim());
}

/** The sha256 of the normalised petition: equal for the same petition however the file spells it. */
export function importKeyOf(input: RegisterPetitionInput): string {
  const p = input.petitioners[0]!;
  const normal = [
    input.receivedOn,
    input.channel,
    input.personCount,
    p.name,
    p.idNumber ?? '',
    p.phone ?? '',
    p.address ?? '',
    input.involvedOrgId ?? '',
    input.category,
    input.content,
    input.demands ?? '',
  ];
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
}

/** Checks one data row against the rules; a bad row lists every problem. */
export function checkRow(r: DataRow, rules: RowRules): GoodRow | BadRow {
  const reasons: string[] = [];
  const codes: ProblemCode[] = [];
  const get = (f: ImportField) => r.cells[f];
  const problem = (f: ImportField, code: ProblemCode, message: string) => {
    reasons.push(s.problem(r.row, rules.columns[f]?.header ?? s.fields[f], message));
    codes.push(code);
  };
  const m = s.row;

  const rawDate = get('receivedOn');
  const parsed = parseDate(rawDate);
  let receivedOn: string | null = null;
  if (!parsed) problem('receivedOn', 'date_missing', m.dateMissing);
  else if ('invalid' in parsed) problem('receivedOn', 'date_invalid', parsed.invalid === 'impossible' ? m.dateImpossible(text(rawDate)) : m.dateFormat(text(rawDate)));
  else if (parsed.date > rules.today) problem('receivedOn', 'date_future', m.dateFuture(parsed.date));
  else receivedOn = parsed.date;

  const rawChannel = text(get('channel'));
  const channel = CHANNEL_WORDS[headerKey(rawChannel)];
  if (!rawChannel) problem('channel', 'channel_missing', m.channelMissing);
  else if (!channel) problem('channel', 'channel_unknown', m.channelUnknown(rawChannel));

  const rawCount = ascii(get('personCount'));
  const count = rawCount.replace(/人(次)?$/, '');
  let personCount = 1;
  if (rawCount) {
    personCount = Number(count);
    if (!/^\d+$/.test(count) || personCount < 1 || personCount > 100000) problem('personCount', 'person_count', m.personCount(text(get('personCount'))));
  }

  const name = text(get('name'));
  if (!name) problem('name', 'name_missing', m.nameMissing);
  else if (Array.from(name).length > 50) problem('name', 'name_too_long', m.nameTooLong);

  const rawIdCell = get('idNumber');
  const rawId = ascii(rawIdCell);
  let idNumber: string | null = null;
  if (idLostDigits(rawIdCell)) problem('idNumber', 'id_lost_digits', m.idLostDigits);
  else if (rawId) {
    const issue = idNumberProblem(rawId, rules.today);
    if (issue) problem('idNumber', 'id_invalid', m.idNumber(issue));
    else idNumber = normalizeIdNumber(rawId);
  }

  const rawPhone = ascii(get('phone'));
  let phone: string | null = null;
  if (rawPhone) {
    const issue = phoneProblem(rawPhone);
    if (issue) problem('phone', 'phone_invalid', m.phone(issue));
    else phone = normalizePhone(rawPhone);
  }

  const address = text(get('address')) || null;
  if (address && Array.from(address).length > 200) problem('address', 'address_too_long', m.addressTooLong);

  const unitName = text(get('involvedOrg'));
  let involvedOrgId: string | null = null;
  if (unitName) {
    const found = rules.units.resolve(unitName);
    if (!found) problem('involvedOrg', 'unit_unknown', m.unitUnknown(unitName));
    else if ('ambiguous' in found) problem('involvedOrg', 'unit_ambiguous', m.unitAmbiguous(unitName, found.ambiguous));
    else involvedOrgId = found.orgId;
  }

  const rawCategory = text(get('category'));
  const category = CATEGORY_WORDS[headerKey(rawCategory)];
  if (!rawCategory) problem('category', 'category_missing', m.categoryMissing);
  else if (!category) problem('category', 'category_unknown', m.categoryUnknown(rawCategory));

  const content = text(get('content'));
  if (!content) problem('content', 'content_missing', m.contentMissing);
  else if (content.length > 10000) problem('content', 'content_too_long', m.contentTooLong);
  const demands = text(get('demands'));
  if (demands.length > 5000) problem('demands', 'demands_too_long', m.demandsTooLong);

  // The outcome: 是否息访 = 是 is 息访; otherwise 办理结果 names it; both need 办结日期.
  let outcome: PetitionOutcome | null = null;
  const rawStopped = text(get('stopped'));
  let stopped: boolean | null = null;
  if (rawStopped) {
    stopped = YES_NO[word(get('stopped'))] ?? null;
    if (stopped === null) problem('stopped', 'stopped_unknown', m.stoppedUnknown(rawStopped));
  }
  const rawOutcome = text(get('outcome'));
  if (rawOutcome) {
    const w = word(get('outcome'));
    if (!(w in OUTCOME_WORDS)) problem('outcome', 'outcome_unknown', m.outcomeUnknown(rawOutcome));
    else outcome = OUTCOME_WORDS[w]!;
  }
  if (stopped) outcome = 'stopped';
  let outcomeOn: string | null = null;
  if (outcome) {
    const field: ImportField = stopped && !rawOutcome ? 'stopped' : 'outcome';
    const rawOn = get('outcomeOn');
    const on = parseDate(rawOn);
    if (!on) problem('outcomeOn', 'outcome_date_missing', m.outcomeDateMissing);
    else if ('invalid' in on) problem('outcomeOn', 'outcome_date_invalid', on.invalid === 'impossible' ? m.dateImpossible(text(rawOn)) : m.dateFormat(text(rawOn)));
    else if (on.date > rules.today) problem('outcomeOn', 'outcome_date_future', m.outcomeDateFuture(on.date));
    else if (receivedOn && on.date < receivedOn) problem('outcomeOn', 'outcome_date_early', m.outcomeDateEarly(on.date, receivedOn));
    else outcomeOn = on.date;
    if (!rules.canConclude) problem(field, 'outcome_forbidden', m.outcomeForbidden);
    else if (outcome === 'written_off' && !rules.canWriteOff) problem(field, 'write_off_forbidden', m.writeOffForbidden);
    else if (outcome === 'written_off' && category && category !== 'other') problem(field, 'write_off_law_related', m.writeOffLawRelated);
  }

  if (reasons.length > 0) return { row: r.row, reasons, codes };
  const input: RegisterPetitionInput = {
    channel: channel!,
    receivedOn: receivedOn!,
    personCount,
    category: category!,
    content,
    demands: demands || undefined,
    involvedOrgId,
    petitioners: [{ name, idNumber, phone, address }],
  };
  const importKey = importKeyOf(input);
  return {
    row: r.row,
    importKey,
    input: { ...input, importKey },
    outcome: outcome && outcomeOn ? { outcome, on: outcomeOn, note: s.outcomeNote(outcomeNames[outcome]) } : null,
  };
}

export function isGood(r: GoodRow | BadRow): r is GoodRow {
  return 'importKey' in r;
}
