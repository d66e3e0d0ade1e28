// Results: one JSON per (engine, size) under results/, and README.md rebuilt from every
// JSON present, with the targets marked PASS/MISS and a growth table across sizes.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { benchDir } from './db.js';
import type { LoadResult } from './load.js';
import type { ExportResult } from './scenarios/export.js';
import type { PageBytes } from './scenarios/ssr.js';
import type { OutboxResult } from './scenarios/outbox.js';
import type { SweepResult } from './scenarios/sweep.js';
import { sizes, type EngineKey, type SizeKey } from './sizes.js';
import { apiDatabaseRatio, checkOfferedLoad, OFFERED_LOAD_TARGETS, saturatedThroughput, type TargetCheck } from './targets.js';

export function resultsDir(): string {
  return path.resolve(process.env.BENCH_RESULTS_DIR ?? path.join(benchDir, 'results'));
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  database: string;
  settings: Record<string, string>;
  loadAvgAtStart: number;
  /** Share of the machine's CPU time the hypervisor gave to other guests during the run (/proc/stat steal). */
  cpuStolenPercent?: number;
}

export interface RunResult {
  engine: EngineKey;
  size: SizeKey;
  cases: number;
  startedAt: string;
  finishedAt: string;
  secondsPerScenario: number;
  concurrency: number;
  /** Server processes sharing the port (SERVER_PROCESSES); absent in runs recorded before it existed (1). */
  serverProcesses?: number;
  machine: Machine;
  generation: { generated: boolean; seconds: number; counts: Record<string, number> };
  api: Record<string, LoadResult>;
  db: Record<string, LoadResult>;
  sweep?: SweepResult;
  /** The outbox's pending-event query at 10k (and 1M) delivered events: absent in runs recorded before it. */
  outbox?: OutboxResult;
  export?: ExportResult;
  ssr?: { path: string; status: number; note?: string; bytes?: PageBytes; load: LoadResult; serial: LoadResult };
  explain: Record<string, string>;
  notes: string[];
}

// NaN (a run with no answers) is null once read back from its JSON.
const f = (x: number | null | undefined, d = 1) => (typeof x !== 'number' || Number.isNaN(x) ? '–' : x.toFixed(d));
const kib = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en-US');

export function ratio(api?: LoadResult, db?: LoadResult): { throughput: number; p50: number; p95: number } | null {
  if (!api || !db || !db.throughput) return null;
  return { throughput: api.throughput / db.throughput, p50: api.p50 / db.p50, p95: api.p95 / db.p95 };
}

/** The closed-loop scenario with the highest latency among those named `prefix…` (open loops, `name@rate`, left out). */
function worst(results: Record<string, LoadResult>, prefix: string, key: 'p95' | 'p99'): LoadResult | undefined {
  return Object.values(results).filter((r) => r.name.startsWith(prefix) && !r.name.includes('@')).sort((a, b) => b[key] - a[key])[0];
}

export function checkTargets(r: RunResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  if (r.engine === 'pglite') {
    const l = worst(r.api, 'ledger.', 'p95');
    out.push({ target: 'PGlite 100k: ledger first page p95 ≤ 100 ms', figure: l ? `${f(l.p95)} ms (${l.name})` : 'not run', pass: l ? l.p95 <= 100 && l.errors === 0 : null });
    return out;
  }
  // Latency at a stated offered load (open loops, targets.ts); the closed loops as throughput.
  for (const t of OFFERED_LOAD_TARGETS) out.push(checkOfferedLoad(t, r.size, r.api));
  out.push(saturatedThroughput(r.api));
  const sw = r.sweep?.runs.at(-1);
  out.push({ target: 'Cadence sweep ≤ 5 s, grows with matters due', figure: sw ? `${f(sw.ms / 1000, 2)} s for ${sw.due.toLocaleString()} due of ${r.sweep!.stored.toLocaleString()} stored` : 'not run', pass: sw ? sw.ms <= 5000 : null });
  const ex = r.export;
  out.push({
    target: 'Export 100k rows ≤ 10 s, memory growth ≤ 200 MB',
    figure: ex ? `${ex.rows.toLocaleString()} rows in ${f(ex.secondsTotal, 2)} s, +${f(ex.rssGrowthMb, 0)} MB` : 'not run',
    pass: ex ? (ex.error ? false : ex.secondsTotal <= 10 * Math.max(1, ex.rows / 100_000) && ex.rssGrowthMb <= 200) : null,
  });
  out.push(apiDatabaseRatio(r.api, r.db));
  return out;
}

