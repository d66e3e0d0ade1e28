// The statement log behind the tenant-key check (tooling/tenant-key): with TENANT_KEY_LOG
// set to a folder, every statement a Kysely instance of this package runs is written there
// once per process (deduplicated by its text), with where in the code it came from and the
// database scope it ran under. The check parses them afterwards and fails on any statement
// against a county's table that a database distributed by tenant_id (Citus) could not route
// to one county. Unset, nothing is installed and nothing is paid.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type LogEvent } from 'kysely';
import { currentDbScope } from './scope.js';

export const STATEMENT_LOG_ENV = 'TENANT_KEY_LOG';

/** One logged statement: a line of JSON in `<folder>/<pid>-<start ms>.jsonl`. */
export interface LoggedStatement {
  sql: string;
  /** The repository's frames that led to it, innermost first (path relative to the repository, and function). */
  frames: StatementFrame[];
  /** The role it ran as, or null outside any scope (the connecting role, across counties). */
  role: string | null;
}

export interface StatementFrame {
  file: string;
  fn: string;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OWN_FOLDER = `packages${path.sep}db${path.sep}src${path.sep}`;
const MAX_FRAMES = 6;
/** How many more times a text first seen from test code is looked at for a product caller. */
const RETRIES_FROM_TESTS = 8;

/** The repository's frames of the current stack, innermost first, this package's own left out. */
export function repositoryFrames(stack: string): StatementFrame[] {
  const frames: StatementFrame[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:async )?(?:(.*?) \()?(?:file:\/\/)?(\/[^()]+?):\d+:\d+\)?$/.exec(line);
    if (!m) continue;
    const file = m[2]!;
    if (!file.startsWith(REPO_ROOT + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const rel = path.relative(REPO_ROOT, file);
    if (rel.startsWith(OWN_FOLDER) && !rel.endsWith('.test.ts')) continue;
    frames.push({ file: rel.split(path.sep).join('/'), fn: m[1] ?? '' });
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/**
 * Whether the code that ran a statement is a test's own (its files, fixtures and harness)
 * rather than the product's: its innermost frame of the repository is. The same rule as the
 * tenant-key check's (tooling/tenant-key/src/check.ts), which judges only the product's.
 */
export function isTestCode(frames: readonly StatementFrame[]): boolean {
  const file = frames[0]?.file;
  if (!file) return true;
  return /\.test\.ts$|\/testing\/|\/testing\.ts$|\/src\/server\/test\/|^apps\/server\/src\/authorization\/|^packages\/test-utils\/|^tooling\//.test(file);
}

/** One writer per folder and process, shared by every database the process opens. */
const writers = new Map<string, (event: LogEvent) => void>();

/**
 * Kysely's `log` option writing each statement's text once to the folder named by
 * TENANT_KEY_LOG, or undefined when it is unset.
 */
export function statementLogger(env: NodeJS.ProcessEnv = process.env): ((event: LogEvent) => void) | undefined {
  const folder = env[STATEMENT_LOG_ENV];
  if (!folder) return undefined;
  let writer = writers.get(folder);
  if (!writer) {
    writer = statementWriter(folder);
    writers.set(folder, writer);
  }
  return writer;
}

function statementWriter(folder: string): (event: LogEvent) => void {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${process.pid}-${Date.now()}.jsonl`);
  // Text → remaining looks for a product caller (0: done).
  const seen = new Map<string, number>();
  return (event) => {
    const text = event.query.sql;
    const left = seen.get(text);
    if (left === 0) return;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const frames = repositoryFrames(stack);
    const fromTests = isTestCode(frames);
    if (fromTests && left !== undefined) {
      seen.set(text, left - 1);
      return;
    }
    seen.set(text, fromTests ? RETRIES_FROM_TESTS : 0);
    const entry: LoggedStatement = { sql: text, frames, role: currentDbScope()?.role ?? null };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  };
}

/** A relation of the migrated schema, as the tenant-key check reads it: `catalog-*.json` in the log folder. */
export interface CatalogRelation {
  /** schema.name */
  name: string;
  kind: 'table' | 'view';
  /** Whether it has a tenant_id column (a county's table). */
  tenant: boolean;
}

/**
 * Writes the relations of the database's schema (after migrations) to the statement log's
 * folder, once per distinct schema and process; nothing when TENANT_KEY_LOG is unset.
 */
export async function recordCatalog(db: Kysely<any>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const folder = env[STATEMENT_LOG_ENV];
  if (!folder) return;
  const { rows } = await sql<{ schema: string; name: string; kind: string; tenant: boolean }>`
    select t.table_schema as schema, t.table_name as name, t.table_type as kind,
           exists (select 1 from information_schema.columns c
                   where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id') as tenant
    from information_schema.tables t
    where t.table_schema not in ('pg_catalog', 'information_schema') and t.table_schema not like 'pg\_%'
    order by 1, 2`.execute(db);
  const relations: CatalogRelation[] = rows.map((r) => ({ name: `${r.schema}.${r.name}`, kind: r.kind === 'VIEW' ? 'view' : 'table', tenant: Boolean(r.tenant) }));
  const text = JSON.stringify(relations);
  if (recordedCatalogs.has(text)) return;
  recordedCatalogs.add(text);
  mkdirSync(folder, { recursive: true });
  appendFileSync(path.join(folder, `catalog-${process.pid}-${recordedCatalogs.size}.json`), text);
}

const recordedCatalogs = new Set<string>();
