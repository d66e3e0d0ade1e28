// `pnpm bench -- --size 1m --scenarios ledger,search --duration 10 --engine pglite`
// (or BENCH_SIZE, BENCH_SCENARIOS, BENCH_DURATION, BENCH_ENGINE, BENCH_CONCURRENCY).
// Generates (or reuses) the database, runs the direct-database scenarios (sweep, ceiling),
// starts the real server as a child process, signs clients in, runs the API scenarios
// and writes results/<engine>-<size>.json and results/README.md.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs as parseArgv } from 'node:util';
import { catchUpAutovacuum } from './autovacuum.js';
import { cpuProbe, hostCpu, isLocalDatabase, stealPercent } from './cpu.js';
import { dataRoot, pgliteDataDir } from './db.js';
import { BENCH_PASSWORD, countyId, ensureGenerated } from './generate.js';
import type { LoadResult } from './load.js';
import { writeRun, type Machine, type RunResult } from './report.js';
import { closeLeanClients, consoleBuild, startServerChild, signIn, type Session } from './server.js';
import { isSize, type EngineKey } from './sizes.js';
import { atRateName, OFFERED_LOAD_TARGETS, SERVED_SHARE } from './targets.js';
import { atHalfLoad, atOfferedRate, dashboardApi, ledgerApi, searchApi, warmUp } from './scenarios/api.js';
import { ceilingRuns, directPool, engineQuery, explainDashboard, explainGramsWithoutText, explainLedger, type CeilingUsers, type ScopeUser } from './scenarios/ceiling.js';
import type { Personas, ScenarioContext } from './scenarios/common.js';
import { exportScenario } from './scenarios/export.js';
import { registerApi, registerAtRate } from './scenarios/register.js';
import { ssrTtfb } from './scenarios/ssr.js';
import { sweepScenario } from './scenarios/sweep.js';
import { outboxScenario, outboxSizes } from './scenarios/outbox.js';

const allScenarios = ['ledger', 'search', 'dashboard', 'register', 'sweep', 'export', 'ssr', 'ceiling', 'outbox'] as const;
/**
 * Unmeasured ledger, search and dashboard requests after the server starts (scenarios/api.ts
 * warmUp). 5 s sufficed on PostgreSQL; PGlite's engine thread needed about 20 s before its
 * CPU per ledger request settled (2.2 ms in the ten seconds after a 5 s warm-up, 1.5 ms after 20 s).
 */
const WARM_UP_SECONDS = 20;
type Scenario = (typeof allScenarios)[number];

const usage = `pnpm bench -- [options]   (or BENCH_SIZE, BENCH_ENGINE, BENCH_SCENARIOS, BENCH_DURATION, BENCH_CONCURRENCY, BENCH_SERVER_PROCESSES)
  --size 10k|100k|1m|10m       matters to generate (or reuse): default 10k
  --engine postgres|pglite     default postgres (BENCH_DATABASE_URL, else the local server)
  --scenarios a,b,…            any of ${allScenarios.join(', ')}: default all
  --duration <seconds>         each load scenario's measured window: default 10
  --concurrency <clients>      default 32
  --server-processes <n>       server processes (SERVER_PROCESSES; PostgreSQL only): default 1
  --regenerate                 drop and regenerate the data set
  --help                       this text`;

