// The officer registry (干警名册): officers by unit, within the user's unit scope (in SQL);
// created, corrected (optimistic concurrency on `version`), moved between statuses and linked
// to a user account by the political department. ID number and phone are sealed at rest and
// masked in every answer; `reveal` opens them for a holder of personnel.reveal, audited.
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone, openOrNull, sealOrNull } from '../personal-data.js';
import { inScope, mayUseUnit, unitNames, unitScope, type UnitScope } from '../scope.js';
import { officerStrings as s } from '../strings.js';

export const officerStatuses = ['serving', 'seconded', 'retired', 'left'] as const;
export type OfficerStatus = (typeof officerStatuses)[number];
export type Gender = 'male' | 'female';

export interface OfficerFields {
  unitId: string;
  name: string;
  officerNo: string;
  gender?: Gender | null;
  idNumber?: string | null;
  phone?: string | null;
  post?: string | null;
  rank?: string | null;
  isLeader?: boolean;
  isPartyMember?: boolean;
  status?: OfficerStatus;
  joinedOn?: string | null;
}

export interface OfficerRow {
  id: string;
  unit_id: string;
  name: string;
  officer_no: string;
  gender: Gender | null;
  id_number: string | null;
  phone: string | null;
  post: string | null;
  rank: string | null;
  is_leader: boolean;
  is_party_member: boolean;
  status: OfficerStatus;
  joined_on: string | null;
  user_id: string | null;
  version: number;
}

export interface Officer {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  officerNo: string;
  gender: Gender | null;
  /** Masked (430***********1234) unless revealed. */
  idNumber: string | null;
  phone: string | null;
  post: string | null;
  rank: string | null;
  isLeader: boolean;
  isPartyMember: boolean;
  status: OfficerStatus;
  joinedOn: string | null;
  userId: string | null;
  version: number;
}

const COLUMNS = sql`o.id, o.unit_id, o.name, o.officer_no, o.gender, o.id_number, o.phone, o.post, o.rank, o.is_leader, o.is_party_member,
  o.status, o.joined_on::text as joined_on, o.user_id, o.version`;

function present(ctx: AuthedContext, row: OfficerRow, names: Map<string, string>, reveal: boolean): Officer {
  const id = openOrNull(ctx.vault, row.id_number);
  const phone = openOrNull(ctx.vault, row.phone);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: names.get(row.unit_id) ?? '',
    name: row.name,
    officerNo: row.officer_no,
    gender: row.gender,
    idNumber: id === null ? null : reveal ? id : maskIdNumber(id),
    phone: phone === null ? null : reveal ? phone : maskPhone(phone),
    post: row.post,
    rank: row.rank,
    isLeader: row.is_leader,
    isPartyMember: row.is_party_member,
    status: row.status,
    joinedOn: row.joined_on,
    userId: row.user_id,
    version: row.version,
  };
}

export interface OfficerFilter {
  unitId?: string;
  status?: OfficerStatus;
  search?: string;
  page?: number;
  pageSize?: number;
}

export async function listOfficers(ctx: AuthedContext, f: OfficerFilter): Promise<{ total: number; items: Officer[] }> {
  const scope = await unitScope(ctx);
  const like = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`o.tenant_id = ${ctx.tenant.id} and ${inScope(scope, sql`o.unit_id`)}
    ${f.unitId ? sql`and o.unit_id = ${f.unitId}` : sql``}
    ${f.status ? sql`and o.status = ${f.status}` : sql``}
    ${like ? sql`and (o.name like ${like} or o.officer_no like ${like})` : sql``}`;
  const pageSize = f.pageSize ?? 50;
  const offset = ((f.page ?? 1) - 1) * pageSize;
  const total = await sql<{ n: number }>`select count(*)::int as n from personnel.officers o where ${where}`.execute(ctx.db);
  const rows = await sql<OfficerRow>`select ${COLUMNS} from personnel.officers o where ${where}
    order by o.unit_id, o.officer_no limit ${pageSize} offset ${offset}`.execute(ctx.db);
  const names = unitNames(scope);
  return { total: total.rows[0]!.n, items: rows.rows.map((r) => present(ctx, r, names, false)) };
}

