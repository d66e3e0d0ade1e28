// Every organisation whose subtree holds one of a case's units (its lead unit or a
// cooperating unit), stored on the case: the same set the tallies count a case under
// (migration 0006, kernel.case_scopes without the tenant's null). A unit user sees a case
// exactly when the user's organisation is in that set (cases/scope.ts): an organisation's
// path lists its ancestors, and paths never change once created.
//
// Found by the province-scale benchmark. A liaison's scope was two subqueries over the
// organisation tree, tested row by row: a keyword count read three matches from the table
// for every one inside the scope (3,051 heap pages for 1,001 of the police bureau's 土地
// matters at a million matters), and every statement planned both subqueries. The set is
// now the second column of the search grams' GIN index, so a liaison's search finds its
// matches in the index alone, in one scan that intersects the term's and the scope's
// postings; elsewhere it is a cheap filter on the row.
//
// A trigger keeps it: computed when a case is inserted and whenever its units (or the set
// itself) change, so no writer can set it by hand. The tallies' trigger reads it instead of
// asking the organisation tree again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.cases add column scope_org_ids uuid[] not null default '{}'`.execute(db);
  await sql`update kernel.cases as c set scope_org_ids = s.ids
    from (
      select u.tenant_id, u.case_id, array_agg(distinct a::uuid) as ids
      from (
        select tenant_id, id as case_id, unnest(array_append(cooperating_unit_ids, lead_unit_id)) as unit_id
        from kernel.cases where lead_unit_id is not null or cardinality(cooperating_unit_ids) > 0
      ) as u
      join kernel.orgs as o on o.tenant_id = u.tenant_id and o.id = u.unit_id,
      unnest(string_to_array(trim(both '/' from o.path), '/')) as a
      group by u.tenant_id, u.case_id
    ) as s
    where c.tenant_id = s.tenant_id and c.id = s.case_id`.execute(db);

  await sql`create function kernel.case_scope_orgs_sync() returns trigger language plpgsql as $$
    begin
      new.scope_org_ids := array_remove(kernel.case_scopes(new), null);
      return new;
    end $$`.execute(db);
  await sql`create trigger case_scope_orgs_insert before insert on kernel.cases
    for each row execute function kernel.case_scope_orgs_sync()`.execute(db);
  await sql`create trigger case_scope_orgs_update before update on kernel.cases
    for each row
    when (old.lead_unit_id is distinct from new.lead_unit_id or old.cooperating_unit_ids is distinct from new.cooperating_unit_ids
      or old.scope_org_ids is distinct from new.scope_org_ids or old.tenant_id is distinct from new.tenant_id)
    execute function kernel.case_scope_orgs_sync()`.execute(db);

  // The tallies' delta from the stored set (the row the after-trigger sees is complete).
  await sql`create or replace function kernel.case_tally_delta(c kernel.cases, sign integer) returns void language plpgsql as $$
    declare
      scopes uuid[] := array[null::uuid] || c.scope_org_ids;
    begin
      insert into kernel.case_tally_deltas (tenant_id, scope_org_id, kind, status, urgency, lead_unit_id, n)
        select c.tenant_id, s, c.kind, c.status, c.urgency, c.lead_unit_id, sign from unnest(scopes) as s;
      insert into kernel.case_month_tally_deltas (tenant_id, scope_org_id, kind, status, month, received, closed)
        select c.tenant_id, s, c.kind, c.status, date_trunc('month', c.received_on)::date, sign, 0 from unnest(scopes) as s;
      if c.closed_at is not null then
        insert into kernel.case_month_tally_deltas (tenant_id, scope_org_id, kind, status, month, received, closed)
          select c.tenant_id, s, c.kind, c.status, date_trunc('month', c.closed_at at time zone 'Asia/Shanghai')::date, 0, sign from unnest(scopes) as s;
      end if;
    end $$`.execute(db);

  // The grams' index with the scope as its second column (pending list as in 0012).
  await sql`drop index kernel.cases_search_idx`.execute(db);
  await sql`create index cases_search_idx on kernel.cases using gin (search_grams, scope_org_ids) with (gin_pending_list_limit = 512)`.execute(db);
}