/** CPU ms per request of generator / server / database, e.g. `1.3 / 2.9 / 2.1`. */
const cpuCell = (r: LoadResult) => (r.cpu ? [r.cpu.generator, r.cpu.server, r.cpu.database].map((x) => (x === null ? '–' : x.toFixed(2))).join(' / ') : '–');

const mark = (p: boolean | null) => (p === null ? '–' : p ? '**PASS**' : '**MISS**');

export function runMarkdown(r: RunResult): string {
  const lines: string[] = [];
  lines.push(`## ${r.engine} · ${r.size} (${r.cases.toLocaleString()} matters)`, '');
  const processes = r.serverProcesses ?? 1;
  lines.push(`Run ${r.startedAt} → ${r.finishedAt}; ${r.concurrency} clients, ${r.secondsPerScenario} s per scenario (after 1 s warm-up); ${processes} server process${processes > 1 ? 'es (SERVER_PROCESSES)' : ''}.`, '');
  lines.push(`Machine: ${r.machine.cpu} × ${r.machine.cores}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.database}; ${Object.entries(r.machine.settings).map(([k, v]) => `${k}=${v}`).join(', ')}; load average at start ${r.machine.loadAvgAtStart}${r.machine.cpuStolenPercent !== undefined ? `; CPU stolen by the hypervisor during the run ${f(r.machine.cpuStolenPercent)} %` : ''}.`, '');
  lines.push('| target | figure | result |', '|---|---|---|');
  for (const t of checkTargets(r)) lines.push(`| ${t.target} | ${t.figure} | ${mark(t.pass)} |`);
  lines.push('');
  lines.push(
    '| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | DB req/s | API/DB req/s | API/DB p50 | load avg | CPU ms/req: generator / server / PostgreSQL |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const a of Object.values(r.api)) {
    const dbName = `db.${a.name}`;
    const d = r.db[dbName];
    const q = ratio(a, d);
    const clients = a.offeredRate ? `≤ ${a.concurrency}, ${a.offeredRate}/s offered` : String(a.concurrency);
    lines.push(`| ${a.name} | ${clients} | ${f(a.throughput)} | ${f(a.p50)} | ${f(a.p95)} | ${f(a.p99)} | ${f(a.max)} | ${a.errors} | ${d ? f(d.throughput) : '–'} | ${q ? f(q.throughput, 2) : '–'} | ${q ? f(q.p50, 1) : '–'} | ${f(a.loadAvg)} | ${cpuCell(a)} |`);
  }
  for (const d of Object.values(r.db)) {
    lines.push(`| ${d.name} (direct SQL) | ${d.concurrency} | ${f(d.throughput)} | ${f(d.p50)} | ${f(d.p95)} | ${f(d.p99)} | ${f(d.max)} | ${d.errors} | | | | ${f(d.loadAvg)} | ${cpuCell(d)} |`);
  }
  lines.push('');
  lines.push(
    `The CPU column is each process's CPU time over the measured window divided by the requests answered (from \`/proc\`; PostgreSQL's is every \`postgres\` process on the machine, read only when the database runs here; for PGlite it is inside the server's). ${r.machine.cores} cores give ${(r.machine.cores * 1000).toLocaleString('en-US')} ms of CPU per second, so the three together bound the throughput of the whole loop.`,
    '',
  );
  if (r.ssr) {
    lines.push(`Console SSR (GET ${r.ssr.path}, HTTP ${r.ssr.status}): time to first byte p50 ${f(r.ssr.load.p50)} / p95 ${f(r.ssr.load.p95)} / p99 ${f(r.ssr.load.p99)} ms at ${r.ssr.load.concurrency} clients (${f(r.ssr.load.throughput)} pages/s); one client alone p50 ${f(r.ssr.serial.p50)} ms.${r.ssr.bytes ? ` The page is ${kib(r.ssr.bytes.html)} KB as rendered and ${kib(r.ssr.bytes.sent)} KB as sent (${r.ssr.bytes.encoding ?? 'uncompressed'}).` : ''}${r.ssr.note ? ` Note: ${r.ssr.note}.` : ''}`, '');
  }
  if (r.export) {
    const e = r.export;
    lines.push(`Export: ${e.rows.toLocaleString()} rows (filter ${JSON.stringify(e.filter)}) ready in ${f(e.secondsToReady, 2)} s, downloaded in ${f(e.secondsDownload, 2)} s (${(e.bytes / 1e6).toFixed(1)} MB); server RSS ${f(e.rssBaselineMb, 0)} → ${f(e.rssPeakMb, 0)} MB (+${f(e.rssGrowthMb, 0)} MB).${e.error ? ` Error: ${e.error}` : ''}`, '');
  }
  if (r.sweep) {
    lines.push(`Cadence sweep (direct \`sweepReminders\`), ${r.sweep.stored.toLocaleString()} matters stored, ${r.sweep.open.toLocaleString()} open:`, '');
    lines.push('| as of | matters due | reminders raised | ms | ms per 1,000 due |', '|---|---|---|---|---|');
    const minute = r.sweep.minute ? [{ ...r.sweep.minute, asOf: `${r.sweep.minute.asOf} (the server's sweep a minute later: since the last complete one)` }] : [];
    for (const s of [...r.sweep.runs, { ...r.sweep.repeat, asOf: `${r.sweep.repeat.asOf} (repeat, nothing new)` }, ...minute]) {
      lines.push(`| ${s.asOf} | ${s.due.toLocaleString()} | ${s.raised.toLocaleString()} | ${s.ms} | ${f(s.msPerThousandDue)} |`);
    }
    lines.push('');
  }
  if (r.notes.length) {
    lines.push('Notes:', '', ...r.notes.map((n) => `- ${n}`), '');
  }
  return lines.join('\n');
}

