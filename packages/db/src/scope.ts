// The database scope a piece of work runs under: the role its statements take and the
// county (tenant) they act for. The kernel enters a scope for every request that acts for
// a county (plugin-api's authed procedures); each connection handed out inside it first
// takes that role and sets `zhengfa.tenant_id` (its row-level security policies compare
// every tenant_id with that setting, kernel migration 0026). Work outside any scope
// (migrations, the background loop, sign-in before a county is known) runs as the
// connecting role itself, which owns the tables and so is not held by those policies.
//
// The settings are session-level and applied when a connection is taken (PostgreSQL, and
// PGlite on this thread, where the connection is exclusive until released) or before each
// statement (PGlite on its own thread, whose one session the worker hands from connection
// to connection between statements), and only when they differ from what that session
// already has.
import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery } from 'kysely';

export interface DbScope {
  /** The role statements run as (e.g. zhengfa_app, zhengfa_plugin_petitions). */
  role: string;
  /** The county the work acts for; rows of every other county are invisible. */
  tenantId: string;
}

/** The setting the row-level security policies read. */
export const TENANT_SETTING = 'zhengfa.tenant_id';

const scopes = new AsyncLocalStorage<DbScope>();

/** Runs `fn` (and everything it starts) under `scope`. */
export function withDbScope<T>(scope: DbScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/**
 * Runs `fn` outside any scope: as the connecting role, across counties. Only for work that
 * is cross-county by design (it is the deliberate way past the walls).
 */
export function withoutDbScope<T>(fn: () => T): T {
  return scopes.exit(fn);
}

export function currentDbScope(): DbScope | undefined {
  return scopes.getStore();
}

/** A short key telling two scopes apart ('' for none). */
export function scopeKey(scope: DbScope | undefined): string {
  return scope ? `${scope.role}\u0000${scope.tenantId}` : '';
}

/** The statement that puts a session under `scope` (or back to none). */
export function applyScopeQuery(scope: DbScope | undefined): CompiledQuery {
  return CompiledQuery.raw(`select set_config('role', $1, false), set_config('${TENANT_SETTING}', $2, false)`, [
    scope?.role ?? 'none',
    scope?.tenantId ?? '',
  ]);
}
