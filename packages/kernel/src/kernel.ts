// The kernel as one object: the plugin host, the router, request contexts, migrations
// and the background loop (event delivery and plugin jobs).
import os from 'node:os';
import path from 'node:path';
import { setFieldClock, type AnyPlugin, type AuthedContext, type Logger, type RequestContext } from '@zhengfa/plugin-api';
import { openAttachment, storeAttachment } from './files/attachments.js';
import { openExport } from './cases/export.js';
import { migrate, migrationStatus, withoutDbScope, type Database, type MigrateResult, type MigrationStatus } from '@zhengfa/db';
import type { Kysely } from 'kysely';
import { setSecureCookies } from './auth/router.js';
import { createPrincipalCache } from './auth/principal-cache.js';
import type { PrincipalRow } from './auth/sessions.js';
import { createRequestContext, isReadMethod, type RequestInput } from './context.js';
import { PRINCIPALS_CHANNEL } from './migrations/0011_principal_change_notices.js';
import type { KernelDatabase } from './db/schema.js';
import { deliverEvents, pruneOutbox, repairOutboxPositions, type DeliveryReport } from './events/outbox.js';
import { runDueJobs, type JobRunReport } from './jobs/scheduler.js';
import { claimJobRun, finishJobRun, lastCompletedSlot, pruneJobRuns } from './jobs/job-runs.js';
import { pruneSignInThrottle } from './auth/throttle.js';
import { sinceSweepOfMinute, sweepReminders } from './cases/reminders.js';
import { compactCaseTallies } from './cases/tallies.js';
import { chinaDate } from './cases/dates.js';
import { createPluginHost, type HostOptions, type PluginHost } from './plugin-host/host.js';
import { applyWalls } from './db/walls.js';
import { autovacuumOn, runNightlyVacuum } from './system/nightly-vacuum.js';
import { logAuditHeads } from './audit/anchor.js';
import { createAppRouter, type KernelRouter } from './router.js';
import { kernelSealedColumns, rotateSealedColumns, type RotationReport } from './vault/sealed-columns.js';
import type { KernelVault } from './vault/vault.js';
import { seedDemo } from './seed/demo.js';
import { seedDemoYear, removeDemoYear, type DemoYearSummary } from './seed/demo-year.js';
import { systemClock, type Clock } from './time/clock.js';
import { provisionTenant, syncBuiltinRoles, type ProvisionInput } from './tenants/provision.js';

export interface KernelOptions {
  database: Database;
  plugins: AnyPlugin[];
  /** Enabled plugin ids; default all installed. */
  enabled?: string[];
  secureCookies?: boolean;
  log?: Logger;
  /** Folder for attachments (files/) and exports (exports/). */
  dataDir?: string;
  /** Largest accepted attachment, in bytes. */
  maxUploadBytes?: number;
  /** Hears what each pass of the background loop did (the server's /metrics). */
  observer?: KernelObserver;
  /**
   * Run signed-in requests behind the database walls (county row-level security, plugin
   * roles; migration 0026). Default true; false runs them as the connecting role, as before.
   */
  databaseWalls?: boolean;
  /** The clock every service reads the time from (time/clock.ts); default the system clock. */
  clock?: Clock;
  /** Installed plugins' latest release notes by id, shown on the 功能模块 page. */
  releaseNotes?: HostOptions['releaseNotes'];
  /** Event delivery: attempts before the dead letters, back-off, and how long delivered events are kept. */
  events?: EventDeliverySettings;
  /**
   * Seals personal identifiers and accusation content at rest (kernel/src/vault), under the
   * deployment's data key: DATA_KEY, or the key file under DATA_DIR on the embedded database.
   */
  vault: KernelVault;
}

export interface EventDeliverySettings {
  /** Attempts (the first included) before an event goes to the dead letters; default 5. */
  maxAttempts?: number;
  /** Seconds before the second attempt, doubling for each later one; default 30. */
  backoffSeconds?: number;
  /** Days a delivered event is kept in the outbox before it is pruned; default 30. */
  retentionDays?: number;
}

/** What the background loop reports as it works; every member is optional. */
export interface KernelObserver {
  /** Events delivered to subscriptions, and deliveries that failed (to be retried). */
  eventsDelivered?(report: DeliveryReport): void;
  /** Plugin jobs that ran in this pass, and those that failed. */
  jobsRan?(report: JobRunReport): void;
  /** The reminder sweep this process ran: how long it took, and whether it failed. */
  reminderSweep?(seconds: number, failed: boolean): void;
}

/**
 * Migrations run as the connecting role (the tables' owner), outside any county; then the
 * walls are put on whatever they added (kernel migration 0026).
 */
async function migrateBehindWalls(db: Kysely<any>, host: PluginHost, vault: KernelVault): Promise<MigrateResult> {
  return withoutDbScope(async () => {
    const result = await migrate(db, host.migrationSets, { vault });
    await applyWalls(db, host);
    return result;
  });
}

/** Runs kernel work for a signed-in user's request behind its county's walls (db/walls.ts). */
function behindWalls<T>(ctx: AuthedContext, fn: () => Promise<T>): Promise<T> {
  return ctx.inCounty ? ctx.inCounty('kernel.files', fn) : fn();
}

