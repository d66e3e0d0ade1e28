// What a database distributed by tenant_id (Citus) needs of a statement, read from
// PostgreSQL's own parse tree (libpg-query): every reference to a county's table is pinned
// to one county by an equality on its tenant_id (with a parameter or a constant, or with
// another reference's tenant_id that is pinned, in the same query or an enclosing one),
// and two county tables read together are tied by an equality between their tenant_ids
// (directly, or through the same parameter), so the join stays on one shard.
//
// Statements other than SELECT, INSERT, UPDATE, DELETE (and EXPLAIN of them) are not
// looked at: DDL, transaction control, settings.
import { loadModule, parseSync } from 'libpg-query';

/** A relation of the schema: whether it is a county's table (it has tenant_id). */
export type Catalog = ReadonlyMap<string, { tenant: boolean }>;

export type Finding =
  /** A county's table read or written with no equality pinning its tenant_id. */
  | { kind: 'unkeyed'; table: string }
  /** Two county tables in one query with no tenant_id equality between them. */
  | { kind: 'unjoined'; tables: [string, string] };

export interface Analysis {
  /** Whether the statement is one this check judges (SELECT/INSERT/UPDATE/DELETE). */
  dml: boolean;
  /** The county tables it reads or writes (schema.name), sorted. */
  tenantTables: string[];
  /** The relations it names that are not in the catalog (CTE names excluded). */
  unknownTables: string[];
  findings: Finding[];
}

export async function loadParser(): Promise<void> {
  await loadModule();
}

type Node = Record<string, unknown>;

/** The one key of a parse-tree node ({ SelectStmt: {...} }) and its body. */
function unwrap(node: unknown): [string, Node] | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  if (!/^[A-Z]/.test(key)) return null;
  return [key, (node as Node)[key] as Node];
}

/** A node's body whether or not the tree wraps it in its type's key (relation, larg, withClause are not). */
function bodyOf(node: unknown, kind: string): Node | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const u = unwrap(node);
  return u && u[0] === kind ? u[1] : (node as Node);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(node: unknown): string | undefined {
  const u = unwrap(node);
  return u && u[0] === 'String' ? (u[1].sval as string) : undefined;
}

/** A reference to a relation in one query level's FROM (or the target of a write). */
interface Ref {
  /** The name it is referred to by: its alias, else its relation name. */
  alias: string;
  relname: string;
  /** schema.name for catalog tables; null for CTEs and subqueries. */
  table: string | null;
  tenant: boolean;
  /** A CTE or subquery whose every county table is pinned: its tenant_id is one county. */
  derivedPinned: boolean;
  id: number;
  /** A LATERAL subquery, judged once the references before it are known. */
  lateral?: unknown;
}

interface Level {
  refs: Ref[];
  pinned: (ref: Ref) => boolean;
  /** The class of tenant_ids tied together by equalities that the reference belongs to. */
  classOf: (ref: Ref) => string;
  parent: Level | null;
}

class UnionFind {
  readonly #parent = new Map<string, string>();
  find(x: string): string {
    let p = this.#parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.#parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(ra, rb);
  }
}

/** A node of the tenant_id equalities: a reference's tenant_id, a pinned value, or an unpinned unknown. */
type Term = { ref: Ref; level: Level } | { value: string } | { other: true };

class Analyzer {
  readonly findings: Finding[] = [];
  readonly tenantTables = new Set<string>();
  readonly unknownTables = new Set<string>();
  #nextId = 0;

  constructor(private readonly catalog: Catalog) {}

  /** Analyses a query (any statement node); returns whether all its county tables are pinned. */
  statement(node: unknown, parent: Level | null, ctes: Map<string, boolean>): boolean {
    const u = unwrap(node);
    if (!u) return true;
    const [kind, body] = u;
    switch (kind) {
      case 'SelectStmt':
        return this.select(body, parent, ctes);
      case 'InsertStmt':
        return this.insert(body, parent, ctes);
      case 'UpdateStmt':
        return this.write(body, 'fromClause', parent, ctes);
      case 'DeleteStmt':
        return this.write(body, 'usingClause', parent, ctes);
      case 'ExplainStmt':
        return this.statement(body.query, parent, ctes);
      default:
        return true;
    }
  }

