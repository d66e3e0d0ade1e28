// The plugin contract. A plugin package's server entry default-exports definePlugin(...).
import type { TRPCRouterRecord } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { EventCatalog } from './events.js';
import type { AuditWriter, AuthedContext, EventPublisher, KernelApi, KernelOperation } from './context.js';
import type { TodoItem } from './todos.js';
import type { MigrationEnv, RekeyedColumn, SealedColumn, Vault } from './vault.js';

export interface Migration {
  /** `env.vault` seals values a migration moves from plaintext (see SealedColumn). */
  up(db: Kysely<any>, env?: MigrationEnv): Promise<void>;
}

/** The built-in business roles a plugin permission may be given to by default. */
export type BuiltinBusinessRole = 'leader' | 'supervisor' | 'liaison';

export interface PermissionDefinition {
  /** `<plugin id>.<action>`, e.g. 'petitions.register'. */
  key: string;
  /** Chinese name shown in the role editor, e.g. '登记信访'. */
  name: string;
  /** Chinese group heading in the role editor; defaults to the plugin's name. */
  group?: string;
  description?: string;
  /**
   * The built-in roles that hold it by default (政法委领导 leader, 执法监督室 supervisor,
   * 单位联络员 liaison). A sensitive permission — revealing personal data, accusations,
   * write-offs, discipline records — goes to none (`[]`): the security administrator grants
   * it through a role of the county's own. Required of plugins; the kernel's own
   * permissions are placed in its built-in roles directly.
   */
  defaultRoles?: readonly BuiltinBusinessRole[];
}

export interface CaseKindDefinition {
  /** Lower-case key, e.g. 'petition'. */
  key: string;
  /** Chinese name, e.g. '信访事项'. */
  name: string;
  /** The word in document numbers: 示政法{docWord}〔2026〕12号, e.g. '访'. */
  docWord: string;
  /** Statutory clocks the kernel starts for every case of this kind. */
  clocks?: StatutoryClockDefinition[];
  /**
   * Cases of this kind are assigned without 立项审批: straight from registration (e.g.
   * petitions, which the petition office routes under 分级负责、归口办理).
   */
  skipApproval?: boolean;
}

export interface StatutoryClockDefinition {
  /** Unique within the kind, e.g. 'handle'. */
  key: string;
  /** Chinese name, e.g. '办理期限'. */
  name: string;
  days: number;
  unit: 'natural' | 'working';
  /** Days an approved extension may add in total (0: not extendable). */
  maxExtensionDays?: number;
  /** Starts when the case is registered or when it is assigned to a unit. */
  startsAt: 'register' | 'assign';
}