const silentLog: Logger = { info() {}, warn() {}, error() {} };

export interface Kernel {
  host: PluginHost;
  database: Database;
  db: Kysely<KernelDatabase>;
  /** The clock the kernel reads the time from. */
  clock: Clock;
  router: KernelRouter;
  vault: KernelVault;
  dirs: { filesDir: string; exportsDir: string };
  /** Attachments (HTTP upload/download in apps/server). */
  storeAttachment(ctx: AuthedContext, input: { caseId: string; name: string; bytes: Uint8Array }, maxBytes?: number): ReturnType<typeof storeAttachment>;
  openAttachment(ctx: AuthedContext, id: string): ReturnType<typeof openAttachment>;
  openExport(ctx: AuthedContext, id: string): ReturnType<typeof openExport>;
  migrationStatus(): Promise<MigrationStatus>;
  migrate(): Promise<MigrateResult>;
  /**
   * Re-seals every sealed value (the kernel's and each installed plugin's) still under an
   * old key with the vault's current key, in batches, re-computing blind indexes.
   */
  rotateKey(): Promise<RotationReport>;
  /** Work the kernel does after migrating: keep built-in roles in step with plugins. */
  prepare(): Promise<void>;
  seedDemo(): Promise<boolean>;
  /**
   * Gives the demo county a realistic year of matters (seed/demo-year.ts): only the embedded
   * demo start calls it, right after seedDemo, before the server listens.
   */
  seedDemoYear(options?: { seed?: number; matters?: number; tenantId?: string }): Promise<DemoYearSummary>;
  /** Deletes exactly what seedDemoYear generated for a county (kernel and plugins), audited. */
  removeDemoYear(tenantId?: string): Promise<{ removed: number }>;
  provisionTenant(input: ProvisionInput): ReturnType<typeof provisionTenant>;
  createContext(input: RequestInput): Promise<RequestContext>;
  /**
   * Forgets the sessions remembered for reads (auth/principal-cache.ts). A write request's
   * context already does so before it runs; the server calls this again once the write has
   * answered, so no read that overlapped it keeps what it saw before the change.
   */
  forgetSessions(): void;
  /**
   * Whether reads may reuse remembered sessions now: always on PGlite (one process owns
   * the database); on PostgreSQL only while this process listens for the database's
   * notices of principal changes (migration 0011), which it starts doing at the first read.
   */
  remembersSessions(): boolean;
  createCaller(ctx: RequestContext): ReturnType<KernelRouter['createCaller']>;
  /**
   * One pass of event delivery, due jobs, the reminder sweep, the daily audit anchor and (PGlite,
   * at night) VACUUM (ANALYZE), as of `now` (default: the kernel clock's current time).
   */
  tick(now?: Date): Promise<void>;
  startBackground(everyMs?: number): void;
  stopBackground(): Promise<void>;
}

