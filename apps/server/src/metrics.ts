// /metrics in Prometheus' text format, with prom-client.
//
// Two kinds of figures:
// - this process's own (requests and their latency by route and by tRPC procedure, errors,
//   the database pool, the background loop's deliveries, job runs and reminder sweeps, and
//   Node's process figures): counted as they happen. With SERVER_PROCESSES > 1 each worker
//   counts its own and the primary sums them on request (metrics-cluster.ts), so a scrape
//   that lands on any worker sees the whole server.
// - the database's state (events waiting per subscriber, each job's last success): read by
//   the process that answers the scrape, with a few bounded queries, once per scrape.
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { sql, type Kysely } from 'kysely';
import type { Kernel, KernelObserver } from '@zhengfa/kernel';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Undelivered events counted per subscriber at most: beyond it the figure says "at least". */
export const OUTBOX_PENDING_CAP = 10_000;

export interface ServerMetrics {
  /** This process's own figures. */
  readonly registry: Registry;
  /** Hands the background loop's reports to the figures (KernelOptions.observer). */
  readonly observer: KernelObserver;
  /** Counts every request: mount first, before any other middleware. */
  readonly middleware: MiddlewareHandler;
  /** A tRPC call that failed, by procedure and tRPC error code. */
  trpcError(procedure: string | undefined, code: string): void;
  /** A request that ended in the app's error handler (a 500). */
  unhandledError(): void;
  /** Starts reading the kernel's router and database pool (once the kernel exists). */
  attach(kernel: Kernel): void;
  /** The database's state, read now (for the process answering the scrape). */
  databaseState(): Promise<string>;
}

const TRPC_ROUTE = '/trpc/*';