/** An officer of the user's scope, or the one not-found (whether absent or out of scope). */
export async function loadOfficer(ctx: AuthedContext, db: Kysely<any>, id: string, scope: UnitScope, forUpdate = false): Promise<OfficerRow> {
  const r = await sql<OfficerRow>`select ${COLUMNS} from personnel.officers o
    where o.tenant_id = ${ctx.tenant.id} and o.id = ${id} and ${inScope(scope, sql`o.unit_id`)}
    ${forUpdate ? sql`for update` : sql``}`.execute(db);
  const row = r.rows[0];
  if (!row) throw notFound(s.notFound);
  return row;
}

export async function getOfficer(ctx: AuthedContext, id: string): Promise<Officer> {
  const scope = await unitScope(ctx);
  return present(ctx, await loadOfficer(ctx, ctx.db, id, scope), unitNames(scope), false);
}

/** The officer with the full ID number and phone; the reveal is in the audit log. */
export async function revealOfficer(ctx: AuthedContext, id: string): Promise<Officer> {
  const scope = await unitScope(ctx);
  const row = await loadOfficer(ctx, ctx.db, id, scope);
  await ctx.audit.record({ action: 'personnel.officers.reveal', targetType: 'personnel.officer', targetId: id, detail: { reason: s.revealReason } });
  return present(ctx, row, unitNames(scope), true);
}

/** A write that a concurrent request beat to a unique value (officer number, account) is refused, not a 500. */
async function refuseUniqueViolation<T>(message: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw badRequest(message);
    throw err;
  }
}

function checkUnit(scope: UnitScope, unitId: string): void {
  if (!scope.orgs.some((o) => o.id === unitId && !o.disabled)) throw badRequest(scope.unitIds === null ? s.unitUnknown : s.unitOutOfScope);
  if (!mayUseUnit(scope, unitId)) throw badRequest(s.unitOutOfScope);
}