export interface KernelEvent<P = Record<string, unknown>> {
  id: number;
  name: string;
  tenantId: string | null;
  payload: P;
  occurredAt: Date;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface BackgroundContext {
  /** A transaction: everything the handler writes commits with its delivery record. */
  db: Kysely<any>;
  events: EventPublisher;
  log: Logger;
  /** The instant this delivery or job run started, on the kernel's clock (see RequestContext.now). */
  now: Date;
}

/**
 * A county's working calendar, read-only: the official arrangement (holidays, make-up
 * workdays) corrected by the county's administrator, as the kernel's own clocks count and as
 * a request's `ctx.kernel.calendar` answers. Reads in the handler's transaction.
 */
export interface CountyCalendar {
  /** The `days`-th working day after `date` (YYYY-MM-DD; the day itself never counts). */
  addWorkingDays(date: string, days: number): Promise<string>;
  /** Whether `date` (YYYY-MM-DD) is a working day in the county. */
  isWorkingDay(date: string): Promise<boolean>;
}

/** What an event handler receives: the background context and the event's county's calendar. */
export interface EventContext extends BackgroundContext {
  /** The working calendar of the event's county; null for an event with no county. */
  calendar: CountyCalendar | null;
}

export type EventHandler = (event: KernelEvent, ctx: EventContext) => Promise<void>;

/** A job's run is for one county: work only on that county's rows. */
export interface JobContext extends BackgroundContext {
  tenantId: string;
  /**
   * The kernel's public API acting as the system (系统), not as a user, for this county only:
   * its whole county is in scope, and only the operations the job declares in its
   * `kernelAccess` are allowed (any other call is refused). What it writes is audited as 系统.
   * Pass `{ db: ctx.db }` so the kernel's writes commit with the job's own.
   */
  kernel: KernelApi;
  /** Appends to the audit log as 系统 (in the job's transaction unless told otherwise). */
  audit: AuditWriter;
}

export interface JobDefinition {
  /** Unique within the plugin. */
  name: string;
  /**
   * Runs once per period across all server processes, once for each county that has the
   * plugin switched on (a county that switched it off is skipped, its data left as it is).
   */
  everySeconds: number;
  /**
   * The kernel operations the job may call through `ctx.kernel` (the same names as the
   * plugin's `kernelAccess`), checked when the host starts. None: every call is refused.
   */
  kernelAccess?: readonly KernelOperation[];
  run(ctx: JobContext): Promise<void>;
}

export interface PluginDefinition<TRouter extends TRPCRouterRecord = TRPCRouterRecord> {
  /** Lower-case identifier: the PostgreSQL schema, router key, permission prefix. */
  id: string;
  /** Chinese display name, e.g. '信访接待'. */
  name: string;
  /** The plugin package's version (from its package.json). */
  version: string;
  /** The semver range of kernel versions this plugin was built for, e.g. '^0.1.0'. */
  kernel: string;
  description?: string;
  /** Plugin ids that must be installed and enabled before this one. */
  dependsOn?: string[];
  permissions?: PermissionDefinition[];
  /** Kinds of kernel cases this plugin registers. */
  caseKinds?: CaseKindDefinition[];
  /**
   * The kernel operations (ctx.kernel) each of the plugin's permissions allows its
   * procedures to call, e.g. `{ 'petitions.route': ['cases.read:petition', 'cases.assign:petition'] }`:
   * a procedure guarded by `petitions.route` may read and assign petition cases, and any
   * other call is refused. Keys are the plugin's own permission keys.
   */
  kernelAccess?: Partial<Record<string, readonly KernelOperation[]>>;
  /** Static import map of migrations; names sort in application order. */
  migrations?: Record<string, Migration>;
  /**
   * Columns this plugin stores sealed with `ctx.vault.seal` (personal identifiers,
   * accusation content): `pnpm zhengfa rotate-key` re-seals them and re-computes their
   * blind indexes under a new data key.
   */
  sealed?: SealedColumn[];
  /**
   * Runs after `pnpm zhengfa rotate-key` re-sealed the `sealed` columns: re-computes what
   * the plugin derives with the vault's keys other than blind indexes (e.g. keyed hashes of
   * an accusation's bigrams). Must be safe to run again.
   */
  afterKeyRotation?: (env: { db: Kysely<any>; vault: Vault }) => Promise<RekeyedColumn[]>;
  /**
   * Kernel tables (names in the `kernel` schema, e.g. 'cases') this plugin's SQL still reads
   * directly. On the database a plugin's procedures run as its own role, which reaches only
   * the plugin's schema (kernel migration 0026); each name here adds SELECT on that table,
   * still limited to the county acting. Prefer `ctx.kernel`; every entry is a debt.
   */
  kernelReads?: string[];
  /**
   * Tables of the plugin's own schema that a refused call writes by design, each with why:
   * e.g. `{ lookup_attempts: 'every public look-up of a code is counted (the rate limit of wrong guesses)' }`.
   * "A rejected request writes nothing" is checked by the fuzz suites on every table but these;
   * the contract suite checks that each one exists. Every entry is an exception to read with care.
   */
  writesOnRefusal?: Readonly<Record<string, string>>;
  router?: TRouter;
  /**
   * The events this plugin emits: name (`<plugin id>.<what happened>`) → zod schema of the
   * payload. Export the same object from the plugin's `./contract` entry. Emitting a name
   * no catalog declares, or a payload its schema refuses, throws.
   */
  events?: EventCatalog;
  /**
   * Event name → handler; delivered at least once through the kernel's outbox. Each name
   * must be declared by the kernel (`kernelEvents`) or an installed plugin's `events`: the
   * host refuses to start otherwise.
   * Events of a county that has the plugin switched off are passed over (never delivered to it).
   */
  subscriptions?: Record<string, EventHandler>;
  jobs?: JobDefinition[];
  /**
   * What waits for the signed-in user in this plugin (to route, to accept, to answer …),
   * with counts and links, for the console's workbench. Runs per request with the user's
   * context: count only what the user may see and act on, in SQL. Items with count 0 are
   * not shown. The kernel gathers every enabled plugin's in `workbench.todos`. Its
   * ctx.kernel allows what `kernelAccess` declares for the plugin's permissions the user holds.
   */
  todos?: (ctx: AuthedContext) => Promise<TodoItem[]>;
  /**
   * Demo data for the embedded demo county only (never `zhengfa init` or PostgreSQL): `seed`
   * runs once, after the kernel's demo year, and acts through the plugin's own procedures as
   * the demo accounts (`ctx.actAs`), with the kernel clock at the instant given. Every kernel
   * case created while it runs is marked as demo; `remove` deletes the plugin's rows for those
   * cases inside the removal's transaction (`pnpm zhengfa demo:remove`), before the kernel
   * deletes the cases. Reproducible: draw every choice from `ctx.random`.
   */
  demo?: PluginDemo;
}

export interface PluginDemoContext {
  tenantId: string;
  /** The demo run's seed. */
  seed: number;
  /** The instant the demo year ends (the real now). */
  now: Date;
  /** The county's organisations by name → id, and its accounts by username → id. */
  orgs: Readonly<Record<string, string>>;
  users: Readonly<Record<string, string>>;
  /** A seeded PRNG in [0, 1): the same seed gives the same sequence. */
  random: () => number;
  /** A tRPC caller signed in as the demo account `username`, with the kernel clock moved to `at`. */
  actAs(username: string, at: Date): Promise<any>;
}

export interface PluginDemo {
  seed(ctx: PluginDemoContext): Promise<void>;
  /** Deletes the plugin's rows of the demo cases `caseIds` (the transaction's db); returns how many matters it removed. */
  remove(ctx: { db: Kysely<any>; tenantId: string; caseIds: readonly string[] }): Promise<number>;
}

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9_]{1,30}$/;

