// Plugins switched on or off per county (tenant). `PLUGINS` decides what a deployment
// installs and enables (plugin-host/host.ts); within that, each county's system
// administrator turns a plugin off or back on from the 功能模块 page (migration 0025). A
// plugin switched off for a county is hidden from its users (navigation, case-page panels,
// dashboard cards, to-dos), its procedures refuse them, and the background loop skips the
// county for its jobs and event subscriptions. Its data stays; switching it back on shows it.
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { badRequest, forbidden, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { kernelStrings } from '../strings.js';

const s = kernelStrings.modules;

/** The ids of the plugins the county has switched off. */
export async function disabledForCounty(db: Kysely<any>, tenantId: string): Promise<Set<string>> {
  const rows = await (db as Kysely<KernelDatabase>)
    .selectFrom('kernel.county_modules')
    .select('plugin_id')
    .where('tenant_id', '=', tenantId)
    .where('enabled', '=', false)
    .execute();
  return new Set(rows.map((r) => r.plugin_id));
}

/** The deployment's enabled plugins that the county has not switched off, dependencies first. */
export async function enabledForCounty(db: Kysely<any>, host: PluginHost, tenantId: string): Promise<AnyPlugin[]> {
  const off = await disabledForCounty(db, tenantId);
  return off.size === 0 ? host.enabled : host.enabled.filter((p) => !off.has(p.id));
}

/** For the background loop: plugin id → the counties that switched it off. */
export interface CountySwitches {
  /** True unless the county switched the plugin off (a null county, an event of no county: true). */
  isOn(pluginId: string, tenantId: string | null): boolean;
}

export async function readCountySwitches(db: Kysely<any>): Promise<CountySwitches> {
  const rows = await (db as Kysely<KernelDatabase>).selectFrom('kernel.county_modules').select(['plugin_id', 'tenant_id']).where('enabled', '=', false).execute();
  const off = new Map<string, Set<string>>();
  for (const r of rows) off.set(r.plugin_id, (off.get(r.plugin_id) ?? new Set()).add(r.tenant_id));
  return { isOn: (pluginId, tenantId) => tenantId === null || !off.get(pluginId)?.has(tenantId) };
}

/**
 * The request-time wall: refuses a call to a procedure of a plugin the caller's county (or
 * `county`, named by a public procedure that found it from its input) has switched off.
 * `path` is the procedure's path; the kernel's own procedures (whose first segment is never
 * a plugin id) pass without a query.
 */
export function createModuleGate(db: Kysely<any>, host: PluginHost, tenantId: () => string | null) {
  // Read at every call, not remembered: a context may outlive a switch (a test's caller).
  return async (path: string, county?: string): Promise<void> => {
    const id = path.split('.', 1)[0]!;
    const plugin = host.enabled.find((p) => p.id === id);
    const tenant = county ?? tenantId();
    if (!plugin || !tenant) return;
    const off = await (db as Kysely<KernelDatabase>)
      .selectFrom('kernel.county_modules')
      .select('enabled')
      .where('tenant_id', '=', tenant)
      .where('plugin_id', '=', id)
      .where('enabled', '=', false)
      .executeTakeFirst();
    if (off) throw forbidden(s.disabled(plugin.name));
  };
}

export interface CountyModule {
  id: string;
  /** On for the county (and enabled for the deployment). */
  countyEnabled: boolean;
  /** The county's switch's version, for optimistic concurrency (0: never switched). */
  countyVersion: number;
}

/** Each installed plugin's switch for the county. */
export async function countyModules(db: Kysely<any>, host: PluginHost, tenantId: string): Promise<CountyModule[]> {
  const rows = await (db as Kysely<KernelDatabase>)
    .selectFrom('kernel.county_modules')
    .select(['plugin_id', 'enabled', 'version'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const byId = new Map(rows.map((r) => [r.plugin_id, r]));
  return host.installed.map((p) => {
    const row = byId.get(p.id);
    return { id: p.id, countyEnabled: p.enabled && (row?.enabled ?? true), countyVersion: row?.version ?? 0 };
  });
}

/**
 * Switches a plugin on or off for the caller's county. Idempotent: asking for the state it
 * is already in writes nothing and answers its version. Otherwise `version` must be the
 * switch's current one (0 for a switch never used), else the change is refused as stale.
 * A plugin another enabled plugin depends on cannot be switched off before it; a plugin
 * cannot be switched on before what it depends on. Audited in the same transaction.
 */
export async function setCountyModule(
  ctx: AuthedContext,
  host: PluginHost,
  input: { pluginId: string; enabled: boolean; version: number },
): Promise<{ enabled: boolean; version: number; changed: boolean }> {
  const plugin = host.enabled.find((p) => p.id === input.pluginId);
  if (!plugin) throw badRequest(s.notInstalled(input.pluginId));
  const tenantId = ctx.tenant.id;
  return (ctx.db as Kysely<KernelDatabase>).transaction().execute(async (trx) => {
    // One switch at a time per county: dependency checks read the others' switches.
    await sql`select id from kernel.tenants where id = ${tenantId} for update`.execute(trx);
    const off = await disabledForCounty(trx, tenantId);
    const current = await trx
      .selectFrom('kernel.county_modules')
      .select(['enabled', 'version'])
      .where('tenant_id', '=', tenantId)
      .where('plugin_id', '=', plugin.id)
      .executeTakeFirst();
    const isOn = current?.enabled ?? true;
    const version = current?.version ?? 0;
    if (isOn === input.enabled) return { enabled: isOn, version, changed: false };
    if (version !== input.version) throw versionConflict();
    if (input.enabled) {
      const missing = (plugin.dependsOn ?? []).find((d) => off.has(d));
      if (missing) throw badRequest(s.needs(plugin.name, host.enabled.find((p) => p.id === missing)?.name ?? missing));
    } else {
      const dependent = host.enabled.find((p) => !off.has(p.id) && (p.dependsOn ?? []).includes(plugin.id));
      if (dependent) throw badRequest(s.dependentOn(plugin.name, dependent.name));
    }
    const row = await trx
      .insertInto('kernel.county_modules')
      .values({ tenant_id: tenantId, plugin_id: plugin.id, enabled: input.enabled, updated_by: ctx.user.id })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'plugin_id']).doUpdateSet({ enabled: input.enabled, version: sql`kernel.county_modules.version + 1`, updated_by: ctx.user.id, updated_at: new Date() }),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    await ctx.audit.record(
      {
        action: input.enabled ? 'system.modules.enable' : 'system.modules.disable',
        targetType: 'plugin',
        targetId: plugin.id,
        detail: { name: plugin.name, version: plugin.version },
      },
      { db: trx },
    );
    return { enabled: input.enabled, version: row.version, changed: true };
  });
}
