// The plugin contract. A plugin package's server entry default-exports definePlugin(...).
import type { TRPCRouterRecord } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { AuthedContext, EventPublisher } from './context.js';
import type { TodoItem } from './todos.js';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
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
  now: Date;
}

export type EventHandler = (event: KernelEvent, ctx: BackgroundContext) => Promise<void>;

export interface JobDefinition {
  /** Unique within the plugin. */
  name: string;
  /** Runs once per period across all server processes. */
  everySeconds: number;
  run(ctx: BackgroundContext): Promise<void>;
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
  /** Static import map of migrations; names sort in application order. */
  migrations?: Record<string, Migration>;
  router?: TRouter;
  /** Event name → handler; delivered at least once through the kernel's outbox. */
  subscriptions?: Record<string, EventHandler>;
  jobs?: JobDefinition[];
  /**
   * What waits for the signed-in user in this plugin (to route, to accept, to answer …),
   * with counts and links, for the console's workbench. Runs per request with the user's
   * context: count only what the user may see and act on, in SQL. Items with count 0 are
   * not shown. The kernel gathers every enabled plugin's in `workbench.todos`.
   */
  todos?: (ctx: AuthedContext) => Promise<TodoItem[]>;
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
  return def;
}

export type AnyPlugin = PluginDefinition<TRPCRouterRecord>;
