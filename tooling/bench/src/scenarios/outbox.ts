// The outbox's pending-event query (packages/kernel/src/events/outbox.ts) at 10k and 1M
// delivered events: its time should not grow with the delivered history, because it starts
// at the subscriber's cursor. Each size gets a fresh database (PostgreSQL: zf_bench_outbox;
// PGlite: in memory) with the kernel's migrations, N delivered events (half of them the
// subscriber's, half another name) with their delivery records and the subscriber's cursor
// after the last, then 10 events not yet delivered. The query is timed as the background loop
// runs it; beside it, the query as it was before the cursor (every event of the name not in
// the delivery records), to show what the cursor saves.
import { createKernel, KERNEL_VERSION } from '@zhengfa/kernel';
import { pendingEventsQuery } from '@zhengfa/kernel/internal';
import { openPGlite, openPostgres, type Database } from '@zhengfa/db';
import { definePlugin } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { benchVault } from '../data-key.js';
import pg from 'pg';
import { adminUrl } from '../db.js';

export interface OutboxRun {
  delivered: number;
  pending: number;
  /** The cursor query from the client, timed `samples` times after a warm-up, alternating with the other sizes. */
  cursor: { samples: number; medianMs: number; p95Ms: number };
  /** EXPLAIN ANALYZE's execution time in the database (median of 50): no round trip, no client. */
  executionMs: number;
  /** Buffers the plan touched: the count that shows the work does not grow. */
  buffers: number;
  /** The query before the cursor (anti-join from the first event), fewer samples. */
  withoutCursor: { samples: number; medianMs: number; p95Ms: number };
  loadSeconds: number;
  explain: string;
}

export interface OutboxResult {
  engine: 'postgres' | 'pglite';
  runs: OutboxRun[];
}

const SUBSCRIBER = 'bench_probe:kernel.case.registered';
const EVENT = 'kernel.case.registered';
const PENDING = 10;

