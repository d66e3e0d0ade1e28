// The benchmark database: a PostgreSQL database `zf_bench_<size>` created on
// BENCH_DATABASE_URL, or a PGlite folder under tooling/bench/.data, migrated with the
// kernel's migrations. A completed generation is recorded in bench.meta so reruns skip it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { openPGlite, openPostgres, pgliteClientOf, type Database } from '@zhengfa/db';
import pg from 'pg';
import type { SchemaFingerprint } from './schema-fingerprint.js';
import type { EngineKey, SizeKey } from './sizes.js';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '../..');
export const dataRoot = path.join(benchDir, '.data');

const localSocketDir = '/var/run/postgresql';

/**
 * The server to bench on: BENCH_DATABASE_URL, else the local PostgreSQL through its Unix
 * socket when there is one (as an operator would connect on the database's own host: on
 * this VM a TCP loopback round trip costs the server and the database several times the
 * CPU of a socket one), else 127.0.0.1:5432.
 */
export function adminUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  if (existsSync(path.join(localSocketDir, '.s.PGSQL.5432'))) return `postgres://postgres@localhost/postgres?host=${localSocketDir}`;
  return 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function dbName(size: SizeKey): string {
  return `zf_bench_${size}`;
}

export function databaseUrl(size: SizeKey): string {
  const u = new URL(adminUrl());
  u.pathname = `/${dbName(size)}`;
  return u.toString();
}

export function pgliteDataDir(size: SizeKey): string {
  return path.join(dataRoot, `pglite-${size}`);
}

/** Raw SQL access used by the loader: one pg client or the PGlite instance. */
export interface Raw {
  query<R = any>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, as the text of its plan. */
export async function explainAnalyze(q: Raw['query'], text: string, params: readonly unknown[] = []): Promise<string> {
  const r = await q<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, [...params]);
  return r.rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** EXPLAIN (ANALYZE, BUFFERS) of a Kysely query the kernel builds, compiled as it runs. */
export function explainCompiled(q: Raw['query'], query: { compile(): { sql: string; parameters: readonly unknown[] } }): Promise<string> {
  const c = query.compile();
  return explainAnalyze(q, c.sql, c.parameters);
}

export interface Target {
  engine: EngineKey;
  size: SizeKey;
  database: Database;
  raw: Raw;
  /** For loading in parallel on PostgreSQL (PGlite has one connection). */
  parallel: number;
  url?: string;
  dataDir?: string;
  close(): Promise<void>;
}

async function adminQuery(sqlText: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await c.query(sqlText);
  } finally {
    await c.end();
  }
}

export async function databaseExists(size: SizeKey): Promise<boolean> {
  const r = await adminQuery(`select 1 from pg_database where datname = '${dbName(size)}'`);
  return r.rowCount === 1;
}

export async function dropDatabase(size: SizeKey): Promise<void> {
  await adminQuery(`drop database if exists ${dbName(size)} with (force)`);
}

export async function createDatabase(size: SizeKey): Promise<void> {
  await adminQuery(`create database ${dbName(size)}`);
}

export async function openTarget(engine: EngineKey, size: SizeKey, opts: { fresh?: boolean } = {}): Promise<Target> {
  if (engine === 'postgres') {
    if (opts.fresh) await dropDatabase(size);
    if (!(await databaseExists(size))) await createDatabase(size);
    const url = databaseUrl(size);
    const database = openPostgres({ url, poolSize: 4, applicationName: 'zhengfa-bench' });
    // Loading commits often; waiting for each commit's fsync would dominate the load time.
    const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'zhengfa-bench-load', options: '-c synchronous_commit=off' });
    pool.on('error', () => {});
    return {
      engine,
      size,
      database,
      raw: { query: (t, p) => pool.query(t, p as unknown[]) as never },
      parallel: 2,
      url,
      close: async () => {
        await pool.end();
        await database.close();
      },
    };
  }
  const dataDir = pgliteDataDir(size);
  if (opts.fresh) await rm(dataDir, { recursive: true, force: true });
  const database = await openPGlite({ dataDir: path.join(dataDir, 'pglite') });
  const client = pgliteClientOf(database)!;
  return {
    engine,
    size,
    database,
    raw: { query: (t, p) => client.query(t, p as unknown[]) as never },
    parallel: 1,
    dataDir,
    close: () => database.close(),
  };
}

export interface BenchMeta {
  size: SizeKey;
  cases: number;
  generatorVersion: number;
  /** The migrations the database ran, by source hash (schema-fingerprint.ts). */
  migrations?: SchemaFingerprint;
  completedAt: string;
  seconds: number;
  counts: Record<string, number>;
}

export async function readMeta(raw: Raw): Promise<BenchMeta | null> {
  const r = await raw.query<{ exists: boolean }>(`select to_regclass('bench.meta') is not null as exists`);
  if (!r.rows[0]?.exists) return null;
  const m = await raw.query<{ value: BenchMeta }>(`select value from bench.meta where key = 'generation'`);
  return m.rows[0]?.value ?? null;
}

export async function writeMeta(raw: Raw, meta: BenchMeta): Promise<void> {
  await raw.query(`create schema if not exists bench`);
  await raw.query(`create table if not exists bench.meta (key text primary key, value jsonb not null)`);
  await raw.query(`insert into bench.meta (key, value) values ('generation', $1::jsonb) on conflict (key) do update set value = excluded.value`, [JSON.stringify(meta)]);
}
