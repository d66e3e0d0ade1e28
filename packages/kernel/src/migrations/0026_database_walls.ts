// Two walls in the database behind the application's own checks (issue 29 等保, issue 30 item 4).
//
// 1. County walls: row-level security on every table with a tenant_id column, in the
//    kernel's schema and every plugin's, with the policy `county_wall`: a row is visible and
//    writable only when its tenant_id equals the setting `zhengfa.tenant_id`. Work done for a
//    county runs as the role `zhengfa_app` with that setting (db scope.ts; plugin-api's authed
//    procedures enter it), so a query that forgets `where tenant_id = …` still sees only the
//    county it acts for, and a write into another county is refused.
// 2. Plugin walls: each plugin gets the role `zhengfa_plugin_<id>` with privileges on its own
//    schema only; a plugin's procedures run as it (kernel context.ts), so its SQL cannot
//    reach the kernel's tables or another plugin's, except the kernel tables it declares it
//    still reads (`kernelReads`, SELECT only, county-walled).
//
// The roles own nothing and cannot bypass row-level security. The tables stay owned by the
// role that migrates (the connecting role), which the policies do not hold (not FORCEd):
// migrations, the background loop and other deliberately cross-county work run as it,
// outside any scope. `kernel.apply_walls` is idempotent; the kernel runs it after every
// migration run (kernel.ts), so tables added later by the kernel or a plugin get their walls.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function kernel.ensure_wall_role(role_name text) returns void
    language plpgsql as $fn$
    begin
      if not exists (select 1 from pg_roles where rolname = role_name) then
        begin
          execute format('create role %I nologin nosuperuser nobypassrls noinherit', role_name);
        exception when duplicate_object or unique_violation then
          null; -- another database of the same cluster created it meanwhile
        end;
      end if;
      -- The connecting role takes the role with SET ROLE; a superuser may take any.
      if not (select rolsuper from pg_roles where rolname = session_user) then
        begin
          execute format('grant %I to %I', role_name, session_user);
        exception when others then
          raise warning 'zhengfa: cannot grant role % to %: %', role_name, session_user, sqlerrm;
        end;
      end if;
    end
    $fn$`.execute(db);

  await sql`
    create or replace function kernel.apply_walls(plugin_ids text[], plugin_kernel_reads text[] default '{}') returns void
    language plpgsql as $fn$
    declare
      s text;
      r record;
      plugin_role text;
      schemas text[] := array['kernel'];
    begin
      perform kernel.ensure_wall_role('zhengfa_app');
      foreach s in array plugin_ids loop
        if exists (select 1 from pg_namespace where nspname = s) then
          schemas := schemas || s;
        end if;
      end loop;

      -- The application role: every table of the kernel and the plugins, county-walled.
      foreach s in array schemas loop
        execute format('grant usage on schema %I to zhengfa_app', s);
        execute format('grant select, insert, update, delete on all tables in schema %I to zhengfa_app', s);
        execute format('grant usage, select, update on all sequences in schema %I to zhengfa_app', s);
      end loop;

      -- Each plugin's role: its own schema, and the kernel tables it declares it reads.
      foreach s in array schemas[2:] loop
        plugin_role := 'zhengfa_plugin_' || s;
        perform kernel.ensure_wall_role(plugin_role);
        execute format('grant usage on schema %I to %I', s, plugin_role);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, plugin_role);
        execute format('grant usage, select, update on all sequences in schema %I to %I', s, plugin_role);
      end loop;
      for r in
        select split_part(e, '.', 1) as plugin, split_part(e, '.', 2) as tbl
        from unnest(plugin_kernel_reads) e
      loop
        if r.plugin = any(schemas[2:]) and to_regclass(format('kernel.%I', r.tbl)) is not null then
          execute format('grant usage on schema kernel to %I', 'zhengfa_plugin_' || r.plugin);
          execute format('grant select on kernel.%I to %I', r.tbl, 'zhengfa_plugin_' || r.plugin);
        end if;
      end loop;

      -- Row-level security lets the planner use a condition as an index condition ahead of
      -- the policy's only when its functions are LEAKPROOF. The keyword searches find
      -- candidates through GIN indexes over text[] grams (search_grams @> …, issue_grams
      -- @> …, &&), whose functions are not marked so: behind the wall each search would read
      -- the county's every row (0.2 ms -> 63 ms for 200,000 rows). Their results depend on
      -- no row's content beyond true/false (the element type's equality, itself leakproof),
      -- so mark them where the migrating role may (a superuser; PGlite always), here rather
      -- than once, since pg_proc is per database and a restored dump does not carry it.
      -- Otherwise a superuser runs the two statements (docs/operations.md).
      if not (select bool_and(proleakproof) from pg_proc
              where oid in ('pg_catalog.arraycontains(anyarray, anyarray)'::regprocedure,
                            'pg_catalog.arrayoverlap(anyarray, anyarray)'::regprocedure)) then
        if (select rolsuper from pg_roles where rolname = session_user) then
          alter function pg_catalog.arraycontains(anyarray, anyarray) leakproof;
          alter function pg_catalog.arrayoverlap(anyarray, anyarray) leakproof;
        else
          raise notice 'zhengfa: arraycontains and arrayoverlap are not LEAKPROOF; keyword searches behind the county walls read every row of the county until a superuser marks them (docs/operations.md)';
        end if;
      end if;

      -- County walls on every table with tenant_id.
      for r in
        select n.nspname, c.relname, c.relrowsecurity, c.oid
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where c.relkind in ('r', 'p') and n.nspname = any(schemas)
      loop
        if not r.relrowsecurity then
          execute format('alter table %I.%I enable row level security', r.nspname, r.relname);
        end if;
        if not exists (select 1 from pg_policy where polrelid = r.oid and polname = 'county_wall') then
          execute format(
            'create policy county_wall on %I.%I using (tenant_id::text = current_setting(''zhengfa.tenant_id'', true)) with check (tenant_id::text = current_setting(''zhengfa.tenant_id'', true))',
            r.nspname, r.relname);
        end if;
      end loop;
    end
    $fn$`.execute(db);

  await sql`select kernel.apply_walls('{}'::text[])`.execute(db);
}
