// The tenant-key check over a statement log (@zhengfa/db's TENANT_KEY_LOG folder): every
// statement the product ran during the test suite is parsed and judged (analyze.ts);
// statements that cross counties by design pass through the allowlist, each entry with its
// reason; every relation without tenant_id must be a listed reference table.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type Catalog, type Finding } from './analyze.js';

export interface Frame {
  file: string;
  fn: string;
}

/** One line of the statement log. */
export interface LoggedStatement {
  sql: string;
  frames: Frame[];
  role: string | null;
}

/**
 * Whether a test's own code ran a statement (its files, fixtures and harness) rather than the
 * product's: its innermost frame of the repository is (or it has none). The same rule as the
 * statement log's (@zhengfa/db statement-log.ts), which looks again for a product caller.
 */
export function isTestCaller(frames: readonly Frame[]): boolean {
  const file = frames[0]?.file;
  if (!file) return true;
  return /\.test\.ts$|\/testing\/|\/testing\.ts$|\/src\/server\/test\/|^apps\/server\/src\/authorization\/|^packages\/test-utils\/|^tooling\//.test(file);
}

export interface CatalogRelation {
  name: string;
  kind: 'table' | 'view';
  tenant: boolean;
}

/**
 * A relation that is not distributed by tenant_id (or a schema's, `meta.*`): a reference
 * table copied whole to every node, or a table kept on the coordinator alone. Statements on
 * them are not judged.
 */
export interface ReferenceTable {
  table: string;
  placement: 'reference' | 'coordinator';
  reason: string;
}

/** Statements from this code (a frame of their caller chain) may cross counties. */
export interface AllowEntry {
  /** A file of the repository; `*` stands for any run of characters but `/`. */
  file: string;
  /** The function, as the stack names it; any function of the file when absent. */
  fn?: string;
  /** Only statements containing this text. */
  contains?: string;
  reason: string;
}

export interface Offender {
  sql: string;
  findings: Finding[];
  /** The caller chains it came from (innermost frame first). */
  callers: Frame[][];
}

export interface CheckReport {
  /** Distinct statement texts in the log. */
  statements: number;
  /** Of those, run only by tests' own code (fixtures, assertions): not judged. */
  testOnly: number;
  /** Distinct SELECT/INSERT/UPDATE/DELETE texts the product ran: judged. */
  judged: number;
  /** Of those, the ones reading or writing a county's table. */
  onTenantTables: number;
  offenders: Offender[];
  /** Allowlist entry → how many statements it let through. */
  allowed: Array<{ entry: AllowEntry; statements: number; example: string }>;
  unparsed: Array<{ sql: string; error: string }>;
  /** Relations without tenant_id that reference-tables.json does not list. */
  unlistedReference: string[];
  /** Tables listed as reference tables that have a tenant_id after all (listed by mistake). */
  listedButTenant: string[];
  /** The product's relations distributed by tenant_id, and the others (reference, coordinator). */
  tenantTables: number;
  referenceTables: number;
}

export function mergeCatalogs(catalogs: CatalogRelation[][]): Map<string, CatalogRelation> {
  const merged = new Map<string, CatalogRelation>();
  for (const c of catalogs) {
    for (const r of c) {
      const prev = merged.get(r.name);
      merged.set(r.name, prev ? { ...prev, tenant: prev.tenant || r.tenant } : r);
    }
  }
  return merged;
}

function listing(table: string, references: readonly ReferenceTable[]): ReferenceTable | undefined {
  const schema = table.split('.', 1)[0];
  return references.find((r) => r.table === table || r.table === `${schema}.*`);
}

const fileGlob = (glob: string) => new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

function matches(entry: AllowEntry, sql: string, callers: Frame[]): boolean {
  if (entry.contains !== undefined && !sql.includes(entry.contains)) return false;
  const file = fileGlob(entry.file);
  return callers.some((f) => file.test(f.file) && (entry.fn === undefined || f.fn === entry.fn));
}

/**
 * The schemas of the product: the kernel's, the migration runner's and one per plugin of the
 * repository (a plugin's schema is its id, its folder under plugins/). Relations of any other
 * schema were made by tests (fixture plugins, probes) and are not judged.
 */
export function productSchemas(pluginIds: readonly string[]): Set<string> {
  return new Set(['kernel', 'meta', ...pluginIds]);
}

