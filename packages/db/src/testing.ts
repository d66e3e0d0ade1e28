// Test databases: a fresh, isolated database per call. PGlite in memory always; real
// PostgreSQL when TEST_DATABASE_URL points at a server (a new database is created on it
// and dropped afterwards, so suites never see each other's rows).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPGlite, openPostgres, type Database, type Engine } from './engine.js';

export type TestEngine = Engine;

export interface TestDatabase extends Database {
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
  /** For PostgreSQL, the URL of the created database (for a second pool in tests). */
  url?: string;
}

/**
 * In CI (`CI=true`, as `.ci/run` sets it) the PostgreSQL half is required: a run without
 * TEST_DATABASE_URL fails instead of quietly testing PGlite alone.
 */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true'].includes((env.CI ?? '').toLowerCase());
}

export const POSTGRES_REQUIRED_MESSAGE =
  'CI=true requires PostgreSQL, but TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped. Run .ci/run (it starts PostgreSQL and sets TEST_DATABASE_URL), or set TEST_DATABASE_URL.';

/**
 * Whether the PostgreSQL suites run: when TEST_DATABASE_URL is set. Without it they are
 * skipped, except in CI, where this throws, so the test file fails rather than skips.
 */
export function onPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TEST_DATABASE_URL) return true;
  if (postgresRequired(env)) throw new Error(POSTGRES_REQUIRED_MESSAGE);
  return false;
}

/** The engines to run database suites on: PGlite always, PostgreSQL when configured (required in CI). */
export function availableEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  return onPostgres(env) ? ['pglite', 'postgres'] : ['pglite'];
}

export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openPGlite();
    return { ...database, drop: () => database.close() } as TestDatabase;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set; PostgreSQL suites cannot run');
  const name = `zf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres({ url: url.toString(), poolSize: 8, applicationName: 'zhengfa-test' });
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