export function createKernel(opts: KernelOptions): Kernel {
  const host = createPluginHost({ installed: opts.plugins, enabled: opts.enabled, releaseNotes: opts.releaseNotes });
  const log = opts.log ?? silentLog;
  const baseClock = opts.clock ?? systemClock;
  // The demo year (seed/demo-year.ts) walks this clock through past dates while it seeds,
  // before the server listens; otherwise it reads the injected clock.
  let travelledTo: Date | null = null;
  const clock: Clock = { now: () => (travelledTo ? new Date(travelledTo) : baseClock.now()) };
  // Input parsing reads "today" too (dates not in the future, deadlines at most so far ahead).
  if (opts.clock) setFieldClock(() => clock.now());
  setSecureCookies(opts.secureCookies ?? false);
  const db = opts.database.db as Kysely<KernelDatabase>;
  const dataDir = path.resolve(opts.dataDir ?? path.join(os.tmpdir(), `zhengfa-${process.pid}`));
  const dirs = { filesDir: path.join(dataDir, 'files'), exportsDir: path.join(dataDir, 'exports') };
  const appRouter = createAppRouter(host, opts.database.engine, dirs, log);
  const principals = createPrincipalCache<PrincipalRow>();
  // On PostgreSQL other processes change principals too: reads rely on the cache only while
  // this process hears of every such change (a lost listener empties and bypasses it).
  let principalsTrusted = opts.database.engine === 'pglite';
  let watching = false;
  const watchPrincipals = () => {
    if (watching || opts.database.engine === 'pglite' || !opts.database.listen) return;
    watching = true;
    opts.database.listen(
      PRINCIPALS_CHANNEL,
      () => principals.clear(),
      (listening) => {
        principals.clear();
        principalsTrusted = listening;
      },
    );
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const kernel: Kernel = {
    host,
    database: opts.database,
    db,
    clock,
    router: appRouter,
    vault: opts.vault,
    dirs,
    // The HTTP routes for files act for the signed-in user's county, behind its walls.
    storeAttachment: (ctx, input, maxBytes) => behindWalls(ctx, () => storeAttachment(ctx, dirs.filesDir, input, maxBytes ?? opts.maxUploadBytes)),
    openAttachment: (ctx, id) => behindWalls(ctx, () => openAttachment(ctx, dirs.filesDir, id)),
    openExport: (ctx, id) => behindWalls(ctx, () => openExport(ctx, dirs.exportsDir, id)),
    migrationStatus: () => migrationStatus(opts.database.db, host.migrationSets),
    migrate: () => migrateBehindWalls(opts.database.db, host, opts.vault),
    rotateKey: () => rotateSealedColumns(opts.database.db, opts.vault, [...kernelSealedColumns, ...host.sealedColumns], host.afterKeyRotation),
    async prepare() {
      await syncBuiltinRoles(db, host);
      const moved = await repairOutboxPositions(opts.database.db);
      if (moved > 0) log.warn({ moved }, 'outbox rows and cursors carried transaction ids ahead of this cluster (a restore): moved to the front');
    },
    seedDemo: () => seedDemo(db, host),
    async seedDemoYear(options) {
      setFieldClock(() => clock.now());
      try {
        return await seedDemoYear(kernel, { ...options, travel: (at) => (travelledTo = at) });
      } finally {
        travelledTo = null;
        setFieldClock(opts.clock ? () => clock.now() : null);
      }
    },
    removeDemoYear: (tenantId?: string) => removeDemoYear(kernel, tenantId),
    provisionTenant: (input) => provisionTenant(db, host, input),
    createContext: (input) => {
      if (isReadMethod(input.method)) watchPrincipals();
      return createRequestContext({ db: opts.database.db, host, clock, vault: opts.vault, filesDir: dirs.filesDir, principals: principalsTrusted ? principals : undefined, walls: opts.databaseWalls !== false }, input);
    },
    forgetSessions: () => principals.clear(),
    remembersSessions: () => principalsTrusted,
    createCaller: (ctx) => appRouter.createCaller(ctx),
    // The background loop works across counties by design: as the connecting role, outside
    // any database scope, even when a request's work started it (db/walls.ts).
    tick: (now = clock.now()) => withoutDbScope(() => backgroundPass(now)),
    startBackground(everyMs = 5000) {
      withoutDbScope(() => startLoop(everyMs));
    },
    async stopBackground() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };

  async function backgroundPass(now: Date): Promise<void> {
    const delivered = await deliverEvents(opts.database.db, host, log, { now, maxAttempts: opts.events?.maxAttempts, backoffSeconds: opts.events?.backoffSeconds });
    opts.observer?.eventsDelivered?.(delivered);
    const jobs = await runDueJobs(opts.database.db, host, log, now, { vault: opts.vault, filesDir: dirs.filesDir });
    opts.observer?.jobsRan?.(jobs);
    await compactCaseTallies(opts.database.db);
    // The reminder sweep runs once per minute across all processes (exactly-once per
    // due point is guaranteed by kernel.reminders either way; this saves the work).
    // After the first of the day, a sweep reads only what may have fallen due since the
    // last complete one (cases/reminders.ts), not every case still due.
    const slot = Math.floor(now.getTime() / 60_000);
    if (await claimJobRun(db, 'kernel.reminders', slot)) {
      const today = chinaDate(now);
      const since = sinceSweepOfMinute(await lastCompletedSlot(db, 'kernel.reminders'), today);
      const started = performance.now();
      try {
        await sweepReminders(opts.database.db, today, undefined, since);
      } catch (err) {
        opts.observer?.reminderSweep?.((performance.now() - started) / 1000, true);
        throw err;
      }
      opts.observer?.reminderSweep?.((performance.now() - started) / 1000, false);
      await finishJobRun(db, 'kernel.reminders', slot);
      // With the day's first (full) sweep, once a day: forget runs older than a month and
      // sign-in counts untouched for a day.
      if (!since) {
        await pruneJobRuns(db, now);
        await pruneSignInThrottle(db, now);
        await pruneOutbox(opts.database.db, host, { now, retentionDays: opts.events?.retentionDays }).catch((err) => log.error({ err }, 'pruning delivered events failed'));
      }
    }
    // Once a day: each county's audit chain head to the log, an anchor to keep elsewhere.
    await logAuditHeads(db, log, now).catch((err) => log.error({ err }, 'logging the audit chain heads failed'));
    // Once a night where nothing else vacuums (PGlite; PostgreSQL with autovacuum off).
    await runNightlyVacuum(db, opts.database.engine, now).catch((err) => log.error({ err }, 'nightly vacuum failed'));
  }

  function startLoop(everyMs: number): void {
    if (timer) return;
    if (opts.database.engine === 'postgres') {
      void autovacuumOn(db)
        .then((on) => {
          if (!on) log.warn('PostgreSQL autovacuum is off: the kernel will run VACUUM (ANALYZE) itself once a night (02:00–06:00 China time); turn autovacuum on to keep tables vacuumed through the day');
        })
        .catch((err) => log.error({ err }, 'reading the autovacuum setting failed'));
    }
    timer = setInterval(() => {
      if (running) return;
      running = kernel
        .tick()
        .catch((err) => log.error({ err }, 'background tick failed'))
        .finally(() => (running = null));
    }, everyMs);
    timer.unref();
  }
  return kernel;
}
