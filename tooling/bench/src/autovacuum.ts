// What autovacuum would have done by now, for a PostgreSQL server that has it off (CI's
// machine). Each bench run leaves registrations, and the counter deltas the server's
// background loop folds and deletes every few seconds; a server in service has autovacuum
// on, PostgreSQL's default, which vacuums and analyzes a table once its changes pass the
// thresholds below. Vacuuming everything instead would be more than autovacuum does: at 1M
// a whole-database ANALYZE puts the bench's own registrations into the statistics of
// kernel.cases, which autovacuum leaves alone until a tenth of the table has changed.
import type { Raw } from './db.js';

export interface AutovacuumDue {
  table: string;
  vacuum: boolean;
  analyze: boolean;
  /** The statement autovacuum would have run on it. */
  command: 'vacuum (analyze)' | 'vacuum' | 'analyze';
}

/**
 * The tables whose dead rows, inserts since their last vacuum or changes since their last
 * analyze have passed autovacuum's thresholds (the server's settings; no table of the
 * product sets its own).
 */
export async function autovacuumDue(q: Raw['query']): Promise<AutovacuumDue[]> {
  const r = await q<{ table: string; vacuum: boolean; analyze: boolean }>(`
    with s as (
      select current_setting('autovacuum_vacuum_threshold')::float8 as vt,
             current_setting('autovacuum_vacuum_scale_factor')::float8 as vf,
             current_setting('autovacuum_vacuum_insert_threshold')::float8 as it,
             current_setting('autovacuum_vacuum_insert_scale_factor')::float8 as inf,
             current_setting('autovacuum_analyze_threshold')::float8 as at,
             current_setting('autovacuum_analyze_scale_factor')::float8 as af
    )
    select format('%I.%I', t.schemaname, t.relname) as table,
           t.n_dead_tup > s.vt + s.vf * greatest(c.reltuples, 0)
             or (s.it >= 0 and t.n_ins_since_vacuum > s.it + s.inf * greatest(c.reltuples, 0)) as vacuum,
           t.n_mod_since_analyze > s.at + s.af * greatest(c.reltuples, 0) as analyze
    from pg_stat_user_tables t join pg_class c on c.oid = t.relid, s
    order by 1`);
  return r.rows.filter((t) => t.vacuum || t.analyze).map((t) => ({ ...t, command: t.vacuum && t.analyze ? 'vacuum (analyze)' : t.vacuum ? 'vacuum' : 'analyze' }));
}

/** Runs on each table what autovacuum would have run; returns what it did. */
export async function catchUpAutovacuum(q: Raw['query']): Promise<AutovacuumDue[]> {
  const due = await autovacuumDue(q);
  for (const t of due) await q(`${t.command} ${t.table}`);
  return due;
}
