// Denormalised case counts for the dashboard and the ledger's pager (found by the
// province-scale benchmark: counting a county's ten years of cases on every dashboard view
// took over a second at 1M matters).
//
// - case_tallies: cases per (tenant, scope, kind, status, urgency, lead unit);
// - case_month_tallies: cases received and cases closed per month (China time), per
//   (tenant, scope, kind, status).
//
// The scope makes unit users' counts exact without reading cases: a case is counted once
// for the whole tenant (scope null, the committee's view) and once for every organisation
// whose subtree holds its lead or a cooperating unit (the ancestors-or-self of those units,
// read from their materialised paths) — exactly the users whose scope shows the case
// (cases/scope.ts), each case once however many of its units sit in the subtree.
// Organisation paths never change after creation, so neither does a case's scope set
// unless its units do.
//
// Writers never update a counter row: a trigger on kernel.cases appends the change of a
// row's contribution (−1 for its old key, +1 for its new key) to a *_deltas table, so two
// transactions never wait for (or deadlock on) the same counter, and a rolled-back
// transaction leaves nothing behind. Readers add the deltas to the compacted rows;
// `kernel.compact_case_tallies()` (run by the kernel's background tick) folds the deltas
// in. `kernel.rebuild_case_tallies()` recomputes everything from the cases table (the
// backfill here, and after bulk loads that disable the trigger).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['case_tallies', 'case_tally_deltas']) {
    await sql`create table ${sql.raw(`kernel.${table}`)} (
      tenant_id text not null,
      scope_org_id uuid,
      kind text not null,
      status text not null,
      urgency text not null,
      lead_unit_id uuid,
      n bigint not null
    )`.execute(db);
  }
  for (const table of ['case_month_tallies', 'case_month_tally_deltas']) {
    await sql`create table ${sql.raw(`kernel.${table}`)} (
      tenant_id text not null,
      scope_org_id uuid,
      kind text not null,
      status text not null,
      month date not null,
      received bigint not null,
      closed bigint not null
    )`.execute(db);
  }
  await sql`alter table kernel.case_tallies add constraint case_tallies_key unique nulls not distinct (tenant_id, scope_org_id, status, urgency, kind, lead_unit_id)`.execute(db);
  await sql`alter table kernel.case_month_tallies add constraint case_month_tallies_key unique nulls not distinct (tenant_id, scope_org_id, month, kind, status)`.execute(db);
  await sql`create index case_tally_deltas_tenant_idx on kernel.case_tally_deltas (tenant_id, scope_org_id)`.execute(db);
  await sql`create index case_month_tally_deltas_tenant_idx on kernel.case_month_tally_deltas (tenant_id, scope_org_id, month)`.execute(db);

  // The organisations whose subtree holds one of the case's units (null first: the tenant).
  await sql`create function kernel.case_scopes(c kernel.cases) returns uuid[] language sql stable as $$
    select array[null::uuid] || coalesce((
      select array_agg(distinct a::uuid)
      from kernel.orgs as o, unnest(string_to_array(trim(both '/' from o.path), '/')) as a
      where o.tenant_id = c.tenant_id and o.id = any(array_append(c.cooperating_unit_ids, c.lead_unit_id))
    ), '{}')
  $$`.execute(db);

  await sql`create function kernel.case_tally_delta(c kernel.cases, sign integer) returns void language plpgsql as $$
    declare
      scopes uuid[] := kernel.case_scopes(c);
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

  await sql`create function kernel.case_tallies_sync() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform kernel.case_tally_delta(old, -1);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        perform kernel.case_tally_delta(new, 1);
      end if;
      return null;
    end $$`.execute(db);

  await sql`create trigger case_tallies_sync_write after insert or delete on kernel.cases
    for each row execute function kernel.case_tallies_sync()`.execute(db);
  await sql`create trigger case_tallies_sync_update after update on kernel.cases
    for each row
    when (old.kind is distinct from new.kind or old.status is distinct from new.status or old.urgency is distinct from new.urgency
      or old.lead_unit_id is distinct from new.lead_unit_id or old.cooperating_unit_ids is distinct from new.cooperating_unit_ids
      or old.received_on is distinct from new.received_on or old.closed_at is distinct from new.closed_at
      or old.tenant_id is distinct from new.tenant_id)
    execute function kernel.case_tallies_sync()`.execute(db);

  // Folds the deltas into the counters. A delta inserted by a transaction that has not
  // committed yet is not visible to the delete, so it stays for the next run; concurrent
  // runs are serialised by an advisory lock (the second returns at once). With no deltas
  // it touches nothing (it runs every few seconds).
  await sql`create function kernel.compact_case_tallies() returns void language plpgsql as $$
    begin
      if not pg_try_advisory_xact_lock(hashtext('zhengfa.case_tallies')) then
        return;
      end if;
      with moved as (delete from kernel.case_tally_deltas returning *)
      insert into kernel.case_tallies as t (tenant_id, scope_org_id, kind, status, urgency, lead_unit_id, n)
        select tenant_id, scope_org_id, kind, status, urgency, lead_unit_id, sum(n) from moved
        group by tenant_id, scope_org_id, kind, status, urgency, lead_unit_id
        on conflict on constraint case_tallies_key do update set n = t.n + excluded.n;
      with moved as (delete from kernel.case_month_tally_deltas returning *)
      insert into kernel.case_month_tallies as t (tenant_id, scope_org_id, kind, status, month, received, closed)
        select tenant_id, scope_org_id, kind, status, month, sum(received), sum(closed) from moved
        group by tenant_id, scope_org_id, kind, status, month
        on conflict on constraint case_month_tallies_key do update set received = t.received + excluded.received, closed = t.closed + excluded.closed;
      -- Counters that reach zero stay (readers skip them; their keys recur); a rebuild drops them.
    end $$`.execute(db);

  // Recomputes every counter from the cases table, set-wise (only while nothing else
  // writes cases: the bulk load, this backfill).
  await sql`create function kernel.rebuild_case_tallies() returns void language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtext('zhengfa.case_tallies'));
      delete from kernel.case_tally_deltas;
      delete from kernel.case_month_tally_deltas;
      delete from kernel.case_tallies;
      delete from kernel.case_month_tallies;
      drop table if exists case_scope_rows;
      create temporary table case_scope_rows on commit drop as
        select c.tenant_id, null::uuid as scope_org_id, c.kind, c.status, c.urgency, c.lead_unit_id, c.received_on, c.closed_at from kernel.cases as c
        union all
        select c.tenant_id, s.scope_org_id, c.kind, c.status, c.urgency, c.lead_unit_id, c.received_on, c.closed_at
        from (
          select distinct u.tenant_id, u.case_id, a::uuid as scope_org_id
          from (select tenant_id, id as case_id, unnest(array_append(cooperating_unit_ids, lead_unit_id)) as unit_id from kernel.cases) as u
          join kernel.orgs as o on o.tenant_id = u.tenant_id and o.id = u.unit_id,
          unnest(string_to_array(trim(both '/' from o.path), '/')) as a
        ) as s
        join kernel.cases as c on c.tenant_id = s.tenant_id and c.id = s.case_id;
      insert into kernel.case_tallies (tenant_id, scope_org_id, kind, status, urgency, lead_unit_id, n)
        select tenant_id, scope_org_id, kind, status, urgency, lead_unit_id, count(*) from case_scope_rows
        group by tenant_id, scope_org_id, kind, status, urgency, lead_unit_id
        -- stored in key order, so one scope's counters sit on few pages
        order by tenant_id, scope_org_id, status, urgency, kind, lead_unit_id;
      insert into kernel.case_month_tallies (tenant_id, scope_org_id, kind, status, month, received, closed)
        select tenant_id, scope_org_id, kind, status, month, sum(received), sum(closed) from (
          select tenant_id, scope_org_id, kind, status, date_trunc('month', received_on)::date as month, 1 as received, 0 as closed from case_scope_rows
          union all
          select tenant_id, scope_org_id, kind, status, date_trunc('month', closed_at at time zone 'Asia/Shanghai')::date, 0, 1 from case_scope_rows where closed_at is not null
        ) as m
        group by tenant_id, scope_org_id, kind, status, month
        order by tenant_id, scope_org_id, month, kind, status;
    end $$`.execute(db);
  await sql`select kernel.rebuild_case_tallies()`.execute(db);

  // Open cases whose dispatch meeting is due, per tenant (the dashboard's 待调度 figure and
  // the ledger's filter); the older index on next_dispatch_on alone serves the sweep.
  await sql`create index cases_open_dispatch_idx on kernel.cases (tenant_id, next_dispatch_on) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
}