/** Router keys and schema names the kernel keeps for itself: no plugin may take them as its id. */
export const RESERVED_PLUGIN_IDS: ReadonlySet<string> = new Set([
  'kernel',
  'meta',
  'auth',
  'orgs',
  'users',
  'roles',
  'audit',
  'system',
  'cases',
  'notifications',
  'calendar',
  'files',
  'exports',
  'supervision',
  'workbench',
  'documents',
  'public',
  'pg_catalog',
  'information_schema',
]);

/** Identity function that gives a plugin definition its types and checks its shape early. */
export function definePlugin<TRouter extends TRPCRouterRecord>(def: PluginDefinition<TRouter>): PluginDefinition<TRouter> {
  if (!PLUGIN_ID_PATTERN.test(def.id)) {
    throw new Error(`Plugin id '${def.id}' must match ${PLUGIN_ID_PATTERN} (it becomes a PostgreSQL schema name)`);
  }
  for (const p of def.permissions ?? []) {
    if (!p.key.startsWith(`${def.id}.`)) {
      throw new Error(`Plugin '${def.id}' declares permission '${p.key}', which must start with '${def.id}.'`);
    }
  }
  for (const [table, why] of Object.entries(def.writesOnRefusal ?? {})) {
    if (!/^[a-z][a-z0-9_]*$/.test(table) || !why.trim()) {
      throw new Error(`Plugin '${def.id}' declares writesOnRefusal '${table}': name a table of its own schema (lower case, no schema) and say why a refused call writes it`);
    }
  }
  for (const name of Object.keys(def.events ?? {})) {
    if (!name.startsWith(`${def.id}.`)) {
      throw new Error(`Plugin '${def.id}' declares event '${name}', which must start with '${def.id}.'`);
    }
  }
  return def;
}

export type AnyPlugin = PluginDefinition<TRPCRouterRecord>;

/**
 * A plugin's own tables as Kysely names them (`<schema>.<table>`), for typing its database
 * handle to its own schema: `ownDatabase<OwnSchema<'notes', NotesTables>>(ctx)`. Only those
 * tables type-check; on the database the plugin's role reaches no others either (kernel
 * migration 0026), except the kernel tables it declares in `kernelReads`.
 */
export type OwnSchema<Schema extends string, Tables> = { [K in keyof Tables & string as `${Schema}.${K}`]: Tables[K] };

/** The request's (or a transaction's) database handle, typed to the plugin's own tables. */
export function ownDatabase<DB>(ctx: { db: Kysely<any> }): Kysely<DB> {
  return ctx.db as Kysely<DB>;
}
