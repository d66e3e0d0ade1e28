// Registration of a letter, visit, online petition, call or leader-mailbox message
// (来信来访登记). Shared by the registration procedure and the ledger import: one
// transaction creates the kernel case (kind `petition`), the plugin's matter, its
// petitioners and the first visit — or, with `linkToMatterId`, attaches a repeat visit to
// an existing matter without a new kernel case.
import { randomInt } from 'node:crypto';
import { badRequest, cleanText, dateProblem, field as f, forbidden, sql, z, type AuthedContext } from '@zhengfa/plugin-api';
import { petitionEvents, PETITION_CASE_KIND } from '../../contract.js';
import { categoryNames, matterStrings as s, personalDataStrings as ps, petitionFieldNames as n } from '../strings.js';
import { chinaToday, isIsoDate } from './dates.js';
import { issueGrams } from './grams.js';
import { idNumberProblem, normalizeIdNumber, normalizePhone, phoneProblem } from './personal-data.js';
import { openIdentifiers, sealGrams, sealIdentifiers, sealMaterial } from './sealing.js';
import { own, type PetitionsDb } from '../db.js';

export const channels = ['letter', 'visit', 'online', 'phone', 'leader_mailbox'] as const;
export const categories = ['law', 'litigation', 'other'] as const;
export type Channel = (typeof channels)[number];
export type Category = (typeof categories)[number];

