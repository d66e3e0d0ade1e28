// The cadence sweep (sweepReminders) called directly on the database, timed. To show what
// it grows with, it is run "as of" several dates: the earlier the date, the fewer open
// matters are due, while the number stored is the same. Before each timed run the bench
// database's reminders and notifications are emptied so every run raises all it finds;
// a last run repeats the full sweep with nothing new to raise. The server itself sweeps once
// a minute, and after the first sweep of a day reads only what may have fallen due since the
// last complete sweep (`since`); the `minute` run is that sweep, a minute after the repeat.
import { dueCases, dueKeys, SWEEP_CHANGE_MARGIN_MS, sweepReminders, type SweepSince } from '@zhengfa/kernel/internal';
import type { Kysely } from 'kysely';
import { explainCompiled, type Raw } from '../db.js';
import { isoOf, todayDay } from '../generate.js';

export interface SweepRun {
  asOf: string;
  offsetDays: number;
  due: number;
  raised: number;
  ms: number;
  msPerThousandDue: number;
}

export interface SweepResult {
  stored: number;
  open: number;
  runs: SweepRun[];
  repeat: SweepRun;
  /** The server's sweep a minute after a complete one (SweepSince): absent in runs recorded before it. */
  minute?: SweepRun;
  /** The plan of the read of the dispatch keys (in runs before the fifteenth pass, of the first batch). */
  explain: string;
  /** The plan of the first batch read by its keys: absent in runs before the fifteenth pass. */
  batchExplain?: string;
  /** The plan of that read in the server's sweep a minute after a complete one. */
  minuteExplain?: string;
}

export async function sweepScenario(db: Kysely<any>, raw: Raw, log: (s: string) => void): Promise<SweepResult> {
  const today = todayDay();
  const counts = (await raw.query<{ stored: number; open: number }>(`select count(*)::int as stored, count(*) filter (where status in ('assigned', 'in_progress', 'submitted'))::int as open from kernel.cases`)).rows[0]!;
  const runs: SweepRun[] = [];
  const once = async (offset: number, clear: boolean, since?: SweepSince): Promise<SweepRun> => {
    if (clear) {
      // Truncated, not deleted: dead rows left by earlier runs would slow the unique checks
      // of the inserts and make each run slower than the one before.
      await raw.query('truncate kernel.reminders, kernel.notifications');
    }
    const asOf = isoOf(today + offset);
    const t0 = performance.now();
    const r = await sweepReminders(db, asOf, undefined, since);
    const ms = Math.round(performance.now() - t0);
    const run = { asOf, offsetDays: offset, due: r.due, raised: r.raised, ms, msPerThousandDue: r.due ? Math.round((ms / r.due) * 1000 * 10) / 10 : 0 };
    log(`  sweep as of ${asOf}${since ? ' (since the last complete sweep)' : ''}: ${r.due.toLocaleString()} due, ${r.raised.toLocaleString()} reminders raised, ${ms} ms`);
    return run;
  };
  // The keys of the first batch of today's dispatch reminders, read before any is raised,
  // for the plan of a batch below.
  await raw.query('truncate kernel.reminders, kernel.notifications');
  const firstKeys = await dueKeys(db, 'dispatch', isoOf(today), 2000).execute();
  for (const offset of [-365, -90, -30, 0]) runs.push(await once(offset, true));
  const repeat = await once(0, false);
  const since: SweepSince = { asOf: isoOf(today), changedSince: new Date(Date.now() - SWEEP_CHANGE_MARGIN_MS) };
  const minute = await once(0, false, since);
  // The kernel's own statements (dueKeys, dueCases), after the repeat run, where every due
  // point is raised: the read of the dispatch keys reads every due case and returns none;
  // the first batch reads its 2,000 cases by key and returns none; then the keys read as the
  // server sends it a minute after a complete sweep of the same day.
  const explain = await explainCompiled(raw.query, dueKeys(db, 'dispatch', isoOf(today)));
  const batchExplain = await explainCompiled(raw.query, dueCases(db, 'dispatch', isoOf(today), firstKeys));
  const minuteExplain = await explainCompiled(raw.query, dueKeys(db, 'dispatch', isoOf(today), undefined, since));
  return { stored: counts.stored, open: counts.open, runs, repeat, minute, explain, batchExplain, minuteExplain };
}