export function check(
  log: readonly LoggedStatement[],
  allRelations: ReadonlyMap<string, CatalogRelation>,
  references: readonly ReferenceTable[],
  allowlist: readonly AllowEntry[],
  schemas: ReadonlySet<string> = productSchemas([]),
): CheckReport {
  const relations = new Map([...allRelations].filter(([name]) => schemas.has(name.split('.', 1)[0]!)));
  // Distributed: every relation with a tenant_id that is not kept whole somewhere.
  const catalog: Catalog = new Map([...relations].map(([name, r]) => [name, { tenant: r.tenant && !listing(name, references) }]));
  const bySql = new Map<string, LoggedStatement[]>();
  for (const s of log) {
    const list = bySql.get(s.sql);
    if (list) list.push(s);
    else bySql.set(s.sql, [s]);
  }
  const report: CheckReport = {
    statements: bySql.size,
    testOnly: 0,
    judged: 0,
    onTenantTables: 0,
    offenders: [],
    allowed: allowlist.map((entry) => ({ entry, statements: 0, example: '' })),
    unparsed: [],
    unlistedReference: [...relations.values()].filter((r) => !r.tenant && !listing(r.name, references)).map((r) => r.name).sort(),
    listedButTenant: references.filter((r) => r.placement === 'reference' && relations.get(r.table)?.tenant).map((r) => r.table).sort(),
    tenantTables: [...catalog.values()].filter((r) => r.tenant).length,
    referenceTables: [...catalog.values()].filter((r) => !r.tenant).length,
  };
  for (const [sql, records] of bySql) {
    const product = records.filter((r) => !isTestCaller(r.frames));
    if (product.length === 0) {
      report.testOnly++;
      continue;
    }
    let analysis;
    try {
      analysis = analyze(sql, catalog);
    } catch (err) {
      report.unparsed.push({ sql, error: (err as Error).message });
      continue;
    }
    if (!analysis.dml) continue;
    report.judged++;
    if (analysis.tenantTables.length > 0) report.onTenantTables++;
    if (analysis.findings.length === 0) continue;
    // Every caller of an offending text must be one that crosses counties by design.
    const callers = dedupeCallers(product.map((r) => r.frames));
    const entries = callers.map((c) => report.allowed.find((a) => matches(a.entry, sql, c)));
    if (entries.every(Boolean)) {
      for (const e of new Set(entries)) {
        e!.statements++;
        e!.example ||= sql;
      }
      continue;
    }
    report.offenders.push({ sql, findings: analysis.findings, callers: callers.filter((_, i) => !entries[i]) });
  }
  return report;
}

function dedupeCallers(chains: Frame[][]): Frame[][] {
  const seen = new Map<string, Frame[]>();
  for (const c of chains) seen.set(JSON.stringify(c), c);
  return [...seen.values()];
}

/** Reads the statement log and the catalogs from the folder the tests wrote them to. */
export function readLog(folder: string): { log: LoggedStatement[]; catalogs: CatalogRelation[][] } {
  const log: LoggedStatement[] = [];
  const catalogs: CatalogRelation[][] = [];
  for (const name of readdirSync(folder).sort()) {
    const text = readFileSync(path.join(folder, name), 'utf8');
    if (name.startsWith('catalog-') && name.endsWith('.json')) catalogs.push(JSON.parse(text) as CatalogRelation[]);
    else if (name.endsWith('.jsonl')) {
      for (const line of text.split('\n')) if (line) log.push(JSON.parse(line) as LoggedStatement);
    }
  }
  return { log, catalogs };
}

const oneLine = (sql: string, max = 220) => {
  const s = sql.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

const describeFinding = (f: Finding) => (f.kind === 'unkeyed' ? `${f.table}: no equality on tenant_id` : `${f.tables[0]} ⋈ ${f.tables[1]}: no tenant_id equality between them`);

/** The report as printed by `pnpm tenant-key`; the last line is the verdict. */
export function formatReport(r: CheckReport): string[] {
  const lines: string[] = [];
  for (const o of r.offenders) {
    lines.push(`OFFENDER ${oneLine(o.sql)}`);
    for (const f of o.findings) lines.push(`  ${describeFinding(f)}`);
    for (const c of o.callers.slice(0, 3)) lines.push(`  from ${c.map((f) => `${f.file}${f.fn ? ` (${f.fn})` : ''}`).join(' ← ')}`);
  }
  for (const u of r.unparsed) lines.push(`UNPARSED ${oneLine(u.sql)}: ${u.error}`);
  for (const t of r.unlistedReference) lines.push(`UNLISTED ${t} has no tenant_id and is not in reference-tables.json`);
  for (const t of r.listedButTenant) lines.push(`MISLISTED ${t} is a reference table in reference-tables.json but has a tenant_id`);
  for (const a of r.allowed) lines.push(`allowed ${a.statements} × ${a.entry.file}${a.entry.fn ? ` (${a.entry.fn})` : ''}: ${a.entry.reason}`);
  lines.push(
    `tenant-key: ${r.statements} distinct statements logged, ${r.testOnly} from tests' own code; ${r.judged} product statements judged, ${r.onTenantTables} on distributed tables (${r.tenantTables} distributed by tenant_id, ${r.referenceTables} not); ${r.allowed.reduce((n, a) => n + a.statements, 0)} allowlisted, ${r.offenders.length} offenders`,
  );
  return lines;
}

export function passed(r: CheckReport): boolean {
  return r.offenders.length === 0 && r.unparsed.length === 0 && r.unlistedReference.length === 0 && r.listedButTenant.length === 0 && r.judged > 0;
}