export function explainMarkdown(r: RunResult): string {
  const lines = [`# EXPLAIN ANALYZE · ${r.engine} · ${r.size}`, ''];
  for (const [k, v] of Object.entries(r.explain)) lines.push(`## ${k}`, '', '```', v, '```', '');
  if (r.sweep?.batchExplain) {
    lines.push('## sweep: the keys of the due matters (dispatch)', '', '```', r.sweep.explain, '```', '');
    lines.push('## sweep: first batch of due matters, read by key', '', '```', r.sweep.batchExplain, '```', '');
  } else if (r.sweep) lines.push('## sweep: first batch of due matters', '', '```', r.sweep.explain, '```', '');
  if (r.sweep?.minuteExplain) lines.push("## sweep: the server's sweep a minute after a complete one", '', '```', r.sweep.minuteExplain, '```', '');
  return lines.join('\n');
}

/** Where a run's JSON goes: a run of some scenarios only is kept beside the recorded ones, never in their place. */
export function runFile(r: Pick<RunResult, 'engine' | 'size'>, opts: { partial: boolean }): string {
  return path.join(resultsDir(), `${r.engine}-${r.size}${opts.partial ? '.partial' : ''}.json`);
}

/**
 * Writes the run's JSON and plans. A run of every scenario replaces the size's recording and
 * rebuilds README.md; a run of some (`--scenarios`) goes to `<engine>-<size>.partial.json`
 * (not committed, not in the report), so trying one scenario does not throw away the rest
 * of a recording. Returns the files written.
 */
