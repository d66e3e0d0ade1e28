// Nightly VACUUM (ANALYZE) wherever nothing else vacuums. PostgreSQL's autovacuum keeps a
// server's tables vacuumed and its planner statistics current. PGlite has no autovacuum (and
// no activity statistics to drive one), and an operator may have turned a server's off. Left
// alone, such a database would never reclaim the rows the background tick updates and
// deletes every few seconds (the case counters' deltas, job runs), never mark pages
// all-visible (index-only scans keep reading the heap) and plan with statistics from the day
// its tables were empty. So once a night, in the quiet hours, the background tick runs
// VACUUM (ANALYZE) over the whole database. On PGlite it holds the one connection for its
// duration (seconds for a county's ten years, about 4 s for a province's million matters on
// PostgreSQL), which is why it waits for the night rather than running at start.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '@zhengfa/db';
import type { KernelDatabase } from '../db/schema.js';
import { claimJobRun, finishJobRun } from '../jobs/job-runs.js';

const CHINA_OFFSET_MS = 8 * 3600_000;
/** China hours [from, to) in which the vacuum may start. */
export const NIGHTLY_VACUUM_HOURS = { from: 2, to: 6 } as const;
export const NIGHTLY_VACUUM_JOB = 'kernel.nightly-vacuum';

/** The night's slot (days since 1970 in China time) when `now` is in the quiet hours, else null. */
export function vacuumSlot(now: Date): number | null {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const hour = Math.floor(local / 3600_000) % 24;
  if (hour < NIGHTLY_VACUUM_HOURS.from || hour >= NIGHTLY_VACUUM_HOURS.to) return null;
  return Math.floor(local / 86_400_000);
}

/** Whether PostgreSQL's autovacuum is on (`show autovacuum`; not asked of PGlite, which has none). */
export async function autovacuumOn(db: Kysely<KernelDatabase>): Promise<boolean> {
  return (await sql<{ autovacuum: string }>`show autovacuum`.execute(db)).rows[0]!.autovacuum === 'on';
}

/** Runs the night's VACUUM (ANALYZE) once, where nothing else vacuums; returns whether it ran. */
export async function runNightlyVacuum(db: Kysely<KernelDatabase>, engine: Engine, now: Date): Promise<boolean> {
  const slot = vacuumSlot(now);
  if (slot === null) return false;
  if (engine === 'postgres' && (await autovacuumOn(db))) return false;
  if (!(await claimJobRun(db, NIGHTLY_VACUUM_JOB, slot))) return false;
  let error: string | null = null;
  try {
    // Not in a transaction: VACUUM refuses to run inside one.
    await sql`vacuum (analyze)`.execute(db);
  } catch (err) {
    error = String((err as Error)?.message ?? err);
  }
  await finishJobRun(db, NIGHTLY_VACUUM_JOB, slot, error);
  if (error) throw new Error(`nightly vacuum failed: ${error}`);
  return true;
}