export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let kernel: Kernel | null = null;
  let procedures = new Set<string>();

  const httpRequests = new Counter({
    name: 'zhengfa_http_requests_total',
    help: 'HTTP requests answered, by method, matched route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'zhengfa_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and matched route',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
  });
  const trpcCalls = new Counter({
    name: 'zhengfa_trpc_calls_total',
    help: 'tRPC procedure calls, by procedure (each call of a batch counts)',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });
  const trpcDuration = new Histogram({
    name: 'zhengfa_trpc_call_duration_seconds',
    help: 'Time to answer the HTTP request that carried a tRPC call, by procedure',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });
  const trpcErrors = new Counter({
    name: 'zhengfa_trpc_errors_total',
    help: 'tRPC calls that failed, by procedure and tRPC error code',
    labelNames: ['procedure', 'code'] as const,
    registers: [registry],
  });
  const unhandled = new Counter({
    name: 'zhengfa_http_unhandled_errors_total',
    help: 'Requests that failed with an unexpected error (answered 500)',
    registers: [registry],
  });
  new Gauge({
    name: 'zhengfa_db_pool_connections',
    help: 'Database connections of this process, by state (PostgreSQL: the pool; PGlite: its one connection)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = kernel?.database.poolStats?.();
      this.reset();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'in_use' }, stats.total - stats.idle);
    },
  });
  new Gauge({
    name: 'zhengfa_db_pool_waiting',
    help: 'Callers waiting for a database connection (PGlite: statements queued for its connection, the running one included)',
    registers: [registry],
    collect() {
      this.set(kernel?.database.poolStats?.().waiting ?? 0);
    },
  });
  const deliveries = new Counter({
    name: 'zhengfa_outbox_deliveries_total',
    help: 'Event deliveries to plugin subscriptions by this process, by outcome (a failed one is retried with back-off; dead_lettered: its last attempt failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'zhengfa_job_runs_total',
    help: 'Runs of background jobs by this process (plugin jobs and kernel.reminders), by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const sweepDuration = new Histogram({
    name: 'zhengfa_reminder_sweep_duration_seconds',
    help: 'Time the reminder sweep took, each time this process ran it',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  // Label series that exist from the start, so a rate over them is defined before the first event.
  deliveries.inc({ outcome: 'delivered' }, 0);
  deliveries.inc({ outcome: 'failed' }, 0);
  jobRuns.inc({ job: 'kernel.reminders', outcome: 'ok' }, 0);
  jobRuns.inc({ job: 'kernel.reminders', outcome: 'failed' }, 0);
  unhandled.inc(0);

  const observer: KernelObserver = {
    eventsDelivered(r) {
      if (r.delivered) deliveries.inc({ outcome: 'delivered' }, r.delivered);
      if (r.failed) deliveries.inc({ outcome: 'failed' }, r.failed);
      if (r.deadLettered) deliveries.inc({ outcome: 'dead_lettered' }, r.deadLettered);
    },
    jobsRan(r) {
      for (const job of r.ran) jobRuns.inc({ job, outcome: 'ok' });
      for (const job of r.failed) jobRuns.inc({ job, outcome: 'failed' });
    },
    reminderSweep(seconds, failed) {
      sweepDuration.observe(seconds);
      jobRuns.inc({ job: 'kernel.reminders', outcome: failed ? 'failed' : 'ok' });
    },
  };

  /** A procedure path as a label: a known procedure, or one word for anything else (bounded). */
  const procedureLabel = (p: string | undefined): string => (p && procedures.has(p) ? p : 'unknown');

  const record = (c: Context, seconds: number) => {
    const route = routePath(c);
    httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    httpDuration.observe({ method: c.req.method, route }, seconds);
    if (route === TRPC_ROUTE) {
      for (const p of c.req.path.slice('/trpc/'.length).split(',')) {
        const procedure = procedureLabel(p);
        trpcCalls.inc({ procedure });
        trpcDuration.observe({ procedure }, seconds);
      }
    }
  };

  const middleware: MiddlewareHandler = async (c: Context, next) => {
    const started = performance.now();
    await next();
    // Counting must never change the answer.
    try {
      record(c, (performance.now() - started) / 1000);
    } catch {
      /* not counted */
    }
  };

  return {
    registry,
    observer,
    middleware,
    trpcError(procedure, code) {
      trpcErrors.inc({ procedure: procedureLabel(procedure), code });
    },
    unhandledError() {
      unhandled.inc();
    },
    attach(k) {
      kernel = k;
      procedures = new Set(Object.keys((k.router as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures));
    },
    async databaseState() {
      if (!kernel) return '';
      return (await databaseStateRegistry(kernel)).metrics();
    },
  };
}

interface SubscriberLag {
  subscriber: string;
  pending: number;
  lagSeconds: number;
}

/**
 * Events each subscription has not had yet: those of its event name after its cursor
 * (kernel.event_subscribers) neither delivered nor dead-lettered, counted up to
 * OUTBOX_PENDING_CAP, and the age of the oldest. An index range read from the cursor.
 */
export async function outboxLag(kernel: Kernel, now = new Date()): Promise<SubscriberLag[]> {
  const db = kernel.db as unknown as Kysely<unknown>;
  const out: SubscriberLag[] = [];
  // The subscriber key of the kernel's outbox (events/outbox.ts): `<plugin id>:<event name>`.
  for (const plugin of kernel.host.enabled) {
    for (const eventName of Object.keys(plugin.subscriptions ?? {})) {
      const subscriber = `${plugin.id}:${eventName}`;
      const r = await sql<{ pending: number; oldest: Date | null }>`
        select count(*)::int8 as pending, min(p.occurred_at) as oldest
        from (select o.occurred_at from kernel.outbox o
              where (o.tx, o.id) > (coalesce((select s.cursor_tx from kernel.event_subscribers s where s.subscriber = ${subscriber}), '0'::xid8),
                                    coalesce((select s.cursor_id from kernel.event_subscribers s where s.subscriber = ${subscriber}), 0))
                and o.name = ${eventName}
                and not exists (select 1 from kernel.event_deliveries d where d.subscriber = ${subscriber} and d.event_id = o.id)
                and not exists (select 1 from kernel.event_dead_letters x where x.subscriber = ${subscriber} and x.event_id = o.id)
              order by o.tx, o.id limit ${OUTBOX_PENDING_CAP}) p`.execute(db);
      const row = r.rows[0]!;
      const oldest = row.oldest ? new Date(row.oldest) : null;
      out.push({ subscriber, pending: Number(row.pending), lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 });
    }
  }
  return out;
}

/** The jobs the background loop runs: the reminder sweep and every enabled plugin's jobs. */
export function knownJobs(kernel: Kernel): string[] {
  return ['kernel.reminders', ...kernel.host.enabled.flatMap((p) => (p.jobs ?? []).map((j) => `${p.id}.${j.name}`))];
}

/** When each job last finished without an error (null: never, within the runs kept). */
export async function jobLastSuccess(kernel: Kernel): Promise<{ job: string; at: Date | null }[]> {
  const out: { job: string; at: Date | null }[] = [];
  for (const job of knownJobs(kernel)) {
    const row = await kernel.db
      .selectFrom('kernel.job_runs')
      .select('finished_at')
      .where('job', '=', job)
      .where('finished_at', 'is not', null)
      .where('error', 'is', null)
      .orderBy('slot', 'desc')
      .limit(1)
      .executeTakeFirst();
    out.push({ job, at: row?.finished_at ? new Date(row.finished_at) : null });
  }
  return out;
}

async function databaseStateRegistry(kernel: Kernel): Promise<Registry> {
  const registry = new Registry();
  const up = new Gauge({ name: 'zhengfa_database_up', help: 'Whether the database answered the queries for this scrape (1) or not (0)', registers: [registry] });
  try {
    const [lag, jobs] = [await outboxLag(kernel), await jobLastSuccess(kernel)];
    const pending = new Gauge({
      name: 'zhengfa_outbox_pending_events',
      help: `Events a subscription has not had yet (after the last delivered to it), counted up to ${OUTBOX_PENDING_CAP}`,
      labelNames: ['subscriber'] as const,
      registers: [registry],
    });
    const lagSeconds = new Gauge({
      name: 'zhengfa_outbox_lag_seconds',
      help: 'Age of the oldest event a subscription has not had yet (0 when none waits)',
      labelNames: ['subscriber'] as const,
      registers: [registry],
    });
    for (const l of lag) {
      pending.set({ subscriber: l.subscriber }, l.pending);
      lagSeconds.set({ subscriber: l.subscriber }, l.lagSeconds);
    }
    const lastSuccess = new Gauge({
      name: 'zhengfa_job_last_success_timestamp_seconds',
      help: 'When a background job last finished without an error, in Unix seconds (0: no such run is recorded)',
      labelNames: ['job'] as const,
      registers: [registry],
    });
    for (const j of jobs) lastSuccess.set({ job: j.job }, j.at ? j.at.getTime() / 1000 : 0);
    up.set(1);
  } catch {
    up.set(0);
  }
  return registry;
}
