// Who must act after each step of a supervision instrument or a coordination meeting, as for
// cases (cases/next-step.ts): the holders of the next step's permission in its scope.
import type { Kysely, Transaction } from 'kysely';
import type { InstrumentKind, KernelDatabase } from '../db/schema.js';
import { holdersOf, userHolds, type Notice } from '../notifications/recipients.js';
import { instrumentKindNames, supervisionStrings as s } from '../strings.js';
import type { InstrumentStep } from './instruments.js';

type Db = Kysely<KernelDatabase> | Transaction<KernelDatabase>;

/** 2026年12月7日 14:30, China time. */
export function chinaDateTimeText(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** The drafter, while enabled and still holding `supervision.instruments`; else the office. */
async function drafterOrOffice(db: Db, tenantId: string, draftedBy: string): Promise<string[]> {
  const drafter = await db
    .selectFrom('kernel.users as u')
    .select('u.id')
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', draftedBy)
    .where('u.disabled', '=', false)
    .where(userHolds('supervision.instruments'))
    .executeTakeFirst();
  return drafter ? [drafter.id] : holdersOf(db, tenantId, { committee: true }, ['supervision.instruments']);
}

/**
 * The notices of an instrument's step: submitted → the committee's signers (supervision.sign);
 * declined → its drafter; issued → the recipient unit's liaisons; answered → its drafter (who
 * reviews the answer). Acknowledging and deciding leave nobody else to act.
 */
export async function instrumentStepNotices(
  db: Db,
  tenantId: string,
  step: InstrumentStep | 'signoff.reject' | 'issue',
  row: { id: string; case_id: string; kind: InstrumentKind; recipient_org_id: string; drafted_by: string },
): Promise<Notice[]> {
  const kind = instrumentKindNames[row.kind];
  const at = { link: `/supervision/instruments/${row.id}`, caseId: row.case_id };
  switch (step) {
    case 'submit':
      return [{ users: await holdersOf(db, tenantId, { committee: true }, ['supervision.sign']), title: s.signoffNotice(kind), ...at }];
    case 'signoff.reject':
      return [{ users: await drafterOrOffice(db, tenantId, row.drafted_by), title: s.signoffDeclinedNotice(kind), ...at }];
    case 'issue':
      return [{ users: await holdersOf(db, tenantId, { orgId: row.recipient_org_id }, ['cases.handle']), title: s.issuedNotice(kind), ...at }];
    case 'answer':
      return [{ users: await drafterOrOffice(db, tenantId, row.drafted_by), title: s.answeredNotice(kind), ...at }];
    default:
      return [];
  }
}

/** A meeting was scheduled: the invited units' liaisons and the chair. */
export async function invitationNotices(db: Db, tenantId: string, m: { id: string; title: string; scheduledAt: Date; place: string; chairId: string | null; orgIds: readonly string[] }): Promise<Notice[]> {
  const users: string[] = m.chairId ? [m.chairId] : [];
  for (const orgId of m.orgIds) users.push(...(await holdersOf(db, tenantId, { orgId }, ['cases.handle'])));
  return [{ users, title: s.invitedNotice(m.title, chinaDateTimeText(m.scheduledAt), m.place), link: `/supervision/meetings/${m.id}`, caseId: null }];
}

/** A meeting reached consensus: the committee's signers sign the opinion. */
export async function consensusNotices(db: Db, tenantId: string, m: { id: string; title: string }): Promise<Notice[]> {
  return [{ users: await holdersOf(db, tenantId, { committee: true }, ['supervision.sign']), title: s.consensusNotice(m.title), link: `/supervision/meetings/${m.id}`, caseId: null }];
}

/** The opinion is signed: each invited unit's liaisons acknowledge it and report execution. */
export async function opinionNotices(db: Db, tenantId: string, m: { id: string; docNo: string; orgIds: readonly string[] }): Promise<Notice[]> {
  const users: string[] = [];
  for (const orgId of m.orgIds) users.push(...(await holdersOf(db, tenantId, { orgId }, ['cases.handle'])));
  return [{ users, title: s.opinionSignedNotice(m.docNo), link: `/supervision/meetings/${m.id}`, caseId: null }];
}