const probe = definePlugin({
  id: 'bench_probe',
  name: '基准探针',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  subscriptions: { [EVENT]: async () => {} },
});

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function freshDatabase(engine: 'postgres' | 'pglite', name: string): Promise<Database> {
  if (engine === 'pglite') return openPGlite();
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return openPostgres({ url: u.toString(), poolSize: 2, applicationName: 'zhengfa-bench-outbox' });
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { samples: ms.length, medianMs: Number(at(0.5).toFixed(3)), p95Ms: Number(at(0.95).toFixed(3)) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface Loaded {
  delivered: number;
  database: Database;
  db: Kysely<any>;
  name: string;
  cursor: { tx: string; id: number };
  loadSeconds: number;
}

async function load(engine: 'postgres' | 'pglite', delivered: number): Promise<Loaded> {
  const name = `zf_bench_outbox_${delivered}`;
  const database = await freshDatabase(engine, name);
  const kernel = createKernel({ database, plugins: [probe], vault: benchVault() });
  await kernel.migrate();
  const db = database.db as Kysely<any>;
  const loadStart = performance.now();
  // Delivered history in chunks of 100k (one transaction each, as many writers would make).
  for (let from = 1; from <= delivered; from += 100_000) {
    const to = Math.min(delivered, from + 99_999);
    await sql`insert into kernel.outbox (tenant_id, name, payload, occurred_at)
      select '990001', case when g % 2 = 0 then ${EVENT} else 'kernel.case.assign' end,
             jsonb_build_object('caseId', md5(g::text), 'kind', 'supervision', 'docNo', '示政法督〔2026〕' || g || '号'),
             now() - interval '1 day'
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
  }
  await sql`insert into kernel.event_deliveries (subscriber, event_id) select ${SUBSCRIBER}, id from kernel.outbox where name = ${EVENT}`.execute(db);
  await sql`insert into kernel.event_subscribers (subscriber, cursor_tx, cursor_id)
    select ${SUBSCRIBER}, tx, id from kernel.outbox order by tx desc, id desc limit 1`.execute(db);
  for (let i = 0; i < PENDING; i++) {
    await sql`insert into kernel.outbox (tenant_id, name, payload) values ('990001', ${EVENT}, ${JSON.stringify({ caseId: `pending-${i}`, kind: 'supervision', docNo: `待投递${i}` })}::jsonb)`.execute(db);
  }
  await sql`vacuum analyze kernel.outbox`.execute(db);
  await sql`vacuum analyze kernel.event_deliveries`.execute(db);
  if (engine === 'postgres') await sql`checkpoint`.execute(db);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const cursor = (await sql<{ tx: string; id: number }>`select cursor_tx::text as tx, cursor_id as id from kernel.event_subscribers where subscriber = ${SUBSCRIBER}`.execute(db)).rows[0]!;
  return { delivered, database, db, name, cursor, loadSeconds };
}

const pendingQuery = (l: Loaded) => pendingEventsQuery(l.db, SUBSCRIBER, EVENT, l.cursor, 100);
const withoutCursorQuery = () =>
  sql`select o.* from kernel.outbox o where o.name = ${EVENT}
        and not exists (select 1 from kernel.event_deliveries d where d.event_id = o.id and d.subscriber = ${SUBSCRIBER})
      order by o.id limit 100`;

/** EXPLAIN ANALYZE of the pending query: its plan, and the database's own execution time (median of `n`). */
async function explainOf(l: Loaded, n: number): Promise<{ plan: string; executionMs: number; buffers: number }> {
  const compiled = pendingQuery(l).compile();
  const text = inline(compiled.sql, compiled.parameters);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, summary on, timing off) ${text}`).execute(l.db);
    const line = r.rows.map((x) => x['QUERY PLAN']).find((x) => x.startsWith('Execution Time'));
    times.push(Number(/([\d.]+) ms/.exec(line ?? '')?.[1] ?? Number.NaN));
  }
  const plan = (await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off, timing off, summary off) ${text}`).execute(l.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const buffers = Number(/Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan)?.slice(1).reduce((a, b) => a + Number(b ?? 0), 0) ?? Number.NaN);
  return { plan, executionMs: stats(times).medianMs, buffers };
}

async function close(engine: 'postgres' | 'pglite', l: Loaded): Promise<void> {
  await l.database.close();
  if (engine === 'postgres') await admin(`drop database if exists ${l.name} with (force)`);
}

/** The compiled query with its parameters written in, for EXPLAIN (literals only: strings and numbers). */
function inline(text: string, params: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

/** 10k delivered events always; 1M too when BENCH_OUTBOX_1M is set (the CI smoke leaves it unset). */
export function outboxSizes(env = process.env): number[] {
  return env.BENCH_OUTBOX_1M ? [10_000, 1_000_000] : [10_000];
}

export async function outboxScenario(engine: 'postgres' | 'pglite', sizes: number[], log: (line: string) => void): Promise<OutboxResult> {
  const loaded: Loaded[] = [];
  try {
    for (const n of sizes) {
      loaded.push(await load(engine, n));
      log(`outbox ${engine}: ${n.toLocaleString('en-US')} delivered events loaded in ${loaded.at(-1)!.loadSeconds.toFixed(1)} s`);
    }
    for (const l of loaded) {
      const found = await pendingQuery(l).execute();
      if (found.length !== PENDING) throw new Error(`outbox bench: the pending query found ${found.length} events at ${l.delivered}, expected ${PENDING}`);
      if ((await withoutCursorQuery().execute(l.db)).rows.length !== PENDING) throw new Error('outbox bench: the query without a cursor disagrees');
    }
    // The sizes' samples alternate, so the host's noise falls on each alike.
    const cursorMs = loaded.map(() => [] as number[]);
    for (let i = 0; i < 50; i++) for (const l of loaded) await pendingQuery(l).execute(); // warm-up
    for (let i = 0; i < 500; i++) for (const [k, l] of loaded.entries()) cursorMs[k]!.push(await timed(() => pendingQuery(l).execute()));
    const withoutMs = loaded.map(() => [] as number[]);
    for (let i = 0; i < 10; i++) for (const [k, l] of loaded.entries()) withoutMs[k]!.push(await timed(() => withoutCursorQuery().execute(l.db)));
    const runs: OutboxRun[] = [];
    for (const [k, l] of loaded.entries()) {
      const ex = await explainOf(l, 50);
      const run: OutboxRun = {
        delivered: l.delivered,
        pending: PENDING,
        cursor: stats(cursorMs[k]!),
        executionMs: ex.executionMs,
        buffers: ex.buffers,
        withoutCursor: stats(withoutMs[k]!),
        loadSeconds: Number(l.loadSeconds.toFixed(1)),
        explain: ex.plan,
      };
      log(
        `outbox ${engine} ${l.delivered.toLocaleString('en-US')} delivered: pending query median ${run.cursor.medianMs} ms (p95 ${run.cursor.p95Ms}), in the database ${run.executionMs} ms, ${run.buffers} buffers; without the cursor ${run.withoutCursor.medianMs} ms`,
      );
      runs.push(run);
    }
    return { engine, runs };
  } finally {
    for (const l of loaded) await close(engine, l);
  }
}