  #withClause(body: Node, parent: Level | null, ctes: Map<string, boolean>): { ctes: Map<string, boolean>; pinned: boolean } {
    const w = bodyOf(body.withClause, 'WithClause');
    if (!w) return { ctes, pinned: true };
    const own = new Map(ctes);
    let pinned = true;
    for (const c of list(w.ctes)) {
      const cte = unwrap(c)?.[1];
      if (!cte) continue;
      const name = cte.ctename as string;
      // A recursive CTE refers to itself: taken as pinned while its body is looked at.
      if (w.recursive) own.set(name, true);
      const p = this.statement(cte.ctequery, parent, own);
      own.set(name, p);
      pinned &&= p;
    }
    return { ctes: own, pinned };
  }

  select(body: Node, parent: Level | null, outerCtes: Map<string, boolean>): boolean {
    const { ctes, pinned: ctesPinned } = this.#withClause(body, parent, outerCtes);
    if (body.op && body.op !== 'SETOP_NONE') {
      const l = this.select(bodyOf(body.larg, 'SelectStmt')!, parent, ctes);
      const r = this.select(bodyOf(body.rarg, 'SelectStmt')!, parent, ctes);
      return ctesPinned && l && r;
    }
    const refs: Ref[] = [];
    const conjuncts: unknown[] = [];
    const usingTenant: Array<[Ref[], Ref[]]> = [];
    let derivedPinned = true;
    for (const item of list(body.fromClause)) derivedPinned = this.#fromItem(item, refs, conjuncts, usingTenant, parent, ctes) && derivedPinned;
    conjuncts.push(...andTerms(body.whereClause));
    const { level, lateralPinned } = this.#withLaterals(refs, conjuncts, usingTenant, parent, ctes);
    derivedPinned &&= lateralPinned;
    const rest = { ...body, fromClause: undefined, withClause: undefined };
    const subPinned = this.#sublinks(rest, level, ctes) && this.#sublinks(list(body.fromClause), level, ctes);
    return ctesPinned && derivedPinned && subPinned && this.#judge(level);
  }

  insert(body: Node, parent: Level | null, outerCtes: Map<string, boolean>): boolean {
    const { ctes, pinned: ctesPinned } = this.#withClause(body, parent, outerCtes);
    const target = this.#rangeVar(bodyOf(body.relation, 'RangeVar')!, ctes);
    const cols = list(body.cols).map((c) => unwrap(c)?.[1].name as string);
    let pinned = true;
    if (target.tenant && cols.length > 0 && !cols.includes('tenant_id')) {
      this.findings.push({ kind: 'unkeyed', table: target.table! });
      pinned = false;
    }
    // The rows come from VALUES or a query; either is a query of its own.
    const source = bodyOf(body.selectStmt, 'SelectStmt');
    if (source) pinned = this.select(source, parent, ctes) && pinned;
    // ON CONFLICT's SET and WHERE see the target row: pinned by the inserted tenant_id.
    const targetLevel: Level = { refs: [target], pinned: () => true, classOf: () => '', parent };
    pinned = this.#sublinks({ onConflictClause: body.onConflictClause, returningList: body.returningList }, targetLevel, ctes) && pinned;
    return ctesPinned && pinned;
  }

  /** UPDATE (extra relations in fromClause) and DELETE (in usingClause). */
  write(body: Node, extraKey: string, parent: Level | null, outerCtes: Map<string, boolean>): boolean {
    const { ctes, pinned: ctesPinned } = this.#withClause(body, parent, outerCtes);
    const target = this.#rangeVar(bodyOf(body.relation, 'RangeVar')!, ctes);
    const refs: Ref[] = [target];
    const conjuncts: unknown[] = [];
    const usingTenant: Array<[Ref[], Ref[]]> = [];
    let derivedPinned = true;
    for (const item of list(body[extraKey])) derivedPinned = this.#fromItem(item, refs, conjuncts, usingTenant, parent, ctes) && derivedPinned;
    conjuncts.push(...andTerms(body.whereClause));
    const { level, lateralPinned } = this.#withLaterals(refs, conjuncts, usingTenant, parent, ctes);
    derivedPinned &&= lateralPinned;
    const rest = { ...body, relation: undefined, [extraKey]: undefined, withClause: undefined };
    const subPinned = this.#sublinks(rest, level, ctes) && this.#sublinks(list(body[extraKey]), level, ctes);
    return ctesPinned && derivedPinned && subPinned && this.#judge(level);
  }

  #rangeVar(rv: Node, ctes: Map<string, boolean>): Ref {
    const relname = rv.relname as string;
    const schema = (rv.schemaname as string | undefined) ?? null;
    const alias = (bodyOf(rv.alias, 'Alias')?.aliasname as string | undefined) ?? relname;
    const id = this.#nextId++;
    if (!schema && ctes.has(relname)) return { alias, relname, table: null, tenant: false, derivedPinned: ctes.get(relname)!, id };
    const table = `${schema ?? 'public'}.${relname}`;
    const entry = this.catalog.get(table);
    if (!entry) this.unknownTables.add(table);
    const tenant = entry?.tenant ?? false;
    if (tenant) this.tenantTables.add(table);
    return { alias, relname, table, tenant, derivedPinned: false, id };
  }

  /** Adds a FROM item's references; returns whether the subqueries among them are pinned. */
  #fromItem(item: unknown, refs: Ref[], conjuncts: unknown[], usingTenant: Array<[Ref[], Ref[]]>, parent: Level | null, ctes: Map<string, boolean>): boolean {
    const u = unwrap(item);
    if (!u) return true;
    const [kind, body] = u;
    if (kind === 'RangeVar') {
      refs.push(this.#rangeVar(body, ctes));
      return true;
    }
    if (kind === 'JoinExpr') {
      const left: Ref[] = [];
      const right: Ref[] = [];
      const l = this.#fromItem(body.larg, left, conjuncts, usingTenant, parent, ctes);
      const r = this.#fromItem(body.rarg, right, conjuncts, usingTenant, parent, ctes);
      refs.push(...left, ...right);
      conjuncts.push(...andTerms(body.quals));
      if (list(body.usingClause).some((c) => str(c) === 'tenant_id')) usingTenant.push([left, right]);
      return l && r;
    }
    if (kind === 'RangeSubselect') {
      const alias = bodyOf(body.alias, 'Alias')?.aliasname as string | undefined;
      if (body.lateral) {
        refs.push({ alias: alias ?? '', relname: alias ?? '', table: null, tenant: false, derivedPinned: false, id: this.#nextId++, lateral: body.subquery });
        return true;
      }
      const pinned = this.statement(body.subquery, parent, ctes);
      refs.push({ alias: alias ?? '', relname: alias ?? '', table: null, tenant: false, derivedPinned: pinned, id: this.#nextId++ });
      return pinned;
    }
    // RangeFunction (unnest, generate_series) and the like: no county table of their own.
    return true;
  }

  /**
   * The level, with its LATERAL subqueries judged against the references before them (the
   * level as their enclosing query), and the level rebuilt with what they turned out to pin.
   */
  #withLaterals(refs: Ref[], conjuncts: unknown[], usingTenant: Array<[Ref[], Ref[]]>, parent: Level | null, ctes: Map<string, boolean>): { level: Level; lateralPinned: boolean } {
    let level = this.#level(refs, conjuncts, usingTenant, parent);
    const laterals = refs.filter((r) => r.lateral !== undefined);
    if (laterals.length === 0) return { level, lateralPinned: true };
    let lateralPinned = true;
    for (const ref of laterals) {
      ref.derivedPinned = this.statement(ref.lateral, level, ctes);
      lateralPinned &&= ref.derivedPinned;
    }
    level = this.#level(refs, conjuncts, usingTenant, parent);
    return { level, lateralPinned };
  }

  /**
   * The equalities of one query level: tenant_ids tied by `=` (to each other, to a value, to
   * an enclosing query's reference) fall into classes; a class with a value or a pinned
   * reference in it pins every reference in it.
   */
  #level(refs: Ref[], conjuncts: unknown[], usingTenant: Array<[Ref[], Ref[]]>, parent: Level | null): Level {
    const uf = new UnionFind();
    const anchors: string[] = [];
    const level: Level = { refs, parent, pinned: () => false, classOf: () => '' };
    const node = (t: Term): string | null => {
      if ('other' in t) return null;
      if ('value' in t) {
        anchors.push(`value:${t.value}`);
        return `value:${t.value}`;
      }
      if (t.level !== level) {
        if (t.level.pinned(t.ref)) anchors.push(`outer:${t.ref.id}`);
        return `outer:${t.ref.id}`;
      }
      if (t.ref.derivedPinned) anchors.push(`ref:${t.ref.id}`);
      return `ref:${t.ref.id}`;
    };
    for (const c of conjuncts) {
      const eq = equality(c);
      if (!eq) continue;
      const a = node(this.#term(eq[0], level));
      const b = node(this.#term(eq[1], level));
      if (a && b) uf.union(a, b);
    }
    for (const [left, right] of usingTenant) {
      const l = left.find((r) => r.tenant || r.table === null);
      const r = right.find((x) => x.tenant || x.table === null);
      if (l && r) uf.union(`ref:${l.id}`, `ref:${r.id}`);
    }
    const pinnedRoots = new Set(anchors.map((a) => uf.find(a)));
    level.pinned = (ref) => ref.derivedPinned || pinnedRoots.has(uf.find(`ref:${ref.id}`));
    level.classOf = (ref) => uf.find(`ref:${ref.id}`);
    return level;
  }

  /** One side of an equality: a reference's tenant_id, a value (parameter, constant), or null for anything else. */
  #term(expr: unknown, level: Level): Term {
    const u = unwrap(expr);
    if (!u) return { other: true };
    const [kind, body] = u;
    if (kind === 'TypeCast') return this.#term(body.arg, level);
    if (kind === 'ColumnRef') {
      const fields = list(body.fields).map(str);
      if (fields[fields.length - 1] !== 'tenant_id') return { other: true };
      const qualifier = fields.length >= 2 ? fields[fields.length - 2] : undefined;
      for (let l: Level | null = level; l; l = l.parent) {
        const ref = qualifier ? l.refs.find((r) => r.alias === qualifier) : unqualified(l.refs);
        if (ref) return { ref, level: l };
      }
      return { other: true };
    }
    if (isValue(expr)) return { value: valueKey(expr) };
    return { other: true };
  }

  /** Analyses the subqueries in expressions (SubLinks) with `level` as their enclosing query. */
  #sublinks(tree: unknown, level: Level, ctes: Map<string, boolean>): boolean {
    let pinned = true;
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) {
        x.forEach(walk);
        return;
      }
      if (!x || typeof x !== 'object') return;
      const u = unwrap(x);
      if (u && u[0] === 'SubLink') {
        pinned = this.statement(u[1].subselect, level, ctes) && pinned;
        walk(u[1].testexpr);
        return;
      }
      if (u && (u[0] === 'RangeSubselect' || u[0] === 'RangeVar')) return;
      for (const v of Object.values(x)) walk(v);
    };
    walk(tree);
    return pinned;
  }

  /** Records the level's findings; returns whether every county table in it is pinned. */
  #judge(level: Level): boolean {
    const tenantRefs = level.refs.filter((r) => r.tenant);
    let pinned = true;
    for (const ref of tenantRefs) {
      if (!level.pinned(ref)) {
        this.findings.push({ kind: 'unkeyed', table: ref.table! });
        pinned = false;
      }
    }
    for (let i = 0; i < tenantRefs.length; i++) {
      for (let j = i + 1; j < tenantRefs.length; j++) {
        const a = tenantRefs[i]!;
        const b = tenantRefs[j]!;
        if (!level.pinned(a) || !level.pinned(b)) continue;
        if (level.classOf(a) === level.classOf(b)) continue;
        this.findings.push({ kind: 'unjoined', tables: [a.table!, b.table!] });
      }
    }
    return pinned;
  }
}