/** The run's options; an unknown flag or a bad value stops the bench before it starts. */
function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  // pnpm and turbo may pass the separator itself through; options follow it.
  const { values } = parseArgv({
    args: argv.filter((a) => a !== '--'),
    strict: true,
    allowPositionals: false,
    options: {
      size: { type: 'string' },
      engine: { type: 'string' },
      scenarios: { type: 'string' },
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      'server-processes': { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const size = values.size ?? env.BENCH_SIZE ?? '10k';
  if (!isSize(size)) throw new Error(`--size must be one of 10k, 100k, 1m, 10m (got ${size})`);
  const engine = (values.engine ?? env.BENCH_ENGINE ?? 'postgres') as EngineKey;
  if (!['postgres', 'pglite'].includes(engine)) throw new Error(`--engine must be postgres or pglite (got ${engine})`);
  const list = (values.scenarios ?? env.BENCH_SCENARIOS ?? allScenarios.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!(allScenarios as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}; known: ${allScenarios.join(', ')}`);
  const positive = (name: string, raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number (got ${raw})`);
    return n;
  };
  const duration = positive('duration', values.duration ?? env.BENCH_DURATION ?? '10');
  const concurrency = positive('concurrency', values.concurrency ?? env.BENCH_CONCURRENCY ?? '32');
  const serverProcesses = positive('server-processes', values['server-processes'] ?? env.BENCH_SERVER_PROCESSES ?? '1');
  if (serverProcesses > 1 && engine !== 'postgres') throw new Error('--server-processes above 1 needs --engine postgres (the embedded database has one process)');
  return { size, engine, scenarios: new Set(list as Scenario[]), duration, concurrency, serverProcesses, regenerate: values.regenerate, help: values.help };
}

const t0 = Date.now();
const log = (s: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

async function inBatches<T, R>(items: T[], width: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const has = (s: Scenario) => opts.scenarios.has(s);
  if (has('ssr') && !existsSync(consoleBuild)) {
    // `pnpm bench` builds it first (turbo.json); the CLI run by hand does not.
    process.stderr.write(`the console is not built (${path.relative(process.cwd(), consoleBuild)} is missing), so the ssr scenario cannot run: use \`pnpm bench\`, which builds it, or run \`pnpm --filter @zhengfa/admin build\` first, or leave ssr out of --scenarios\n`);
    process.exit(2);
  }
  const startedAt = new Date().toISOString();
  const loadAvgAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
  const hostAtStart = hostCpu();
  log(`zhengfa bench: ${opts.engine} ${opts.size}, scenarios ${[...opts.scenarios].join(',')}, ${opts.duration} s each, ${opts.concurrency} clients, ${opts.serverProcesses} server process${opts.serverProcesses > 1 ? 'es' : ''}`);
  const { target, meta, generated } = await ensureGenerated(opts.engine, opts.size, log, { force: opts.regenerate });
  const notes: string[] = [];
  const q = target.raw.query;

  const version = (await q<{ v: string }>('select version() as v')).rows[0]!.v.split(' on ')[0]!;
  const settings: Record<string, string> = {};
  // A server's own upkeep and memory too; PGlite has neither autovacuum nor shared memory of its own.
  const shown = ['shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', ...(opts.engine === 'postgres' ? ['autovacuum', 'huge_pages'] : [])];
  for (const s of shown) {
    settings[s] = (await q<Record<string, string>>(`show ${s}`)).rows[0]![s]!;
  }
  if (opts.engine === 'postgres') {
    if (settings.autovacuum === 'off') {
      // Without autovacuum, earlier runs' dead rows and unvacuumed pages would pile up from run
      // to run (the kernel's own nightly vacuum waits for 02:00 China time): the run starts
      // from the state autovacuum keeps a server in service in (autovacuum.ts).
      const t1 = Date.now();
      const done = await catchUpAutovacuum(q);
      const what = done.map((t) => `${t.table} (${t.command})`).join(', ');
      const note = `autovacuum is off on this server, so the run began with what it would have done by then (${((Date.now() - t1) / 1000).toFixed(1)} s): ${what || 'nothing was due'}. Within the run nothing vacuums.`;
      notes.push(note);
      log(`note: ${note}`);
    }
    const inUse = isLocalDatabase(target.url!) ? localHugePagesInUse() : undefined;
    if (inUse !== undefined) settings.huge_pages_in_use = inUse ? 'yes' : 'no';
    if (inUse === false) {
      const warning = `PostgreSQL's shared memory is in 4 kB pages (no huge pages reserved on this host): every connection maps each buffer it touches page by page, and registering and searching cost the database up to twice the CPU they cost with huge pages (results/NOTES.md, fifteenth pass). README.md "Running on PostgreSQL" says how to reserve them.`;
      notes.push(warning);
      log(`note: ${warning}`);
    }
    // A server tuned for the data or not: with less shared memory than its hot data,
    // PostgreSQL copies pages from the operating system's cache on every read.
    const mem = (await q<{ db: string; buffers: string }>(`select pg_database_size(current_database()) as db, (select setting::bigint * 8192 from pg_settings where name = 'shared_buffers') as buffers`)).rows[0]!;
    settings.database_size = `${Math.round(Number(mem.db) / 2 ** 20)}MB`;
    if (Number(mem.buffers) < Number(mem.db) / 2) {
      const warning = `shared_buffers (${settings.shared_buffers}) holds less than half of this ${settings.database_size} database, so reads copy pages from the operating system's cache: figures are lower than on a server configured as README.md "Running on PostgreSQL" says.`;
      notes.push(warning);
      log(`note: ${warning}`);
    } else {
      // A server in service holds its hot tables in its buffers; a freshly started or
      // freshly generated one does not yet. pg_prewarm (contrib) loads them, when it is there.
      try {
        const t1 = Date.now();
        await q('create extension if not exists pg_prewarm');
        await q(`select sum(pg_prewarm(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'kernel' and c.relkind in ('r', 'i', 't')`);
        notes.push(`The kernel's tables and indexes were loaded into shared_buffers (pg_prewarm) before the run, as a server in service holds them.`);
        log(`prewarmed the kernel's tables into shared_buffers (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      } catch (err) {
        log(`note: pg_prewarm unavailable (${(err as Error).message}); the first scenarios also warm the buffers`);
      }
    }
  }
  const machine: Machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    database: opts.engine === 'pglite' ? `PGlite (${version})` : version,
    settings,
    loadAvgAtStart,
  };

  // The clients: client i works in county i (mod 100); the first county is the largest.
  const clientCounties = Array.from({ length: opts.concurrency }, (_, i) => countyId(i % 100));
  const scopeRows = (
    await q<{ tenant_id: string; username: string; path: string; kind: string }>(
      `select u.tenant_id, u.username, o.path, o.kind from kernel.users u join kernel.orgs o on o.tenant_id = u.tenant_id and o.id = u.org_id
       where u.tenant_id = any($1::text[]) and u.username in ('supervisor', 'liaison')`,
      [`{${[...new Set(clientCounties)].join(',')}}`],
    )
  ).rows;
  const scopeOf = (tenantId: string, username: string): ScopeUser => {
    const row = scopeRows.find((r) => r.tenant_id === tenantId && r.username === username)!;
    return { tenantId, committee: row.kind === 'committee', orgPath: row.path };
  };
  const ceilingUsers: CeilingUsers = {
    committee: clientCounties.map((t) => scopeOf(t, 'supervisor')),
    liaison: clientCounties.map((t) => scopeOf(t, 'liaison')),
  };
  // PostgreSQL's CPU is read from /proc when it runs on this machine.
  const localDatabase = opts.engine === 'postgres' && isLocalDatabase(target.url!);
  const ctx: ScenarioContext = { concurrency: opts.concurrency, seconds: opts.duration, log, cpu: cpuProbe({ localDatabase }) };

  let sweep: RunResult['sweep'];
  if (has('sweep')) {
    log('sweep (direct)');
    sweep = await sweepScenario(target.database.db, target.raw, log);
  }

  // On a database of its own: 10k delivered events, and 1M with BENCH_OUTBOX_1M set.
  let outbox: RunResult['outbox'];
  if (has('outbox')) {
    log('outbox (direct, own database)');
    outbox = await outboxScenario(opts.engine, outboxSizes(), log);
  }

  // The export takes the largest county's ledger, narrowed by received date to about 100k rows.
  const bigCounty = countyId(0);
  const years = (await q<{ y: number; n: number }>(`select extract(year from received_on)::int as y, count(*)::int as n from kernel.cases where tenant_id = $1 group by 1 order by 1 desc`, [bigCounty])).rows;
  let acc = 0;
  let fromYear: number | null = null;
  for (const y of years) {
    acc += y.n;
    if (acc >= 100_000) {
      fromYear = y.y;
      break;
    }
  }
  const exportFilter: Record<string, unknown> = fromYear && acc < years.reduce((s, y) => s + y.n, 0) ? { from: `${fromYear}-01-01` } : {};

  const explain: Record<string, string> = {};
  const db: Record<string, LoadResult> = {};
  // The ceiling and the plans use the server's session settings (directPool: jit off). On
  // PGlite they go through the database's own driver, which prepares statements as the
  // server's does (@zhengfa/db pglite-statements.mjs), so the ceiling is the engine at its best.
  const pool = opts.engine === 'postgres' ? directPool(target.url!, opts.concurrency) : { query: engineQuery(target.database), end: async () => {} };
  if (has('ceiling') && (has('ledger') || has('search'))) {
    log('ceiling: the same ledger SQL straight to the database');
    const which: Parameters<typeof ceilingRuns>[3] = [];
    for (const persona of ['committee', 'liaison'] as const) {
      if (has('ledger')) which.push({ persona, kind: 'ledger' });
      if (has('search')) which.push({ persona, kind: 'search2' }, { persona, kind: 'search4' });
    }
    Object.assign(db, await ceilingRuns(ctx, pool.query, ceilingUsers, which));
  }
  const big = scopeOf(bigCounty, 'supervisor');
  explain['ledger, committee of the largest county, overdue, by deadline'] = await explainLedger(pool.query, big, { overdue: true, sort: 'deadline', dir: 'asc' });
  explain['ledger, liaison (police bureau) of the largest county, in progress, by deadline'] = await explainLedger(pool.query, scopeOf(bigCounty, 'liaison'), { status: ['in_progress'], sort: 'deadline', dir: 'asc' });
  explain['search 土地 (2 characters), committee of the largest county'] = await explainLedger(pool.query, big, { keyword: '土地', sort: 'registeredAt', dir: 'desc' });
  explain['search 征地补偿 (4 characters), committee of the largest county'] = await explainLedger(pool.query, big, { keyword: '征地补偿', sort: 'registeredAt', dir: 'desc' });
  explain['search 征地补偿, committee of the largest county, a case whose grams match but whose text does not'] = await explainGramsWithoutText(target.database.db, big, '征地补偿');
  explain['dashboard, committee of the largest county'] = await explainDashboard(target.database.db, pool.query, big);
  explain['dashboard, liaison (police bureau) of the largest county'] = await explainDashboard(target.database.db, pool.query, scopeOf(bigCounty, 'liaison'));
  await pool.end();
  await target.close();

  const api: Record<string, LoadResult> = {};
  let exported: RunResult['export'];
  let ssr: RunResult['ssr'];
  const needServer = ['ledger', 'search', 'dashboard', 'register', 'export', 'ssr'].some((s) => has(s as Scenario));
  if (needServer) {
    log('starting the server (child process)');
    const server = await startServerChild(
      opts.engine === 'postgres' ? { databaseUrl: target.url!, dataDir: path.join(dataRoot, `server-${opts.size}`), processes: opts.serverProcesses } : { dataDir: pgliteDataDir(opts.size) },
    );
    try {
      log(`server ${server.url} (pid ${server.pid}, RSS ${server.rssMb().toFixed(0)} MB); signing in ${opts.concurrency} committee users and ${opts.concurrency} liaisons`);
      const serverCtx: ScenarioContext = { ...ctx, cpu: cpuProbe({ serverPid: server.pid, localDatabase }), serverStalls: server.stallsBySecond };
      const personas: Personas = {
        committee: await inBatches(clientCounties, 4, (t) => signIn(server.url, t, 'supervisor', BENCH_PASSWORD)),
        liaison: await inBatches(clientCounties, 4, (t) => signIn(server.url, t, 'liaison', BENCH_PASSWORD)),
      };
      if (has('ledger') || has('search') || has('dashboard')) await warmUp(serverCtx, personas, WARM_UP_SECONDS);
      for (const persona of ['committee', 'liaison'] as const) {
        if (has('ledger')) api[`ledger.${persona}`] = await ledgerApi(serverCtx, personas, persona);
        if (has('search')) {
          api[`search2.${persona}`] = await searchApi(serverCtx, personas, persona, 2);
          api[`search4.${persona}`] = await searchApi(serverCtx, personas, persona, 4);
        }
        if (has('dashboard')) api[`dashboard.${persona}`] = await dashboardApi(serverCtx, personas, persona);
      }
      if (opts.engine === 'postgres') {
        // The latency targets are read at their stated offered load (targets.ts).
        for (const t of OFFERED_LOAD_TARGETS) {
          for (const name of t.scenarios) if (api[name] && name !== 'register') api[atRateName(name, t.rate)] = await atOfferedRate(serverCtx, personas, name, t.rate);
        }
      } else {
        // PGlite's one connection: the same scenarios at half the throughput each saturated at.
        for (const name of ['ledger.committee', 'search4.committee', 'dashboard.committee']) {
          const closed = api[name];
          if (closed && closed.throughput > 0) api[`${name}@50%`] = await atHalfLoad(serverCtx, personas, closed);
        }
      }
      if (has('ssr')) {
        // A server render costs far more than an API call; 4 clients keep the queue short enough to read TTFB.
        ssr = await ssrTtfb({ ...serverCtx, concurrency: Math.min(ctx.concurrency, 4) }, server.url, personas.committee);
        if (ssr.note) notes.push(ssr.note);
      }
      if (has('register')) {
        const runId = `${opts.engine}-${opts.size}-${Date.now()}`;
        api.register = await registerApi(serverCtx, personas.committee, runId);
        // The register target is stated for PostgreSQL; PGlite's one connection registers
        // fewer than 300 a second, so an open loop at that rate only measures a growing queue.
        if (opts.engine === 'postgres') {
          const atRate = await registerAtRate(serverCtx, personas.committee, runId);
          api[atRate.name] = atRate;
        }
      }
      if (has('export')) {
        const bigSession: Session = personas.committee[0]!;
        exported = await exportScenario(server.url, bigSession, exportFilter, server.pid, log);
      }
    } finally {
      closeLeanClients();
      await server.stop();
    }
  }

  if (opts.engine === 'pglite') notes.push('PGlite is one embedded connection: the 32 clients queue on it, so latency is mostly queueing; the ceiling runs on the same instance, on the calling thread and through the same prepared statements as the server, before the server starts.');
  if (needServer) notes.push(`After the server starts, ${WARM_UP_SECONDS} s of unmeasured ledger, search and dashboard requests from both personas warm it (and the load generator) before the first API scenario; each scenario then has its own 1 s warm-up.`);
  const regAt = Object.values(api).find((x) => x.offeredRate && x.name.startsWith('register@'));
  if (regAt) notes.push(`${regAt.name} is an open loop: a registration falls due every ${(1000 / regAt.offeredRate!).toFixed(2)} ms whatever has answered, from the same ${regAt.concurrency} supervisors with at most one request each in flight, and its latency runs from when it fell due (${regAt.queued} of them found all ${regAt.concurrency} busy and waited). \`register\` above it is the closed loop, ${ctx.concurrency} clients back to back: the throughput the machine saturates at, where a request's latency is mostly its wait behind the others (mean ≈ clients / throughput).`);
  if (Object.keys(api).some((k) => k.endsWith('@50%'))) notes.push('`…@50%` rows offer the same requests as the closed-loop scenario they name in an open loop at half the throughput it saturated at (timed from when each fell due, at most as many in flight as there are clients): the latency while the machine still has room. The PGlite target is read from the closed loop.');
  if (Object.keys(api).some((k) => /\.[a-z]+@\d+\/s$/.test(k))) notes.push(`\`<scenario>@<rate>/s\` rows offer the closed-loop scenario's requests in an open loop at the rate its latency target is stated for (timed from when each fell due, at most ${ctx.concurrency} in flight): the latency targets are read from them, and a target also needs ${SERVED_SHARE * 100} % of the offered requests answered within the window. The closed-loop rows are the throughput the machine saturates at (their latency is mostly the wait behind the other clients).`);
  notes.push('The server runs with LOG_LEVEL=warn (per-request info logging off) and its default pool of 10 connections; its background loop (event delivery, jobs, reminder sweep every 5 s) stays on, as in production.');
  notes.push('Client, server and database share the machine; the load average column shows other work that ran at the same time.');
  // On a virtual machine the hypervisor may hand part of the cores to other guests; every
  // figure of a run with much steal is slower than the same code on a quiet host.
  const steal = stealPercent(hostAtStart, hostCpu());
  if (steal !== null) machine.cpuStolenPercent = steal;
  const result: RunResult = {
    engine: opts.engine,
    size: opts.size,
    cases: meta.cases,
    startedAt,
    finishedAt: new Date().toISOString(),
    secondsPerScenario: opts.duration,
    concurrency: opts.concurrency,
    serverProcesses: opts.serverProcesses,
    machine,
    generation: { generated, seconds: meta.seconds, counts: meta.counts },
    api,
    db,
    ...(sweep ? { sweep } : {}),
    ...(outbox ? { outbox } : {}),
    ...(exported ? { export: exported } : {}),
    ...(ssr ? { ssr } : {}),
    explain,
    notes,
  };
  const partial = allScenarios.some((s) => !has(s));
  const written = writeRun(result, { partial });
  log(written.report ? `results: ${written.json}; report ${written.report}` : `results: ${written.json} (some scenarios only: the recorded ${opts.engine}-${opts.size}.json and README.md are left as they were)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${(err as Error)?.stack ?? err}\n`);
    process.exit(1);
  },
);

/**
 * Whether this host's PostgreSQL holds huge pages, read from /proc/meminfo (huge pages reserved
 * or taken, on a host where only PostgreSQL asks for them); undefined when the file cannot be
 * read. PostgreSQL 15 cannot say it from SQL: `huge_pages = try` falls back to normal pages
 * silently.
 */
function localHugePagesInUse(): boolean | undefined {
  try {
    const info = readFileSync('/proc/meminfo', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    return field('HugePages_Total') - field('HugePages_Free') + field('HugePages_Rsvd') > 0;
  } catch {
    return undefined;
  }
}