export interface PetitionerInput {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface RegisterPetitionInput {
  channel: Channel;
  receivedOn: string;
  personCount: number;
  category: Category;
  content: string;
  demands?: string;
  involvedOrgId?: string | null;
  isAccusation?: boolean;
  accusedOrgId?: string | null;
  accusedPerson?: string | null;
  petitioners: PetitionerInput[];
  linkToMatterId?: string | null;
  idempotencyKey?: string;
  importKey?: string;
  /**
   * A past matter already concluded (an imported ledger row): the kernel registers the case
   * directly as 已办结, with no statutory clocks or reminders.
   */
  historical?: boolean;
}

export interface RegisterPetitionResult {
  matterId: string;
  caseId: string;
  docNo: string;
  queryCode: string;
  /** The visit was attached to an existing matter (重复信访). */
  repeat: boolean;
  /** The same idempotency (or import) key was seen before: nothing new was written. */
  duplicate: boolean;
}

export const petitionerSchema = z.object({
  name: f.text(n.petitionerName, { min: 1, max: 50 }),
  idNumber: f.optionalText(n.idNumber, { max: 18 }),
  phone: f.optionalText(n.phone, { max: 20 }),
  address: f.optionalText(n.address, { max: 200 }),
});

export const registerPetitionSchema = z
  .object({
    channel: f.choice(n.channel, channels),
    receivedOn: f.isoDate(n.receivedOn, { notFuture: true }),
    personCount: f.int(n.personCount, { min: 1, max: 100000 }),
    category: f.choice(n.category, categories),
    content: f.text(n.content, { min: 1, max: 10000 }),
    demands: f.text(n.demands, { max: 5000 }).optional(),
    involvedOrgId: f.uuid(n.involvedOrg).nullish(),
    isAccusation: f.bool(n.isAccusation).optional(),
    accusedOrgId: f.uuid(n.accusedOrg).nullish(),
    accusedPerson: f.optionalText(n.accusedPerson, { max: 100 }),
    petitioners: f.list(n.petitioners, petitionerSchema, { min: 1, max: 200 }).min(1, s.petitionersRequired),
    linkToMatterId: f.uuid(n.linkToMatter).nullish(),
    idempotencyKey: f.text(n.idempotencyKey, { min: 8, max: 100 }).optional(),
    importKey: f.text(n.importKey, { min: 1, max: 200 }).optional(),
  })
  .refine((v) => !v.isAccusation || Boolean(v.accusedOrgId || v.accusedPerson), { message: s.accusedRequired, path: ['accusedPerson'] });

export const kernelSourceOf: Record<Channel, string> = {
  letter: 'letter',
  visit: 'visit',
  online: 'online',
  phone: 'phone',
  leader_mailbox: 'online',
};

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 10-character query code (查询码) printed on every notice; about 50 bits of randomness. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function excerpt(text: string, max = 20): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** Validates ID numbers and phones; returns the petitioners in their stored form. */
export function checkPetitioners(petitioners: PetitionerInput[], today = chinaToday()): PetitionerInput[] {
  return petitioners.map((p) => {
    const name = p.name.trim();
    let idNumber: string | null = null;
    let phone: string | null = null;
    if (p.idNumber && p.idNumber.trim()) {
      const problem = idNumberProblem(p.idNumber, today);
      if (problem) throw badRequest(ps.badIdNumber(name, problem));
      idNumber = normalizeIdNumber(p.idNumber);
    }
    if (p.phone && p.phone.trim()) {
      const problem = phoneProblem(p.phone);
      if (problem) throw badRequest(ps.badPhone(name, problem));
      phone = normalizePhone(p.phone);
    }
    return { name, idNumber, phone, address: p.address?.trim() || null };
  });
}

interface ExistingVisit {
  matter_id: string;
  case_id: string;
  doc_no: string;
  query_code: string;
  is_repeat: boolean;
}

async function visitByKey(db: PetitionsDb, tenantId: string, column: 'idempotency_key' | 'import_key', key: string): Promise<ExistingVisit | undefined> {
  return db
    .selectFrom('petitions.visits as v')
    .innerJoin('petitions.matters as m', (j) => j.onRef('m.tenant_id', '=', 'v.tenant_id').onRef('m.id', '=', 'v.matter_id'))
    .select(['v.matter_id', 'm.case_id', 'm.doc_no', 'm.query_code', 'v.is_repeat'])
    .where('v.tenant_id', '=', tenantId)
    .where(`v.${column}`, '=', key)
    .executeTakeFirst();
}

function duplicateOf(v: ExistingVisit): RegisterPetitionResult {
  return { matterId: v.matter_id, caseId: v.case_id, docNo: v.doc_no, queryCode: v.query_code, repeat: v.is_repeat, duplicate: true };
}

async function orgName(ctx: AuthedContext, db: PetitionsDb, orgId: string | null | undefined): Promise<string | null> {
  if (!orgId) return null;
  const orgs = await ctx.kernel.orgs.list({ db });
  const org = orgs.find((o) => o.id === orgId && !o.disabled);
  if (!org) throw badRequest(s.unitNotFound);
  return org.name;
}

async function insertPetitioners(ctx: AuthedContext, db: PetitionsDb, tenantId: string, matterId: string, petitioners: PetitionerInput[], firstIsPrimary: boolean): Promise<void> {
  let i = 0;
  for (const p of petitioners) {
    // ID number and phone sealed, with their blind indexes (sealing.ts).
    const k = sealIdentifiers(ctx.vault, p);
    await db
      .insertInto('petitions.petitioners')
      .values({
        tenant_id: tenantId,
        matter_id: matterId,
        name: p.name,
        id_number: k.id_number,
        id_number_index: k.id_number_index,
        phone: k.phone,
        phone_index: k.phone_index,
        address: p.address ?? null,
        is_primary: firstIsPrimary && i === 0,
      })
      .execute();
    i += 1;
  }
}

async function run(ctx: AuthedContext, trx: PetitionsDb, input: RegisterPetitionInput, petitioners: PetitionerInput[]): Promise<RegisterPetitionResult> {
  const tenantId = ctx.tenant.id;
  if (input.idempotencyKey) {
    const v = await visitByKey(trx, tenantId, 'idempotency_key', input.idempotencyKey);
    if (v) return duplicateOf(v);
  }
  if (input.importKey) {
    const v = await visitByKey(trx, tenantId, 'import_key', input.importKey);
    if (v) return duplicateOf(v);
  }
  const visitContent = input.content.trim();

  // A repeat visit: attach to the existing matter, no new kernel case.
  if (input.linkToMatterId) {
    const m = await trx
      .selectFrom('petitions.matters')
      .select(['id', 'case_id', 'doc_no', 'query_code', 'is_accusation'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.linkToMatterId)
      .forUpdate()
      .executeTakeFirst();
    if (!m) throw badRequest(s.linkTargetNotFound);
    const existing = (
      await trx.selectFrom('petitions.petitioners').select(['name', 'id_number', 'phone']).where('tenant_id', '=', tenantId).where('matter_id', '=', m.id).execute()
    ).map((e) => openIdentifiers(ctx.vault, e));
    const known = (p: PetitionerInput) =>
      existing.some((e) => (p.idNumber && e.id_number === p.idNumber) || (e.name === p.name && (e.phone ?? null) === (p.phone ?? null)));
    await insertPetitioners(ctx, trx, tenantId, m.id, petitioners.filter((p) => !known(p)), false);
    const v = await trx
      .insertInto('petitions.visits')
      .values({
        tenant_id: tenantId,
        matter_id: m.id,
        channel: input.channel,
        received_on: input.receivedOn,
        person_count: input.personCount,
        receiving_officer_id: ctx.user.id,
        content: sealMaterial(ctx.vault, m.is_accusation, visitContent),
        is_repeat: true,
        import_key: input.importKey ?? null,
        idempotency_key: input.idempotencyKey ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('petitions.matters')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', m.id)
      .execute();
    await ctx.audit.record(
      { action: 'petitions.visit.register', targetType: 'petition', targetId: m.id, detail: { visitId: v.id, channel: input.channel, personCount: input.personCount, repeat: true } },
      { db: trx },
    );
    await ctx.events.emit(petitionEvents.registered, { matterId: m.id, caseId: m.case_id, visitId: v.id, repeat: true, channel: input.channel, personCount: input.personCount }, { db: trx });
    return { matterId: m.id, caseId: m.case_id, docNo: m.doc_no, queryCode: m.query_code, repeat: true, duplicate: false };
  }

  const isAccusation = Boolean(input.isAccusation);
  const involvedName = await orgName(ctx, trx, input.involvedOrgId);
  const accusedName = isAccusation ? await orgName(ctx, trx, input.accusedOrgId) : null;
  const categoryName = categoryNames[input.category];
  // The kernel case never carries an accuser's identity or material: no parties, no
  // content in the title or summary.
  const title = isAccusation
    ? s.titleAccusation(categoryName, involvedName ?? accusedName ?? '')
    : s.title(categoryName, involvedName ?? '', excerpt(input.content));
  const kase = await ctx.kernel.cases.register(
    {
      kind: PETITION_CASE_KIND,
      title,
      summary: isAccusation ? '' : Array.from(input.content.trim()).slice(0, 500).join(''),
      source: kernelSourceOf[input.channel],
      receivedOn: input.receivedOn,
      ...(input.historical ? { historical: true } : {}),
      // The kernel withholds everything of an accusation's case but its title from whoever
      // may not see the accuser: its attachments, the committee's notes, its documents' facts.
      ...(isAccusation ? { restrictedTo: 'petitions.accusations' } : {}),
      parties: isAccusation ? [] : petitioners.map((p) => ({ role: s.petitionerRole, name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address })),
    },
    { db: trx },
  );
  const queryCode = newQueryCode();
  const grams = issueGrams(`${input.content} ${input.demands ?? ''}`);
  const { id: matterId } = await trx
    .insertInto('petitions.matters')
    .values({
      tenant_id: tenantId,
      case_id: kase.id,
      doc_no: kase.docNo,
      category: input.category,
      is_accusation: isAccusation,
      accused_org_id: isAccusation ? (input.accusedOrgId ?? null) : null,
      accused_org_name: accusedName,
      accused_person: isAccusation ? (input.accusedPerson ?? null) : null,
      involved_org_id: input.involvedOrgId ?? null,
      involved_org_name: involvedName,
      content: sealMaterial(ctx.vault, isAccusation, input.content.trim()),
      demands: sealMaterial(ctx.vault, isAccusation, input.demands?.trim() ?? ''),
      receiving_officer_id: ctx.user.id,
      receiving_officer_name: ctx.user.displayName,
      first_received_on: input.receivedOn,
      query_code: queryCode,
      issue_grams: sql<string[]>`${sql.val(isAccusation ? sealGrams(ctx.vault, grams) : grams)}::text[]`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPetitioners(ctx, trx, tenantId, matterId, petitioners, true);
  const v = await trx
    .insertInto('petitions.visits')
    .values({
      tenant_id: tenantId,
      matter_id: matterId,
      channel: input.channel,
      received_on: input.receivedOn,
      person_count: input.personCount,
      receiving_officer_id: ctx.user.id,
      content: '',
      is_repeat: false,
      import_key: input.importKey ?? null,
      idempotency_key: input.idempotencyKey ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit.record(
    {
      action: 'petitions.register',
      targetType: 'petition',
      targetId: matterId,
      detail: { caseId: kase.id, docNo: kase.docNo, channel: input.channel, personCount: input.personCount, category: input.category, accusation: isAccusation },
    },
    { db: trx },
  );
  await ctx.events.emit(
    petitionEvents.registered,
    { matterId, caseId: kase.id, visitId: v.id, repeat: false, channel: input.channel, personCount: input.personCount },
    { db: trx },
  );
  return { matterId, caseId: kase.id, docNo: kase.docNo, queryCode, repeat: false, duplicate: false };
}

/** The input's free text as the text fields would keep it: control characters gone, NUL too. */
function cleanInput(input: RegisterPetitionInput): RegisterPetitionInput {
  const clean = (v: string) => cleanText(v).replaceAll('\u0000', '');
  const cleanOpt = (v: string | null | undefined) => (typeof v === 'string' ? clean(v) : v);
  return {
    ...input,
    content: clean(input.content),
    demands: cleanOpt(input.demands) ?? undefined,
    accusedPerson: cleanOpt(input.accusedPerson),
    petitioners: input.petitioners.map((p) => ({ ...p, name: clean(p.name), idNumber: cleanOpt(p.idNumber), phone: cleanOpt(p.phone), address: cleanOpt(p.address) })),
  };
}

/**
 * Registers a petition as the signed-in committee user (the receiving officer, 首接责任人).
 * Refuses (writing nothing) a bad ID number or phone, an unknown unit, a future date or a
 * link to a matter that does not exist. Pass `opts.db` (a transaction) to make it part of
 * a larger one, as the import does; otherwise it runs in its own transaction.
 */
export async function registerPetition(ctx: AuthedContext, input: RegisterPetitionInput, opts: { db?: PetitionsDb } = {}): Promise<RegisterPetitionResult> {
  if (!ctx.user.committee) throw forbidden(s.registerCommitteeOnly);
  const today = chinaToday(ctx.now());
  if (!isIsoDate(input.receivedOn)) throw badRequest(s.badDate);
  if (input.receivedOn > today) throw badRequest(s.receivedInFuture);
  const dateRefusal = dateProblem(input.receivedOn, n.receivedOn, { notFuture: true, today });
  if (dateRefusal) throw badRequest(dateRefusal);
  // What reaches here without the procedure's schema (an imported row) is cleaned the same
  // way: control characters would make the documents printed from it invalid XML.
  input = cleanInput(input);
  if (!input.content?.trim()) throw badRequest(s.contentRequired);
  if (!Number.isInteger(input.personCount) || input.personCount < 1) throw badRequest(s.personCountMin);
  if (!input.petitioners?.length) throw badRequest(s.petitionersRequired);
  if (input.petitioners.some((p) => !p.name?.trim())) throw badRequest(s.nameRequired);
  if (input.isAccusation && !input.linkToMatterId && !input.accusedOrgId && !input.accusedPerson?.trim()) throw badRequest(s.accusedRequired);
  const petitioners = checkPetitioners(input.petitioners, today);
  const db = opts.db ?? own(ctx);
  if (db.isTransaction) return run(ctx, db, input, petitioners);
  try {
    return await db.transaction().execute((trx) => run(ctx, trx, input, petitioners));
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its matter.
    if ((err as { code?: string }).code === '23505') {
      const key = input.idempotencyKey ? ('idempotency_key' as const) : input.importKey ? ('import_key' as const) : null;
      const v = key ? await visitByKey(db, ctx.tenant.id, key, (input.idempotencyKey ?? input.importKey)!) : undefined;
      if (v) return duplicateOf(v);
    }
    throw err;
  }
}