/** The reference an unqualified tenant_id means: the level's county table (all of them if more than one, which PostgreSQL would refuse). */
function unqualified(refs: Ref[]): Ref | undefined {
  return refs.find((r) => r.tenant);
}

/** The top-level AND terms of a condition. */
function andTerms(expr: unknown): unknown[] {
  const u = unwrap(expr);
  if (!u) return [];
  if (u[0] === 'BoolExpr' && u[1].boolop === 'AND_EXPR') return list(u[1].args).flatMap(andTerms);
  return [expr];
}

/** The two sides of `a = b` (or `a in (b)` with one value), or null. */
function equality(expr: unknown): [unknown, unknown] | null {
  const u = unwrap(expr);
  if (!u || u[0] !== 'A_Expr') return null;
  const op = list(u[1].name).map(str).join('.');
  if (op !== '=') return null;
  if (u[1].kind === 'AEXPR_OP') return [u[1].lexpr, u[1].rexpr];
  if (u[1].kind === 'AEXPR_IN') {
    const items = list(unwrap(u[1].rexpr)?.[1].items ?? u[1].rexpr);
    if (items.length === 1) return [u[1].lexpr, items[0]];
  }
  return null;
}

/** An expression with no column and no subquery in it: one value for the whole statement. */
function isValue(expr: unknown): boolean {
  let value = true;
  const walk = (x: unknown): void => {
    if (!value || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const u = unwrap(x);
    if (u && (u[0] === 'ColumnRef' || u[0] === 'SubLink')) {
      value = false;
      return;
    }
    for (const v of Object.values(x)) walk(v);
  };
  walk(expr);
  return value;
}

function valueKey(expr: unknown): string {
  return JSON.stringify(expr, (k, v: unknown) => (k === 'location' ? undefined : v));
}

/** Parses `text` and judges every statement in it. Throws PostgreSQL's syntax error when it does not parse. */
export function analyze(text: string, catalog: Catalog): Analysis {
  const tree = parseSync(text);
  const analyzer = new Analyzer(catalog);
  let dml = false;
  for (const s of tree.stmts ?? []) {
    const u = unwrap(s.stmt);
    if (!u) continue;
    const kind = u[0] === 'ExplainStmt' ? unwrap(u[1].query)?.[0] : u[0];
    if (kind !== 'SelectStmt' && kind !== 'InsertStmt' && kind !== 'UpdateStmt' && kind !== 'DeleteStmt') continue;
    dml = true;
    analyzer.statement(s.stmt, null, new Map());
  }
  return {
    dml,
    tenantTables: [...analyzer.tenantTables].sort(),
    unknownTables: [...analyzer.unknownTables].sort(),
    findings: dedupe(analyzer.findings),
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = JSON.stringify(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
