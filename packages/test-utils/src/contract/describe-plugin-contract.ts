// describePluginContract(plugin): the conformance suite every plugin runs, on every engine.
// It checks what the host and the console rely on and cannot check at start:
// - its migrations apply from empty, again as a no-op, and once under two concurrent runs;
// - every object it creates lives in its own schema (nothing in the kernel's, another
//   plugin's or public), triggers included;
// - its permission keys are namespaced `<id>.` and declare their default roles;
// - every procedure records who may call it: a permission (declared by the plugin or the
//   kernel), or explicitly public;
// - every field of every procedure's input has a Chinese name, and malformed input is refused
//   as BAD_REQUEST with a Chinese message naming the field;
// - its console route manifest names files that exist, ids prefixed with its id, and its
//   navigation, panels and cards name only permissions that exist;
// - the events it declares are namespaced with object payload schemas, and are the catalog its
//   `./contract` entry publishes for subscribers.
// - switched off for a county (功能模块), every procedure but the public ones refuses that
//   county's users with the county's message, its data stays, and it answers again when
//   switched back on.
//
//   // plugins/<id>/src/contract.test.ts
//   describePluginContract(plugin, { admin: { plugin: adminPlugin, manifest: new URL('./admin/routes.json', import.meta.url) } });
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, type MigrationSet } from '@zhengfa/db';
import { createTestDatabase } from '@zhengfa/db/testing';
import { kernelMigrations } from '@zhengfa/kernel';
import type { AnyPlugin, EventCatalog } from '@zhengfa/plugin-api';
import type { AdminPlugin, RouteManifest } from '@zhengfa/plugin-api/admin';
import { callAt, proceduresOf, refusalProblem, unnamedFields, unwrapped, type FuzzProcedure } from '../fuzz/run.js';
import { addUserWithPermissions, describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/kernel/testing';

export interface PluginContractOptions {
  /** Plugins it depends on (`dependsOn`), installed before it. */
  dependencies?: AnyPlugin[];
  /** The console entry (the `./admin` default export) and its route manifest file. */
  admin?: { plugin: AdminPlugin; manifest: URL };
  /**
   * Procedures open to every signed-in user of the county, by path, each with the reason
   * (e.g. a vocabulary the forms need). Anything else must hold a permission or be public.
   */
  openToSignedInUsers?: Record<string, string>;
  /** The event catalog the plugin's `./contract` entry publishes (the same as its `events`). */
  contractEvents?: EventCatalog;
}

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Every object of the database outside the system schemas, as '<kind> <schema>.<name>'. */
async function objectsOf(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ o: string }>`
    select c.relkind::text || ' ' || n.nspname || '.' || c.relname as o
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname not in ${sql.raw(SYSTEM_SCHEMAS)} and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast%'
    union all
    select 'function ' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname not in ${sql.raw(SYSTEM_SCHEMAS)}
    union all
    select 'type ' || n.nspname || '.' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname not in ${sql.raw(SYSTEM_SCHEMAS)} and t.typtype in ('e', 'd', 'c') and t.typrelid = 0
    union all
    select 'trigger ' || n.nspname || '.' || c.relname || ':' || t.tgname from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where not t.tgisinternal and n.nspname not in ${sql.raw(SYSTEM_SCHEMAS)}
    union all
    select 'policy ' || n.nspname || '.' || c.relname || ':' || p.polname from pg_policy p
      join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    order by 1`.execute(db);
  return r.rows.map((x) => x.o);
}

/** The schema an object line of objectsOf() lives in (a trigger or policy: its table's). */
function schemaOf(object: string): string {
  return object.split(' ')[1]!.split('.')[0]!;
}

function migrationSetsOf(plugins: AnyPlugin[]): MigrationSet[] {
  return [kernelMigrations, ...plugins.filter((p) => p.migrations).map((p) => ({ owner: p.id, version: p.version, migrations: p.migrations! }))];
}

