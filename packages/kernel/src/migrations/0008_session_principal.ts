// A request's principal (session, user, organisation, tenant, roles and permissions) read
// through one PL/pgSQL function. The function's statement is planned once per connection
// and its plan reused (PL/pgSQL caches plans; its lookups are all by primary key, so the
// generic plan is the right one), where the same statement sent from the client was
// planned on every request: planning the four joins and two role subqueries cost ~1.0 ms
// of the ~1.4 ms the lookup took on PostgreSQL (found by the benchmark's ledger scenario,
// where the session lookup cost the database as much as the ledger page itself).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function kernel.session_principal(p_session_id text)
    returns table (
      session_id text, last_seen_at timestamptz, expires_at timestamptz,
      tenant_id text, tenant_name text,
      user_id uuid, username text, display_name text, disabled boolean, must_change_password boolean,
      org_id uuid, org_name text, org_path text, org_kind text,
      role_keys text[], permissions text[]
    )
    language plpgsql stable
    as $fn$
    begin
      return query
      select s.id, s.last_seen_at, s.expires_at,
        u.tenant_id, t.name,
        u.id, u.username, u.display_name, u.disabled, u.must_change_password,
        o.id, o.name, o.path, o.kind,
        coalesce((select array_agg(distinct r.key) filter (where r.key is not null)
          from kernel.user_roles ur join kernel.roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
          where ur.tenant_id = u.tenant_id and ur.user_id = u.id), '{}'::text[]),
        coalesce((select array_agg(distinct p)
          from kernel.user_roles ur join kernel.roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id, unnest(r.permissions) p
          where ur.tenant_id = u.tenant_id and ur.user_id = u.id), '{}'::text[])
      from kernel.sessions s
      join kernel.users u on u.tenant_id = s.tenant_id and u.id = s.user_id
      join kernel.orgs o on o.tenant_id = u.tenant_id and o.id = u.org_id
      join kernel.tenants t on t.id = u.tenant_id
      where s.id = p_session_id;
    end
    $fn$`.execute(db);
}
