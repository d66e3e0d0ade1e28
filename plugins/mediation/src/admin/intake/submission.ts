// The registration page's pure logic: the staff who may be named 受理人员 on a day, and the
// posted form read as `mediation.disputes.register`'s input (the server names what is wrong).
import { form } from '@zhengfa/ui';
import { optionalNumber } from '../dispute/submission.js';

/** Party rows the plain form offers (a row left wholly blank is no party). */
export const PARTY_ROWS = 4;

export interface StaffLike {
  id: string;
  name: string;
  unit: string;
  active: boolean;
  secondedFrom: string;
  secondedTo: string | null;
}

/** The staff active and seconded to the center on `day`, as the select's options (name · unit). */
export function receiversOn(staff: readonly StaffLike[], day: string): { value: string; label: string }[] {
  return staff
    .filter((x) => x.active && x.secondedFrom <= day && (x.secondedTo === null || day <= x.secondedTo))
    .map((x) => ({ value: x.id, label: `${x.name}（${x.unit}）` }));
}

export interface PartyForm {
  kind: 'person' | 'organisation';
  role: 'applicant' | 'respondent' | 'other';
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface RegistrationForm {
  source: 'walk_in';
  referenceNo: string | null;
  consent: boolean;
  receivedOn: string;
  summary: string;
  disputeType: string;
  amount: number | null;
  personCount: number;
  riskLevel: 'low';
  parties: PartyForm[];
  receivedByStaffId: string | null;
  clientKey?: string;
}

/**
 * The party rows (fields repeated in row order: partyKind, partyRole, partyName, partyIdNumber,
 * partyPhone, partyAddress). A row whose text fields are all blank is left out; a row partly
 * filled goes to the server, which names its missing name.
 */
export function readParties(fd: FormData): PartyForm[] {
  const col = (k: string) => fd.getAll(k).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const [kinds, roles, names, ids, phones, addresses] = ['partyKind', 'partyRole', 'partyName', 'partyIdNumber', 'partyPhone', 'partyAddress'].map(col) as string[][];
  const n = Math.max(names!.length, ids!.length, phones!.length, addresses!.length);
  const rows: PartyForm[] = [];
  for (let i = 0; i < n; i++) {
    const text = [names![i], ids![i], phones![i], addresses![i]].map((v) => v ?? '');
    if (text.every((v) => v === '')) continue;
    rows.push({
      kind: (kinds![i] || 'person') as PartyForm['kind'],
      role: (roles![i] || 'other') as PartyForm['role'],
      name: text[0]!,
      idNumber: text[1] || null,
      phone: text[2] || null,
      address: text[3] || null,
    });
  }
  return rows;
}

/**
 * The whole registration form; a number that does not read as one is NaN for the server to
 * refuse by name, and a blank person count is the number of parties named.
 */
export function readRegistration(fd: FormData): RegistrationForm {
  const clientKey = form.optStr(fd, 'clientKey');
  const parties = readParties(fd);
  return {
    source: form.str(fd, 'source') as RegistrationForm['source'],
    referenceNo: form.optStr(fd, 'referenceNo') ?? null,
    consent: form.bool(fd, 'consent'),
    receivedOn: form.str(fd, 'receivedOn'),
    summary: form.str(fd, 'summary').trim(),
    disputeType: form.str(fd, 'disputeType'),
    amount: optionalNumber(form.str(fd, 'amount')),
    // Left blank, the people involved are the parties named (a window clerk counts them anyway).
    personCount: form.str(fd, 'personCount').trim() === '' ? Math.max(1, parties.length) : (optionalNumber(form.str(fd, 'personCount')) ?? Number.NaN),
    riskLevel: form.str(fd, 'riskLevel') as RegistrationForm['riskLevel'],
    parties,
    receivedByStaffId: form.optStr(fd, 'receivedByStaffId') ?? null,
    ...(clientKey ? { clientKey } : {}),
  };
}
