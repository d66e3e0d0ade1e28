import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import type { KernelDatabase } from '../db/schema.js';
import { claimJobRun, finishJobRun, JOB_RUNS_KEPT_DAYS, lastCompletedSlot, pruneJobRuns } from './job-runs.js';

const day = 86_400_000;

describeEachEngine('records of job runs', (engine) => {
  let t: TestKernel;
  let db: Kysely<KernelDatabase>;
  const now = new Date();
  /** Records a finished run of `job` in `slot` as started `daysAgo` days before now. */
  const ran = async (job: string, slot: number, daysAgo: number) => {
    expect(await claimJobRun(db, job, slot)).toBe(true);
    await finishJobRun(db, job, slot);
    await sql`update kernel.job_runs set started_at = ${new Date(now.getTime() - daysAgo * day)} where job = ${job} and slot = ${slot}`.execute(db);
  };
  const slotsOf = async (job: string) =>
    (await sql<{ slot: string }>`select slot from kernel.job_runs where job = ${job} order by slot`.execute(db)).rows.map((r) => Number(r.slot));

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    db = t.database.db as Kysely<KernelDatabase>;
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await sql`delete from kernel.job_runs where job like 'test.%'`.execute(db);
  });

  it('forgets runs older than the kept days that a later run of the same job follows', async () => {
    await ran('test.sweep', 1, JOB_RUNS_KEPT_DAYS + 2);
    await ran('test.sweep', 2, JOB_RUNS_KEPT_DAYS + 1);
    await ran('test.sweep', 3, 1);
    expect(await pruneJobRuns(db, now)).toBeGreaterThanOrEqual(2);
    expect(await slotsOf('test.sweep')).toEqual([3]);
  });

  it('keeps the latest run of a job however old, so its slot cannot be claimed again', async () => {
    await ran('test.monthly', 7, JOB_RUNS_KEPT_DAYS + 5);
    await ran('test.monthly', 8, JOB_RUNS_KEPT_DAYS + 4);
    await pruneJobRuns(db, now);
    expect(await slotsOf('test.monthly')).toEqual([8]);
    expect(await claimJobRun(db, 'test.monthly', 8)).toBe(false);
    expect(await lastCompletedSlot(db, 'test.monthly')).toBe(8);
  });

  it('keeps every run younger than the kept days', async () => {
    await ran('test.recent', 1, JOB_RUNS_KEPT_DAYS - 1);
    await ran('test.recent', 2, 0);
    await pruneJobRuns(db, now);
    expect(await slotsOf('test.recent')).toEqual([1, 2]);
  });

  it("does not count another job's later run", async () => {
    await ran('test.a', 1, JOB_RUNS_KEPT_DAYS + 3);
    await ran('test.b', 5, 0);
    await pruneJobRuns(db, now);
    expect(await slotsOf('test.a')).toEqual([1]);
  });

  it("the server forgets old runs with the day's first sweep, not with every minute's", async () => {
    const first = new Date('2031-01-01T02:00:00Z');
    const old = async (job: string) => {
      await ran(job, 1, 0);
      await ran(job, 2, 0);
      await sql`update kernel.job_runs set started_at = ${new Date(first.getTime() - (JOB_RUNS_KEPT_DAYS + 1) * day)} where job = ${job} and slot = 1`.execute(db);
    };
    await old('test.before-first');
    await t.kernel.tick(first);
    expect(await slotsOf('test.before-first')).toEqual([2]);
    await old('test.before-second');
    await t.kernel.tick(new Date(first.getTime() + 60_000));
    expect(await slotsOf('test.before-second')).toEqual([1, 2]);
  });
});
