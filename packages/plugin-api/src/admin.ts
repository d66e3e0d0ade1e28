// The console half of the plugin contract: `@zhengfa/plugin-api/admin`. Browser-safe: it
// holds types and two small checks, and imports nothing of the server (React only as types).
//
// A plugin's `./admin` entry default-exports `defineAdminPlugin({...})`. The console imports
// the entries of the installed plugins (apps/server/plugins.json) and renders, for each plugin
// the deployment enables:
// - `nav`: its entries in the side navigation (a section named after the plugin);
// - `routes`: its pages, registered from the route manifest beside the entry (`./admin/routes`);
// - `casePanels`: panels on the kernel's case page, for the case kinds the plugin names;
// - `dashboardCards`: cards on the workbench (工作台).
// To-dos are provided on the server (`definePlugin({ todos })`) and shown on the workbench.
import type { ComponentType, ReactNode } from 'react';

export type { PluginTodos, TodoItem } from './todos.js';

export interface NavItem {
  /** Chinese label, e.g. '信访登记'. */
  label: string;
  /** Console path, e.g. '/petitions/register'. */
  to: string;
  icon?: ReactNode;
  /** Shown only to users holding at least one of these permissions (default: every user). */
  permissions?: readonly string[];
}

/** One console page of a plugin, as its route manifest (`routes.json`) lists it. */
export interface ConsoleRoute {
  /** Unique across the console, prefixed with the plugin id: 'petitions/matters'. */
  id: string;
  /** Remix path without the leading slash: 'petitions/matters/:id'. */
  path: string;
  /** The route module, relative to the manifest file. */
  file: string;
  /** 'console': inside the signed-in console layout; 'public': no sign-in. */
  layout: 'console' | 'public';
}

/** The JSON file a plugin exports as `./admin/routes`; vite.config.ts registers its routes. */
export interface RouteManifest {
  routes: ConsoleRoute[];
}

/**
 * What a slot's loader receives: the console's request and its load context. The context
 * carries the in-process tRPC caller bound to the signed-in user (`context.trpc`); type it
 * with `createRouteKit` from `@zhengfa/ui`. Loaders run on the server, inside the page's own
 * loader, so a slot is rendered with its page (also without JavaScript).
 */
export interface SlotLoaderArgs {
  request: Request;
  context: unknown;
}

export interface CasePanelSlot<D = any> {
  /** Unique within the plugin. */
  key: string;
  /** Chinese card title on the case page, e.g. '信访事项'. */
  title: string;
  /** The case kinds the panel belongs to (usually the plugin's own `caseKinds`). */
  caseKinds: readonly string[];
  /** Loaded and shown only for users holding at least one of these (default: every user). */
  permissions?: readonly string[];
  /** The panel's data for one case; `null` shows nothing (e.g. no record of the plugin's). */
  load(args: SlotLoaderArgs & { caseId: string; caseKind: string }): Promise<D | null>;
  Panel: ComponentType<{ data: D; caseId: string }>;
}

export interface DashboardCardSlot<D = any> {
  /** Unique within the plugin. */
  key: string;
  /** Chinese card title on the workbench. */
  title: string;
  permissions?: readonly string[];
  /** The card's data for the signed-in user; `null` shows nothing. */
  load(args: SlotLoaderArgs): Promise<D | null>;
  Card: ComponentType<{ data: D }>;
}

export interface AdminPlugin {
  /** The plugin's id, as in its definePlugin() call. */
  id: string;
  nav: NavItem[];
  /** The plugin's pages (the same data as its route manifest). */
  routes: ConsoleRoute[];
  casePanels?: CasePanelSlot[];
  dashboardCards?: DashboardCardSlot[];
}

/** Gives a case panel its data type (inferred from `load`). */
export function casePanel<D>(slot: CasePanelSlot<D>): CasePanelSlot<D> {
  return slot;
}

/** Gives a dashboard card its data type (inferred from `load`). */
export function dashboardCard<D>(slot: DashboardCardSlot<D>): DashboardCardSlot<D> {
  return slot;
}

/** Problems with an admin module's shape, in English for the plugin's developer (empty: fine). */
export function adminPluginProblems(def: AdminPlugin): string[] {
  const problems: string[] = [];
  for (const item of def.nav) {
    if (!item.to.startsWith('/')) problems.push(`nav entry '${item.label}' must link to a console path starting with '/' (got '${item.to}')`);
  }
  for (const r of def.routes) {
    if (!r.id.startsWith(`${def.id}/`)) problems.push(`route id '${r.id}' must start with '${def.id}/'`);
    if (r.path.startsWith('/')) problems.push(`route path '${r.path}' must not start with '/'`);
  }
  const seen = new Set<string>();
  for (const slot of [...(def.casePanels ?? []).map((s) => ({ kind: 'casePanels', key: s.key })), ...(def.dashboardCards ?? []).map((s) => ({ kind: 'dashboardCards', key: s.key }))]) {
    const k = `${slot.kind}:${slot.key}`;
    if (seen.has(k)) problems.push(`${slot.kind} key '${slot.key}' is declared twice`);
    seen.add(k);
  }
  for (const p of def.casePanels ?? []) {
    if (p.caseKinds.length === 0) problems.push(`case panel '${p.key}' names no caseKinds`);
  }
  return problems;
}

/** Identity function that types a plugin's console module and checks its shape early. */
export function defineAdminPlugin<T extends AdminPlugin>(def: T): T {
  const problems = adminPluginProblems(def);
  if (problems.length) throw new Error(`Admin module of plugin '${def.id}': ${problems.join('; ')}`);
  return def;
}