async function officerNoTaken(ctx: AuthedContext, db: Kysely<any>, officerNo: string, exceptId: string | null): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from personnel.officers where tenant_id = ${ctx.tenant.id} and officer_no = ${officerNo}
    ${exceptId ? sql`and id <> ${exceptId}` : sql``}`.execute(db);
  return r.rows.length > 0;
}

/** Inserts one officer (fields already checked); used by create and the import. */
export async function insertOfficer(ctx: AuthedContext, db: Kysely<any>, o: OfficerFields): Promise<string> {
  const r = await sql<{ id: string }>`insert into personnel.officers
      (tenant_id, unit_id, name, officer_no, gender, id_number, phone, post, rank, is_leader, is_party_member, status, joined_on, created_by)
    values (${ctx.tenant.id}, ${o.unitId}, ${o.name}, ${o.officerNo}, ${o.gender ?? null},
      ${sealOrNull(ctx.vault, o.idNumber ? normalizeIdNumber(o.idNumber) : null)}, ${sealOrNull(ctx.vault, o.phone ? normalizePhone(o.phone) : null)},
      ${o.post ?? null}, ${o.rank ?? null}, ${o.isLeader ?? false}, ${o.isPartyMember ?? false}, ${o.status ?? 'serving'},
      ${o.joinedOn ?? null}, ${ctx.user.id})
    on conflict (tenant_id, officer_no) do nothing
    returning id`.execute(db);
  // Registered meanwhile by another request: refused like any number already taken.
  if (!r.rows[0]) throw badRequest(s.officerNoTaken(o.officerNo));
  return r.rows[0].id;
}

export async function createOfficer(ctx: AuthedContext, input: OfficerFields): Promise<{ id: string; version: number }> {
  const scope = await unitScope(ctx);
  checkUnit(scope, input.unitId);
  return ctx.db.transaction().execute(async (trx) => {
    if (await officerNoTaken(ctx, trx, input.officerNo, null)) throw badRequest(s.officerNoTaken(input.officerNo));
    const id = await insertOfficer(ctx, trx, input);
    await ctx.audit.record({ action: 'personnel.officers.create', targetType: 'personnel.officer', targetId: id, detail: { unitId: input.unitId } }, { db: trx });
    return { id, version: 1 };
  });
}

export async function updateOfficer(ctx: AuthedContext, input: OfficerFields & { id: string; version: number }): Promise<{ version: number }> {
  const scope = await unitScope(ctx);
  checkUnit(scope, input.unitId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfficer(ctx, trx, input.id, scope, true);
    if (row.version !== input.version) throw versionConflict();
    if (await officerNoTaken(ctx, trx, input.officerNo, input.id)) throw badRequest(s.officerNoTaken(input.officerNo));
    // A field left out (undefined) keeps what is stored; null clears it.
    const keep = <T>(v: T | undefined, stored: T) => (v === undefined ? stored : v);
    const idNumber = input.idNumber === undefined ? row.id_number : sealOrNull(ctx.vault, input.idNumber ? normalizeIdNumber(input.idNumber) : null);
    const phone = input.phone === undefined ? row.phone : sealOrNull(ctx.vault, input.phone ? normalizePhone(input.phone) : null);
    await refuseUniqueViolation(s.officerNoTaken(input.officerNo), sql`update personnel.officers set unit_id = ${input.unitId}, name = ${input.name}, officer_no = ${input.officerNo},
        gender = ${keep(input.gender, row.gender)}, id_number = ${idNumber}, phone = ${phone}, post = ${keep(input.post, row.post)},
        rank = ${keep(input.rank, row.rank)}, is_leader = ${keep(input.isLeader, row.is_leader)},
        is_party_member = ${keep(input.isPartyMember, row.is_party_member)}, status = ${keep(input.status, row.status)},
        joined_on = ${keep(input.joinedOn, row.joined_on)}, version = version + 1, updated_at = now()
      where tenant_id = ${ctx.tenant.id} and id = ${input.id}`.execute(trx));
    const changed = Object.keys(input).filter((k) => !['id', 'version'].includes(k));
    await ctx.audit.record({ action: 'personnel.officers.update', targetType: 'personnel.officer', targetId: input.id, detail: { fields: changed } }, { db: trx });
    return { version: row.version + 1 };
  });
}

export async function setOfficerStatus(ctx: AuthedContext, input: { id: string; version: number; status: OfficerStatus }): Promise<{ version: number }> {
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfficer(ctx, trx, input.id, scope, true);
    if (row.version !== input.version) throw versionConflict();
    await sql`update personnel.officers set status = ${input.status}, version = version + 1, updated_at = now()
      where tenant_id = ${ctx.tenant.id} and id = ${input.id}`.execute(trx);
    await ctx.audit.record(
      { action: 'personnel.officers.status', targetType: 'personnel.officer', targetId: input.id, detail: { from: row.status, to: input.status } },
      { db: trx },
    );
    return { version: row.version + 1 };
  });
}

/** Links the officer to a user account of the scope (null: unlinks). An account serves one officer. */
export async function linkOfficerUser(ctx: AuthedContext, input: { id: string; version: number; userId: string | null }): Promise<{ version: number }> {
  const scope = await unitScope(ctx);
  if (input.userId) {
    const users = await ctx.kernel.users.find({ limit: 500 });
    if (!users.some((u) => u.id === input.userId)) throw badRequest(s.userUnknown);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfficer(ctx, trx, input.id, scope, true);
    if (row.version !== input.version) throw versionConflict();
    if (input.userId) {
      const other = await sql`select 1 from personnel.officers where tenant_id = ${ctx.tenant.id} and user_id = ${input.userId} and id <> ${input.id}`.execute(trx);
      if (other.rows.length > 0) throw badRequest(s.userTaken);
    }
    await refuseUniqueViolation(s.userTaken, sql`update personnel.officers set user_id = ${input.userId}, version = version + 1, updated_at = now()
      where tenant_id = ${ctx.tenant.id} and id = ${input.id}`.execute(trx));
    await ctx.audit.record({ action: 'personnel.officers.link', targetType: 'personnel.officer', targetId: input.id, detail: { userId: input.userId } }, { db: trx });
    return { version: row.version + 1 };
  });
}
