// Runs of periodic work (plugin jobs, the reminder sweep, the embedded database's upkeep)
// are claimed by inserting (job, slot) into kernel.job_runs: of any number of server
// processes, the one whose insert made the row does the work.
import type { Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';

/** Claims the run of `job` for `slot`; true for the one caller that made the row. */
export async function claimJobRun(db: Kysely<KernelDatabase>, job: string, slot: number): Promise<boolean> {
  const claimed = await db
    .insertInto('kernel.job_runs')
    .values({ job, slot, finished_at: null, error: null })
    .onConflict((oc) => oc.doNothing())
    .returning('slot')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Marks a claimed run finished, with the error it failed with, if any. */
export async function finishJobRun(db: Kysely<KernelDatabase>, job: string, slot: number, error: string | null = null): Promise<void> {
  await db.updateTable('kernel.job_runs').set({ finished_at: new Date(), error }).where('job', '=', job).where('slot', '=', slot).execute();
}

/** The slot of the latest run of `job` that finished without an error; null when none has. */
export async function lastCompletedSlot(db: Kysely<KernelDatabase>, job: string): Promise<number | null> {
  const row = await db
    .selectFrom('kernel.job_runs')
    .select('slot')
    .where('job', '=', job)
    .where('finished_at', 'is not', null)
    .where('error', 'is', null)
    .orderBy('slot', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.slot) : null;
}

/** How long the record of a run is kept once a later run of the same job exists. */
export const JOB_RUNS_KEPT_DAYS = 30;

/**
 * Deletes the records of runs that started more than `keepDays` before `now` and have a later
 * run of the same job: the reminder sweep alone claims 1,440 slots a day. The latest run of
 * every job stays however old, so a slot cannot be claimed again while it is the newest;
 * once a later slot exists an older one is in the past and no server claims it. Returns
 * how many records it deleted.
 */
export async function pruneJobRuns(db: Kysely<KernelDatabase>, now: Date, keepDays = JOB_RUNS_KEPT_DAYS): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const r = await db
    .deleteFrom('kernel.job_runs as r')
    .where('r.started_at', '<', before)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('kernel.job_runs as n').select('n.slot').whereRef('n.job', '=', 'r.job').whereRef('n.slot', '>', 'r.slot')),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