export function writeRun(r: RunResult, opts: { partial: boolean } = { partial: false }): { json: string; report: string | null } {
  mkdirSync(resultsDir(), { recursive: true });
  const json = runFile(r, opts);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(json.replace(/\.json$/, '.explain.md'), explainMarkdown(r));
  return { json, report: opts.partial ? null : rebuildReport() };
}

export function loadRuns(): RunResult[] {
  const dir = resultsDir();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((x) => /^(postgres|pglite)-(10k|100k|1m|10m)\.json$/.test(x));
  } catch {
    return [];
  }
  const order = (r: RunResult) => (r.engine === 'postgres' ? 0 : 1) * 1e9 + sizes[r.size];
  return files.map((x) => JSON.parse(readFileSync(path.join(dir, x), 'utf8')) as RunResult).sort((a, b) => order(a) - order(b));
}

export function growthMarkdown(runs: RunResult[]): string {
  const pgRuns = runs.filter((r) => r.engine === 'postgres');
  if (pgRuns.length < 2) return '';
  const lines = ['## Growth (PostgreSQL)', '', `| figure | ${pgRuns.map((r) => r.size).join(' | ')} |`, `|---|${pgRuns.map(() => '---').join('|')}|`];
  const names = [...new Set(pgRuns.flatMap((r) => [...Object.keys(r.api), ...Object.keys(r.db)]))];
  for (const n of names) {
    lines.push(`| ${n} p95 ms | ${pgRuns.map((r) => f((r.api[n] ?? r.db[n])?.p95)).join(' | ')} |`);
    lines.push(`| ${n} req/s | ${pgRuns.map((r) => f((r.api[n] ?? r.db[n])?.throughput)).join(' | ')} |`);
  }
  lines.push(`| sweep ms (matters due) | ${pgRuns.map((r) => { const s = r.sweep?.runs.at(-1); return s ? `${s.ms} (${s.due.toLocaleString()})` : '–'; }).join(' | ')} |`);
  lines.push(`| sweep repeat ms | ${pgRuns.map((r) => (r.sweep ? String(r.sweep.repeat.ms) : '–')).join(' | ')} |`);
  lines.push(`| the server's minute sweep ms (since the last complete one) | ${pgRuns.map((r) => (r.sweep?.minute ? String(r.sweep.minute.ms) : '–')).join(' | ')} |`);
  lines.push(`| export s (rows) | ${pgRuns.map((r) => (r.export ? `${f(r.export.secondsTotal, 2)} (${r.export.rows.toLocaleString()})` : '–')).join(' | ')} |`);
  lines.push(`| export RSS growth MB | ${pgRuns.map((r) => (r.export ? f(r.export.rssGrowthMb, 0) : '–')).join(' | ')} |`);
  lines.push(`| SSR TTFB p95 ms | ${pgRuns.map((r) => (r.ssr ? f(r.ssr.load.p95) : '–')).join(' | ')} |`);
  lines.push('');
  return lines.join('\n');
}

export function rebuildReport(): string {
  const runs = loadRuns();
  const md = [
    '# zhengfa benchmark results',
    '',
    'Written by `pnpm bench` (tooling/bench). Each run keeps its JSON here (`<engine>-<size>.json`, with',
    'EXPLAIN ANALYZE plans in `<engine>-<size>.explain.md`); this page is rebuilt from every JSON present.',
    'Targets are stated for 1M matters on PostgreSQL (and 100k on PGlite); smaller sizes are marked against',
    'the same thresholds for reference, and 10M against twice each latency target. On PostgreSQL the latency',
    'targets are read at a stated offered load: open loops (`<scenario>@<rate>/s`) timed from when each request',
    'fell due; the closed loops (32 clients back to back) are reported as the throughput the machine saturates at.',
    '',
    growthMarkdown(runs),
    ...runs.map(runMarkdown),
  ].join('\n');
  const file = path.join(resultsDir(), 'README.md');
  writeFileSync(file, md);
  return file;
}
