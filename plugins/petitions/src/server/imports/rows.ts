// Validating and normalising the rows of an imported ledger. Every problem of a row is
// reported (not only the first) in Chinese, so the officer can fix the file in one pass.
// A good row becomes a RegisterPetitionInput plus its import key: the sha256 of the
// normalised row, so the same petition imported again (the same file, or another file
// that repeats it) is recognised whatever the column order, spacing or date spelling.
import { createHash } from 'node:crypto';
import type { KernelOrg } from '@zhengfa/plugin-api';
import { isIsoDate } from '../matters/dates.js';
import { idNumberProblem, normalizeIdNumber, normalizePhone, phoneProblem } from '../matters/personal-data.js';
import type { RegisterPetitionInput } from '../matters/register.js';
import { importStrings as s } from '../strings.js';
import { headerKey, type CellValue, type SheetRow } from './sheet.js';

export const importFields = ['receivedOn', 'channel', 'personCount', 'name', 'idNumber', 'phone', 'address', 'involvedOrg', 'category', 'content', 'demands'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredFields: ImportField[] = ['receivedOn', 'channel', 'name', 'category', 'content'];

/** Which column header feeds which field; unmapped optional fields are left empty. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** The template's headers: the mapping used when the caller gives none. */
export const defaultMapping: Record<ImportField, string> = { ...s.fields };

/** The effective mapping: defaults for fields the caller did not map; null drops an optional field. */
export function effectiveMapping(given: Partial<Record<ImportField, string | null>> | undefined): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of importFields) {
    const v = given && f in given ? given[f] : defaultMapping[f];
    if (v) out[f] = headerKey(v);
  }
  return out;
}

const CHANNEL_WORDS: Record<string, RegisterPetitionInput['channel']> = {
  来信: 'letter', 信件: 'letter', 写信: 'letter', 来信件: 'letter',
  来访: 'visit', 走访: 'visit', 来访接待: 'visit', 上访: 'visit',
  网上: 'online', 网上信访: 'online', 网信: 'online', 网络: 'online', 网上投诉: 'online',
  电话: 'phone', 来电: 'phone', 电话信访: 'phone', 热线: 'phone',
  领导信箱: 'leader_mailbox', 书记信箱: 'leader_mailbox', 县长信箱: 'leader_mailbox',
};
const CATEGORY_WORDS: Record<string, RegisterPetitionInput['category']> = {
  涉法: 'law', 涉法类: 'law', 涉诉: 'litigation', 涉诉类: 'litigation', 其他: 'other', 其它: 'other', 非涉法涉诉: 'other',
};

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  return v.replace(/\s+/g, ' ').trim();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' from a date cell, an Excel serial number or the usual written forms; null when it is none. */
export function parseDate(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return null;
    // exceljs gives dates at UTC midnight; a time part would be a clock time on that day.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) v = Math.floor(v);
    if (v >= 19000101 && v <= 21001231) return parseDate(String(v));
    if (v < 1 || v > 80000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
    return parseDate(d);
  }
  const t = v.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isIsoDate(iso) ? iso : null;
}

/** Org name → ids (several when the name is not unique); disabled units are not offered. */
export function orgsByName(orgs: KernelOrg[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.disabled) continue;
    const key = headerKey(o.name);
    out.set(key, [...(out.get(key) ?? []), o.id]);
  }
  return out;
}

export interface GoodRow {
  row: number;
  importKey: string;
  input: RegisterPetitionInput;
}

export interface BadRow {
  row: number;
  reasons: string[];
}

/** The sha256 of the normalised row: equal for the same petition however the file spells it. */
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

export function checkRow(r: SheetRow, mapping: ColumnMapping, orgs: Map<string, string[]>, today: string): GoodRow | BadRow {
  const get = (f: ImportField) => (mapping[f] ? r.cells.get(mapping[f]!) : undefined);
  const reasons: string[] = [];
  const row = s.row;

  const rawDate = get('receivedOn');
  const receivedOn = parseDate(rawDate ?? null);
  if (rawDate === null || rawDate === undefined) reasons.push(row.dateMissing);
  else if (!receivedOn) reasons.push(row.dateFormat(text(rawDate)));
  else if (receivedOn > today) reasons.push(row.dateFuture(receivedOn));

  const rawChannel = text(get('channel'));
  const channel = CHANNEL_WORDS[headerKey(rawChannel)];
  if (!rawChannel) reasons.push(row.channelMissing);
  else if (!channel) reasons.push(row.channelUnknown(rawChannel));

  const rawCount = text(get('personCount')).replace(/人$/, '');
  let personCount = 1;
  if (rawCount) {
    personCount = Number(rawCount);
    if (!/^\d+$/.test(rawCount) || !Number.isInteger(personCount) || personCount < 1 || personCount > 100000) reasons.push(row.personCount(rawCount));
  }

  const name = text(get('name'));
  if (!name) reasons.push(row.nameMissing);
  else if (Array.from(name).length > 50) reasons.push(row.nameTooLong);

  const rawId = text(get('idNumber'));
  let idNumber: string | null = null;
  if (rawId) {
    const problem = idNumberProblem(rawId, today);
    if (problem) reasons.push(row.idNumber(problem));
    else idNumber = normalizeIdNumber(rawId);
  }

  const rawPhone = text(get('phone'));
  let phone: string | null = null;
  if (rawPhone) {
    const problem = phoneProblem(rawPhone);
    if (problem) reasons.push(row.phone(problem));
    else phone = normalizePhone(rawPhone);
  }

  const address = text(get('address')) || null;
  if (address && Array.from(address).length > 200) reasons.push(row.addressTooLong);

  const unitName = text(get('involvedOrg'));
  let involvedOrgId: string | null = null;
  if (unitName) {
    const ids = orgs.get(headerKey(unitName)) ?? [];
    if (ids.length === 0) reasons.push(row.unitUnknown(unitName));
    else if (ids.length > 1) reasons.push(row.unitAmbiguous(unitName));
    else involvedOrgId = ids[0]!;
  }

  const rawCategory = text(get('category'));
  const category = CATEGORY_WORDS[headerKey(rawCategory)];
  if (!rawCategory) reasons.push(row.categoryMissing);
  else if (!category) reasons.push(row.categoryUnknown(rawCategory));

  const content = text(get('content'));
  if (!content) reasons.push(row.contentMissing);
  else if (content.length > 10000) reasons.push(row.contentTooLong);
  const demands = text(get('demands'));
  if (demands.length > 5000) reasons.push(row.demandsTooLong);

  if (reasons.length > 0) return { row: r.row, reasons };
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
  return { row: r.row, importKey, input: { ...input, importKey } };
}

export function isGood(r: GoodRow | BadRow): r is GoodRow {
  return 'importKey' in r;
}
