import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { onPostgres, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import type { KernelDatabase } from '../db/schema.js';
import { createKernel } from '../kernel.js';
import { autovacuumOn, NIGHTLY_VACUUM_JOB, runNightlyVacuum, vacuumSlot } from './nightly-vacuum.js';

// China is UTC+8: 19:00 UTC is 03:00 the next morning there.
const chinaThreeAm = new Date('2026-11-21T19:00:00Z');
const chinaNoon = new Date('2026-11-22T04:00:00Z');

describe('the nightly vacuum’s quiet hours', () => {
  it('gives one slot to the whole night from 02:00 to 06:00 China time', () => {
    const slot = vacuumSlot(new Date('2026-11-21T18:00:00Z'));
    expect(slot).not.toBeNull();
    expect(vacuumSlot(chinaThreeAm)).toBe(slot);
    expect(vacuumSlot(new Date('2026-11-21T21:59:59Z'))).toBe(slot);
  });

  it('has no slot in the working day', () => {
    expect(vacuumSlot(chinaNoon)).toBeNull();
    expect(vacuumSlot(new Date('2026-11-21T22:00:00Z'))).toBeNull();
    expect(vacuumSlot(new Date('2026-11-21T17:59:59Z'))).toBeNull();
  });
});

describe('the nightly vacuum on PGlite', () => {
  let t: TestKernel;
  let db: Kysely<KernelDatabase>;
  const allVisiblePages = async () =>
    Number((await sql<{ n: number }>`select relallvisible as n from pg_class where oid = 'kernel.orgs'::regclass`.execute(db)).rows[0]!.n);
  beforeAll(async () => {
    t = await startTestKernel({ engine: 'pglite' });
    db = t.database.db as Kysely<KernelDatabase>;
  });
  afterAll(() => t?.stop());

  it('does nothing during the working day', async () => {
    expect(await runNightlyVacuum(db, 'pglite', chinaNoon)).toBe(false);
    expect(await allVisiblePages()).toBe(0);
  });

  it('vacuums and analyzes the database at night, as autovacuum would', async () => {
    await t.kernel.tick(chinaThreeAm);
    expect(await allVisiblePages()).toBeGreaterThan(0);
    const run = await db.selectFrom('kernel.job_runs').selectAll().where('job', '=', NIGHTLY_VACUUM_JOB).execute();
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ slot: vacuumSlot(chinaThreeAm), error: null });
    expect(run[0]!.finished_at).not.toBeNull();
  });

  it('runs once a night however often the tick comes', async () => {
    expect(await runNightlyVacuum(db, 'pglite', new Date(chinaThreeAm.getTime() + 60_000))).toBe(false);
  });
});

describe.skipIf(!onPostgres())('the nightly vacuum on PostgreSQL', () => {
  let t: TestKernel;
  let db: Kysely<KernelDatabase>;
  beforeAll(async () => {
    t = await startTestKernel({ engine: 'postgres' });
    db = t.database.db as Kysely<KernelDatabase>;
  });
  afterAll(() => t?.stop());

  it('reads whether the server runs autovacuum', async () => {
    const shown = (await sql<{ autovacuum: string }>`select current_setting('autovacuum') as autovacuum`.execute(db)).rows[0]!.autovacuum;
    expect(await autovacuumOn(db)).toBe(shown === 'on');
  });

  it('vacuums the database at night only when the server’s autovacuum is off', async () => {
    const on = await autovacuumOn(db);
    expect(await runNightlyVacuum(db, 'postgres', chinaThreeAm)).toBe(!on);
    const runs = await db.selectFrom('kernel.job_runs').selectAll().where('job', '=', NIGHTLY_VACUUM_JOB).execute();
    if (on) expect(runs).toEqual([]);
    else expect(runs).toMatchObject([{ slot: vacuumSlot(chinaThreeAm), error: null }]);
  });

  it('does nothing during the working day', async () => {
    expect(await runNightlyVacuum(db, 'postgres', chinaNoon)).toBe(false);
  });

  it('warns the operator when the background starts on a server whose autovacuum is off', async () => {
    const on = await autovacuumOn(db);
    const warnings: string[] = [];
    const errors: unknown[] = [];
    const log = { info() {}, warn: (m: object | string) => void warnings.push(String(m)), error: (m: object | string) => void errors.push(m) };
    const kernel = createKernel({ vault: testVault(), database: t.database, plugins: [], log });
    kernel.startBackground(3_600_000);
    try {
      // The setting is read in the background. With autovacuum on no warning ever comes, so
      // that case waits a moment for the read instead.
      if (on) await new Promise((r) => setTimeout(r, 300));
      else await vi.waitFor(() => expect(warnings.length).toBeGreaterThan(0));
      expect(errors).toEqual([]);
      expect(warnings.some((w) => w.includes('autovacuum is off'))).toBe(!on);
    } finally {
      await kernel.stopBackground();
    }
  });
});
