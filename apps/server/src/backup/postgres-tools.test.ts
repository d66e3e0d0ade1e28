// PostgreSQL's tools as the backup runs them: the password kept off their command line, and
// a pg_dump older than the server refused with both versions named.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@zhengfa/db/testing';
import { dumpPostgres, toolConnection, ToolError } from './postgres-tools.js';

describe('the connection handed to pg_dump and pg_restore', () => {
  it('keeps the password out of the command line, in PGPASSWORD', () => {
    expect(toolConnection('postgres://zhengfa:s%40cret@db.example:5432/zhengfa?sslmode=require')).toEqual({
      dbname: 'postgres://zhengfa@db.example:5432/zhengfa?sslmode=require',
      env: { PGPASSWORD: 's@cret' },
    });
    expect(toolConnection('postgres://zhengfa@localhost/zhengfa?host=/var/run/postgresql')).toEqual({ dbname: 'postgres://zhengfa@localhost/zhengfa?host=/var/run/postgresql', env: {} });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a pg_dump older than the server', () => {
  let db: TestDatabase;
  const bin = mkdtempSync(path.join(tmpdir(), 'zf-old-pg-dump-'));
  const path0 = process.env.PATH;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // A stand-in that only answers --version, as pg_dump 9.6 would.
    writeFileSync(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(path.join(bin, 'pg_dump'), 0o755);
  });
  afterAll(async () => {
    process.env.PATH = path0;
    rmSync(bin, { recursive: true, force: true });
    await db?.drop();
  });

  it('is refused, naming its version and the server’s', async () => {
    const server = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.db)).rows[0]!.v.split(' ')[0]!;
    process.env.PATH = `${bin}:${path0}`;
    const err = await dumpPostgres(db.url!, path.join(bin, 'out.dump')).catch((e: unknown) => e);
    process.env.PATH = path0;
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toBe(`pg_dump 的版本（9.6）低于 PostgreSQL 服务器（${server}），无法备份；请安装 ${server} 或更新版本的 PostgreSQL 客户端工具`);
  });
});
