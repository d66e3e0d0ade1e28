// Nightly upkeep of the embedded database. PostgreSQL's autovacuum keeps a server's
// tables vacuumed and its planner statistics current; PGlite has no autovacuum (and no
// activity statistics to drive one), so an embedded install would otherwise never reclaim
// the space of updated rows, never mark pages all-visible (index-only scans keep reading
// the heap) and plan with statistics from the day its tables were empty. Once a night,
// in the quiet hours, the background tick runs VACUUM (ANALYZE) over the whole database.
// It holds PGlite's one connection for its duration (seconds for a county's ten years),
// which is why it waits for the night rather than running at start.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '@zhengfa/db';
import type { KernelDatabase } from '../db/schema.js';
import { claimJobRun, finishJobRun } from '../jobs/job-runs.js';

const CHINA_OFFSET_MS = 8 * 3600_000;
/** China hours [from, to) in which the upkeep may start. */
export const EMBEDDED_MAINTENANCE_HOURS = { from: 2, to: 6 } as const;
export const EMBEDDED_MAINTENANCE_JOB = 'kernel.embedded-maintenance';

/** The night's slot (days since 1970 in China time) when `now` is in the quiet hours, else null. */
export function maintenanceSlot(now: Date): number | null {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const hour = Math.floor(local / 3600_000) % 24;
  if (hour < EMBEDDED_MAINTENANCE_HOURS.from || hour >= EMBEDDED_MAINTENANCE_HOURS.to) return null;
  return Math.floor(local / 86_400_000);
}

/** Runs the night's VACUUM (ANALYZE) on PGlite once; returns whether it ran. */
export async function runEmbeddedMaintenance(db: Kysely<KernelDatabase>, engine: Engine, now: Date): Promise<boolean> {
  if (engine !== 'pglite') return false;
  const slot = maintenanceSlot(now);
  if (slot === null) return false;
  if (!(await claimJobRun(db, EMBEDDED_MAINTENANCE_JOB, slot))) return false;
  let error: string | null = null;
  try {
    // Not in a transaction: VACUUM refuses to run inside one.
    await sql`vacuum (analyze)`.execute(db);
  } catch (err) {
    error = String((err as Error)?.message ?? err);
  }
  await finishJobRun(db, EMBEDDED_MAINTENANCE_JOB, slot, error);
  if (error) throw new Error(`embedded maintenance failed: ${error}`);
  return true;
}
