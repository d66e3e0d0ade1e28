// A cheap fingerprint of everything a request may write: for every table of every schema,
// its row count and the sum of its rows' transaction ids (xmin), which moves with any
// committed insert, update or delete and not with a rolled-back one. Two fingerprints that
// differ name the tables that changed.
//
// Some writes are intended on a refused call, and are left out:
// - kernel.audit_log counts only rows with outcome 'success': a refusal may record itself
//   ('denied' for a missing permission, 'failure' for a wrong current password);
// - kernel.audit_heads moves with every audit row, so with those too;
// - kernel.sessions: reading a session touches its last-seen time (its count still counts);
// - kernel.sign_in_throttle and kernel.users' sign-in counters (failed_attempts,
//   locked_until, last_login_at): a failed sign-in is counted by design;
// - a plugin's tables its definition names in `writesOnRefusal` (e.g. petitions'
//   lookup_attempts: every public look-up of a code is counted, the rate limit of wrong
//   guesses); pass the installed plugins to fingerprinter();
// - kernel.exports: an export an earlier, accepted call started progresses in the background
//   (status, rows done, finished time) while later calls run, so only what a request writes
//   is measured: which exports exist, for whom, of what.
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';

/** What is measured of a table: an expression over its rows, and which rows. */
interface Measure {
  value: string;
  where?: string;
}

const countAndXmin: Measure = { value: `count(*)::text || ':' || coalesce(sum(xmin::text::int8), 0)::text` };

const special: Record<string, Measure | null> = {
  'kernel.audit_log': { value: 'count(*)::text', where: `outcome = 'success'` },
  'kernel.audit_heads': null,
  'kernel.sessions': { value: 'count(*)::text' },
  'kernel.sign_in_throttle': null,
  'kernel.users': {
    value: `count(*)::text || ':' || coalesce(sum(hashtext(row(id, username, display_name, org_id, disabled, password_hash, must_change_password, version)::text)::int8), 0)::text`,
  },
  'kernel.exports': {
    value: `count(*)::text || ':' || coalesce(sum(hashtext(row(tenant_id, id, user_id, kind, filter, file_name, created_at)::text)::int8), 0)::text`,
  },
};

export type Fingerprint = Map<string, string>;

export interface Fingerprinter {
  take(): Promise<Fingerprint>;
  tables: string[];
}

/** The tables (`schema.table`) the plugins declare a refused call writes by design. */
export function refusalWritesOf(plugins: readonly Pick<AnyPlugin, 'id' | 'writesOnRefusal'>[]): string[] {
  return plugins.flatMap((p) => Object.keys(p.writesOnRefusal ?? {}).map((t) => `${p.id}.${t}`));
}

/**
 * Prepares one statement measuring every table (the list is read once), but the kernel's
 * exceptions above and the tables the given plugins declare in `writesOnRefusal`.
 */
export async function fingerprinter(db: Kysely<any>, opts: { plugins?: readonly Pick<AnyPlugin, 'id' | 'writesOnRefusal'>[] } = {}): Promise<Fingerprinter> {
  const r = await sql<{ name: string }>`select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'meta')
    order by 1`.execute(db);
  const byDesign = new Set(refusalWritesOf(opts.plugins ?? []));
  const tables = r.rows.map((x) => x.name).filter((t) => special[t] !== null && !byDesign.has(t));
  const parts = tables.map((t) => {
    const [schema, name] = t.split('.') as [string, string];
    const m = special[t] ?? countAndXmin;
    return `select '${t}' as t, (select ${m.value} from "${schema}"."${name}"${m.where ? ` where ${m.where}` : ''}) as v`;
  });
  const query = sql.raw<{ t: string; v: string }>(parts.join('\nunion all\n'));
  return {
    tables,
    async take() {
      const rows = await query.execute(db);
      return new Map(rows.rows.map((x) => [x.t, String(x.v)]));
    },
  };
}

/** The tables whose measure differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
