// .ci/run's PostgreSQL half: CI starts PostgreSQL when it does not answer and stops, before
// any test runs, when it still cannot reach it (never falling back to PGlite alone). The
// script runs here with stand-ins for what would change the machine (apt-get, pg_ctlcluster)
// and for pnpm, which records what it was asked to do.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('.ci/run', () => {
  const stubs = mkdtempSync(path.join(tmpdir(), 'ci-run-stubs-'));
  const calls = path.join(stubs, 'calls.log');
  afterAll(() => rmSync(stubs, { recursive: true, force: true }));

  const stub = (name: string, body: string) => {
    writeFileSync(path.join(stubs, name), `#!/bin/sh\necho "${name} $*" >> '${calls}'\n${body}\n`);
    chmodSync(path.join(stubs, name), 0o755);
  };
  stub('pnpm', 'if [ "$1" = "--version" ]; then echo 10.34.9; fi\nexit 0');
  stub('apt-get', 'exit 0');
  stub('pg_ctlcluster', 'exit 0');
  stub('npm', 'exit 0');

  it('stops with a message naming the address, before any test runs, when PostgreSQL cannot be reached even after starting it', () => {
    writeFileSync(calls, '');
    const run = spawnSync('bash', [path.join(root, '.ci/run')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: `${stubs}:${process.env.PATH}`,
        HOME: process.env.HOME ?? tmpdir(),
        // Port 1 answers nothing; waiting two seconds each time keeps the test short.
        TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
        PG_WAIT_SECONDS: '2',
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PostgreSQL cannot be reached at 127.0.0.1:1/postgres even after starting it:');
    expect(run.stderr).toContain('CI runs every database suite on PostgreSQL too, so it stops here.');
    expect(run.stdout).not.toContain('database suites run on PGlite and PostgreSQL');
    const asked = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
    expect(asked.filter((c) => c.startsWith('pnpm ') && c !== 'pnpm --version' && c !== 'pnpm install --frozen-lockfile')).toEqual([]);
  }, 150_000);
});
