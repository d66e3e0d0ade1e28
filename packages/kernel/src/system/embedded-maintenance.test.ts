import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { availableEngines, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import type { KernelDatabase } from '../db/schema.js';
import { EMBEDDED_MAINTENANCE_JOB, maintenanceSlot, runEmbeddedMaintenance } from './embedded-maintenance.js';

// China is UTC+8: 19:00 UTC is 03:00 the next morning there.
const chinaThreeAm = new Date('2026-11-21T19:00:00Z');
const chinaNoon = new Date('2026-11-22T04:00:00Z');

describe('the embedded database’s quiet hours', () => {
  it('gives one slot to the whole night from 02:00 to 06:00 China time', () => {
    const slot = maintenanceSlot(new Date('2026-11-21T18:00:00Z'));
    expect(slot).not.toBeNull();
    expect(maintenanceSlot(chinaThreeAm)).toBe(slot);
    expect(maintenanceSlot(new Date('2026-11-21T21:59:59Z'))).toBe(slot);
  });

  it('has no slot in the working day', () => {
    expect(maintenanceSlot(chinaNoon)).toBeNull();
    expect(maintenanceSlot(new Date('2026-11-21T22:00:00Z'))).toBeNull();
    expect(maintenanceSlot(new Date('2026-11-21T17:59:59Z'))).toBeNull();
  });
});

describe('nightly upkeep of PGlite', () => {
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
    expect(await runEmbeddedMaintenance(db, 'pglite', chinaNoon)).toBe(false);
    expect(await allVisiblePages()).toBe(0);
  });

  it('vacuums and analyzes the database at night, as autovacuum would', async () => {
    await t.kernel.tick(chinaThreeAm);
    expect(await allVisiblePages()).toBeGreaterThan(0);
    const run = await db.selectFrom('kernel.job_runs').selectAll().where('job', '=', EMBEDDED_MAINTENANCE_JOB).execute();
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ slot: maintenanceSlot(chinaThreeAm), error: null });
    expect(run[0]!.finished_at).not.toBeNull();
  });

  it('runs once a night however often the tick comes', async () => {
    expect(await runEmbeddedMaintenance(db, 'pglite', new Date(chinaThreeAm.getTime() + 60_000))).toBe(false);
  });
});

describe.skipIf(!availableEngines().includes('postgres'))('nightly upkeep on PostgreSQL', () => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine: 'postgres' });
  });
  afterAll(() => t?.stop());

  it('is left to autovacuum', async () => {
    const db = t.database.db as Kysely<KernelDatabase>;
    expect(await runEmbeddedMaintenance(db, 'postgres', chinaThreeAm)).toBe(false);
    expect(await db.selectFrom('kernel.job_runs').selectAll().where('job', '=', EMBEDDED_MAINTENANCE_JOB).execute()).toEqual([]);
  });
});
