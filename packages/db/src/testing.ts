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

/** The engines to run database suites on: PGlite always, PostgreSQL when configured. */
export function availableEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
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
