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
