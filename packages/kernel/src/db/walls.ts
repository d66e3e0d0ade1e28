// The database walls a request works behind (kernel migration 0026): the role its statements
// take and the county they act for. A kernel procedure runs as `zhengfa_app`; a plugin's
// procedure as `zhengfa_plugin_<id>`, which reaches only the plugin's own schema. What the
// plugin asks of the kernel (ctx.kernel, ctx.audit, ctx.events) runs as `zhengfa_app`
// again, in the plugin's transaction when it passes one.
import { currentDbScope, withDbScope } from '@zhengfa/db';
import { BIND_EVENTS, BIND_KERNEL } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { PluginHost } from '../plugin-host/host.js';

export const APP_ROLE = 'zhengfa_app';

export function pluginRole(pluginId: string): string {
  return `zhengfa_plugin_${pluginId}`;
}

/** The role a procedure at `path` runs as: its plugin's, or the kernel's application role. */
export function roleForPath(host: PluginHost, path: string): string {
  const owner = path.split('.', 1)[0]!;
  return host.enabled.some((p) => p.id === owner) ? pluginRole(owner) : APP_ROLE;
}

/** Runs `fn` behind the walls of `tenantId`, as the role of the procedure at `path`. */
export function inCounty<T>(host: PluginHost, tenantId: string, path: string, fn: () => Promise<T>): Promise<T> {
  return withDbScope({ role: roleForPath(host, path), tenantId }, fn);
}

const setLocalRole = (db: Kysely<any>, role: string) => sql`select set_config('role', ${role}, true)`.execute(db);

/**
 * Runs kernel work asked for by a plugin as the application role, still within the
 * county. With `db` a transaction of the plugin's (taken as the plugin's role) the role is
 * switched for this work inside it and switched back after.
 */
export async function asKernel<T>(db: Kysely<any> | undefined, fn: () => Promise<T>): Promise<T> {
  const scope = currentDbScope();
  if (!scope || scope.role === APP_ROLE) return fn();
  const kernelScope = { role: APP_ROLE, tenantId: scope.tenantId };
  if (!db?.isTransaction) return withDbScope(kernelScope, fn);
  await setLocalRole(db, APP_ROLE);
  let result: T;
  try {
    result = await withDbScope(kernelScope, fn);
  } catch (err) {
    // A failed statement leaves the transaction unable to run another; it rolls back anyway.
    await setLocalRole(db, scope.role).catch(() => {});
    throw err;
  }
  await setLocalRole(db, scope.role);
  return result;
}

/**
 * The same object with every function (at any depth) running through `asKernel`, taking the
 * transaction from its last argument's `db` (the kernel API's and writers' option).
 */
export function kernelSide<T extends object>(api: T): T {
  const wrap = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const last = args[args.length - 1] as { db?: Kysely<any> } | undefined;
        return asKernel(last && typeof last === 'object' ? last.db : undefined, () => fn(...args));
      };
    }
    if (value && typeof value === 'object') {
      // Symbol keys too: ctx.kernel's BIND_KERNEL, which permissionProcedure calls to narrow
      // it to its permissions; the narrowed api it builds is wrapped in its turn.
      return Object.fromEntries(
        Reflect.ownKeys(value).map((k) => {
          const v = (value as Record<PropertyKey, unknown>)[k];
          if (k === BIND_KERNEL && typeof v === 'function') return [k, (permissions: readonly string[]) => wrap((v as (p: readonly string[]) => object)(permissions))];
          // And ctx.events' BIND_EVENTS, which the procedures call to narrow it to their plugin.
          if (k === BIND_EVENTS && typeof v === 'function') return [k, (path: string) => wrap((v as (p: string) => object)(path))];
          return [k, wrap(v)];
        }),
      );
    }
    return value;
  };
  return wrap(api) as T;
}

/**
 * Puts the walls on every table of the kernel and the enabled plugins (idempotent; after each
 * migration run). A database not yet at migration 0026 has no walls to put.
 */
export async function applyWalls(db: Kysely<any>, host: PluginHost): Promise<void> {
  const ready = await sql<{ ok: boolean }>`select to_regprocedure('kernel.apply_walls(text[], text[])') is not null as ok`.execute(db);
  if (!ready.rows[0]?.ok) return;
  const ids = host.enabled.map((p) => p.id);
  const reads = host.enabled.flatMap((p) => (p.kernelReads ?? []).map((t) => `${p.id}.${t}`));
  // One at a time (concurrent grants on one object fail with "tuple concurrently updated").
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('zhengfa.apply_walls'))`.execute(trx);
    await sql`select kernel.apply_walls(${ids}::text[], ${reads}::text[])`.execute(trx);
  });
}
