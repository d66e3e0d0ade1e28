// The tallies' trigger asks kernel.case_scopes (migration 0006) for the organisations whose
// subtree holds a case's units. As a SQL function it was parsed and planned again on every
// call (PostgreSQL caches a SQL function's plan only within one statement), which was a
// ninth of the database's CPU per registration at a million matters (perf, the benchmark's
// register scenario); a newly registered case has no unit at all and still paid for it.
// PL/pgSQL plans its query once per connection, and a case without units returns the
// tenant's scope alone without asking. Same result for every case.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create or replace function kernel.case_scopes(c kernel.cases) returns uuid[] language plpgsql stable as $$
    declare
      units uuid[] := array_remove(array_append(c.cooperating_unit_ids, c.lead_unit_id), null);
      ancestors uuid[];
    begin
      if coalesce(cardinality(units), 0) = 0 then
        return array[null::uuid];
      end if;
      select array_agg(distinct a::uuid) into ancestors
        from kernel.orgs as o, unnest(string_to_array(trim(both '/' from o.path), '/')) as a
        where o.tenant_id = c.tenant_id and o.id = any(units);
      return array[null::uuid] || coalesce(ancestors, '{}');
    end $$`.execute(db);
}
