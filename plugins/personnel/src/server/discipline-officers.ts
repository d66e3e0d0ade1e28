// Reading the officer registry (personnel.officers, migration 0001) for the conduct and
// discipline records: the officer a user account is linked to, and an officer by id.
import { badRequest, forbidden, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from './discipline-strings.js';

export interface OfficerRow {
  id: string;
  unit_id: string;
  name: string;
  officer_no: string;
  post: string | null;
  rank: string | null;
  is_leader: boolean;
  is_party_member: boolean;
  status: string;
  user_id: string | null;
}

const columns = sql`id, unit_id, name, officer_no, post, rank, is_leader, is_party_member, status, user_id`;

/** The officer the signed-in user's account is linked to, or null. */
export async function officerOfUser(ctx: AuthedContext, db: Kysely<any> = ctx.db): Promise<OfficerRow | null> {
  const r = await sql<OfficerRow>`select ${columns} from personnel.officers
    where tenant_id = ${ctx.tenant.id} and user_id = ${ctx.user.id}`.execute(db);
  return r.rows[0] ?? null;
}

/** The signed-in user's officer, refused when the account is not in the registry. */
export async function requireOwnOfficer(ctx: AuthedContext, db: Kysely<any> = ctx.db): Promise<OfficerRow> {
  const o = await officerOfUser(ctx, db);
  if (!o) throw forbidden(m.noOfficer);
  return o;
}

/** An officer of the county by id, refused naming the field when there is none. */
export async function requireOfficer(ctx: AuthedContext, id: string, db: Kysely<any> = ctx.db): Promise<OfficerRow> {
  const r = await sql<OfficerRow>`select ${columns} from personnel.officers where tenant_id = ${ctx.tenant.id} and id = ${id}`.execute(db);
  if (!r.rows[0]) throw badRequest(m.officerNotFound);
  return r.rows[0];
}

/** The names of the organisations of the user's scope by id (needs orgs.list for the permission). */
export async function orgNames(ctx: AuthedContext): Promise<Map<string, string>> {
  return new Map((await ctx.kernel.orgs.list()).map((o) => [o.id, o.name]));
}