/** An input the procedure's schema cannot accept: every top-level field of the wrong type. */
function malformedInputFor(schema: unknown): unknown {
  const current = unwrapped(schema);
  const def = (current as { _zod?: { def?: { type: string; shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  if (def?.type !== 'object') return Symbol('not JSON');
  return Object.fromEntries(
    Object.entries(def.shape ?? {}).map(([k, child]) => [k, (child as { _zod?: { def?: { type: string } } })._zod?.def?.type === 'boolean' ? '不是布尔值' : true]),
  );
}

export function describePluginContract(plugin: AnyPlugin, opts: PluginContractOptions = {}): void {
  const dependencies = opts.dependencies ?? [];
  const plugins = [...dependencies, plugin];

  describeEachEngine(`plugin contract: ${plugin.id} (${plugin.name})`, (engine) => {
    let t: TestKernel;
    let permissionKeys: Set<string>;
    let procedures: FuzzProcedure[];
    let holder: ActingUser;

    beforeAll(async () => {
      t = await startTestKernel({ engine, plugins });
      const secadmin = await t.signIn('secadmin');
      permissionKeys = new Set((await secadmin.caller.roles.permissions()).map((p) => p.key));
      procedures = proceduresOf(t.kernel.router as never).filter((p) => p.path.startsWith(`${plugin.id}.`));
      // One user holding every permission the plugin's procedures ask for (its own, and the
      // kernel's it needs, such as cases.register), so only input validation can refuse.
      const asked = procedures.flatMap((p) => (p.meta.access === 'permission' || p.meta.access === 'anyPermission' ? p.meta.permissions : []));
      const own = [...new Set([...(plugin.permissions ?? []).map((p) => p.key), ...asked])].filter((k) => permissionKeys.has(k));
      holder = own.length
        ? await addUserWithPermissions(t, { username: 'contract', displayName: '契约测试员', orgName: '示范县委政法委', permissions: own })
        : await t.signIn('supervisor');
    }, 120_000);
    afterAll(() => t?.stop());

    it('applies its migrations again as a no-op', async () => {
      const before = await objectsOf(t.database.db);
      const again = await migrate(t.database.db, migrationSetsOf(plugins));
      expect(again.applied).toEqual([]);
      expect(await objectsOf(t.database.db)).toEqual(before);
    });

    it('applies each of its migrations once when two processes migrate an empty database at the same time', async () => {
      const fresh = await createTestDatabase(engine);
      try {
        await Promise.all([migrate(fresh.db, migrationSetsOf(plugins)), migrate(fresh.db, migrationSetsOf(plugins))]);
        const history = await sql<{ name: string; n: number }>`select name, count(*)::int as n from meta.migrations where owner = ${plugin.id} group by name order by name`.execute(fresh.db);
        expect(history.rows).toEqual(Object.keys(plugin.migrations ?? {}).sort().map((name) => ({ name, n: 1 })));
      } finally {
        await fresh.drop();
      }
    }, 120_000);

    it('creates every database object in its own schema', async () => {
      const baseline = await createTestDatabase(engine);
      try {
        await migrate(baseline.db, migrationSetsOf(dependencies));
        // The kernel puts its walls on after every migration run (kernel.apply_walls): the
        // baseline has them too, so only the plugin's own objects differ.
        const ids = dependencies.map((p) => p.id);
        const reads = dependencies.flatMap((p) => (p.kernelReads ?? []).map((table) => `${p.id}.${table}`));
        await sql`select kernel.apply_walls(${ids}::text[], ${reads}::text[])`.execute(baseline.db);
        const existing = new Set(await objectsOf(baseline.db));
        const added = (await objectsOf(t.database.db)).filter((o) => !existing.has(o));
        expect(added.filter((o) => schemaOf(o) !== plugin.id)).toEqual([]);
      } finally {
        await baseline.drop();
      }
    }, 120_000);

    it('namespaces every permission key with its id and declares the roles that hold it by default', () => {
      const problems = (plugin.permissions ?? []).flatMap((p) => [
        ...(p.key.startsWith(`${plugin.id}.`) ? [] : [`${p.key}: not prefixed with ${plugin.id}.`]),
        ...(Array.isArray(p.defaultRoles) ? [] : [`${p.key}: no defaultRoles (use [] for a sensitive permission)`]),
      ]);
      expect(problems).toEqual([]);
    });

    it('guards every procedure with a permission that exists, or declares it public', () => {
      const problems = procedures.flatMap((p) => {
        const meta = (t.kernel.router as unknown as { _def: { procedures: Record<string, { _def: { meta?: unknown } }> } })._def.procedures[p.path]!._def.meta as FuzzProcedure['meta'] | undefined;
        if (!meta) return [`${p.path}: built without a builder that records who may call it`];
        if (meta.access === 'authed') return opts.openToSignedInUsers?.[p.path] ? [] : [`${p.path}: open to every signed-in user without a permission (declare it in openToSignedInUsers with the reason)`];
        if (meta.access === 'public') return [];
        return meta.permissions.filter((k) => !permissionKeys.has(k)).map((k) => `${p.path}: guarded by ${k}, which no plugin or the kernel declares`);
      });
      expect(problems).toEqual([]);
    });

    it('gives every field of every procedure’s input a Chinese name', () => {
      expect(procedures.flatMap((p) => unnamedFields(p.input).map((f) => `${p.path}: ${f}`))).toEqual([]);
    });

    it('refuses malformed input to every procedure with a Chinese message naming the field', async () => {
      const problems: string[] = [];
      for (const p of procedures.filter((x) => x.input !== undefined && x.meta.access !== 'public')) {
        try {
          await callAt(holder.caller, p.path, malformedInputFor(p.input));
          problems.push(`${p.path}: accepted malformed input`);
        } catch (err) {
          const { code, problem } = refusalProblem(err, p.input);
          if (code !== 'BAD_REQUEST') problems.push(`${p.path}: answered ${code}, not BAD_REQUEST: ${(err as Error).message}`);
          else if (problem) problems.push(`${p.path}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('names in writesOnRefusal only tables of its own schema that exist', async () => {
      const r = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${plugin.id}`.execute(t.database.db);
      const own = new Set(r.rows.map((x) => x.name));
      expect(Object.keys(plugin.writesOnRefusal ?? {}).filter((table) => !own.has(table))).toEqual([]);
    });

    it('declares each event it emits under its id with an object payload schema, as its contract publishes', () => {
      const declared = plugin.events ?? {};
      const problems = Object.entries(declared).flatMap(([name, schema]) => [
        ...(name.startsWith(`${plugin.id}.`) ? [] : [`${name}: not prefixed with ${plugin.id}.`]),
        ...((schema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'object' ? [] : [`${name}: its payload schema is not an object`]),
      ]);
      expect(problems).toEqual([]);
      if (opts.contractEvents) expect(Object.keys(declared).sort()).toEqual(Object.keys(opts.contractEvents).sort());
      if (opts.contractEvents) for (const name of Object.keys(declared)) expect(declared[name]).toBe(opts.contractEvents[name]);
    });

    it('refuses every procedure to a county that switched it off, keeps its data, and answers again when switched back on', async () => {
      const rowCounts = async () => {
        const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = ${plugin.id} and table_type = 'BASE TABLE' order by 1`.execute(t.database.db);
        const counts: Record<string, number> = {};
        for (const { t: table } of tables.rows) {
          counts[table] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.id(plugin.id, table)}`.execute(t.database.db)).rows[0]!.n);
        }
        return counts;
      };
      const before = await rowCounts();
      const admin = await t.signIn('admin');
      const version = async () => (await admin.caller.system.modules()).plugins.find((p) => p.id === plugin.id)!.countyVersion;
      await admin.caller.system.disableModule({ pluginId: plugin.id, version: await version() });
      const off = `本县未启用「${plugin.name}」功能模块，请联系系统管理员`;
      const problems: string[] = [];
      try {
        for (const p of procedures.filter((x) => x.meta.access !== 'public')) {
          const err = await callAt(holder.caller, p.path, malformedInputFor(p.input)).then(() => null, (e: unknown) => e as { code?: string; message?: string });
          if (err?.code !== 'FORBIDDEN' || err.message !== off) problems.push(`${p.path}: answered ${err ? `${err.code} ${err.message}` : 'without refusing'}`);
        }
        expect((await holder.caller.system.enabledPlugins()).map((p) => p.id)).not.toContain(plugin.id);
      } finally {
        await admin.caller.system.enableModule({ pluginId: plugin.id, version: await version() });
      }
      expect(problems).toEqual([]);
      expect(await rowCounts()).toEqual(before);
      expect((await holder.caller.system.enabledPlugins()).map((p) => p.id)).toContain(plugin.id);
    });

    if (opts.admin) {
      const { plugin: admin, manifest } = opts.admin;

      it('lists console routes whose files exist, with ids prefixed by its id', () => {
        const routes = (JSON.parse(readFileSync(manifest, 'utf8')) as RouteManifest).routes;
        const problems = routes.flatMap((r) => [
          ...(existsSync(fileURLToPath(new URL(r.file, manifest))) ? [] : [`${r.id}: ${r.file} does not exist`]),
          ...(r.id.startsWith(`${plugin.id}/`) ? [] : [`${r.id}: not prefixed with ${plugin.id}/`]),
        ]);
        expect(admin.id).toBe(plugin.id);
        expect(problems).toEqual([]);
      });

      it('names only permissions that exist in its navigation, panels and cards', () => {
        const named = [
          ...(admin.nav ?? []).flatMap((n) => (n.permissions ?? []).map((k) => `nav ${n.to}: ${k}`)),
          ...(admin.casePanels ?? []).flatMap((s) => (s.permissions ?? []).map((k) => `panel ${s.key}: ${k}`)),
          ...(admin.dashboardCards ?? []).flatMap((s) => (s.permissions ?? []).map((k) => `card ${s.key}: ${k}`)),
        ];
        expect(named.filter((line) => !permissionKeys.has(line.split(': ')[1]!))).toEqual([]);
      });
    }
  });
}
