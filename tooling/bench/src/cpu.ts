// CPU time of the three processes that share the machine during a scenario: the load
// generator (this process), the server (its child) and PostgreSQL (every `postgres`
// process, when the database runs on this machine). Divided by the requests answered, it
// says where each request's cost goes and why a closed loop of 32 clients on two cores
// waits as long as it does.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time so far, in milliseconds; null where it cannot be read. */
export interface CpuSnapshot {
  generator: number;
  server: number | null;
  database: number | null;
}

/** CPU milliseconds per answered request over a scenario's measured window (same fields). */
export type CpuPerRequest = CpuSnapshot;

export type CpuProbe = () => CpuSnapshot;

// /proc reports utime and stime in USER_HZ, which Linux fixes at 100 for user space.
const TICK_MS = 10;

/** utime + stime (own) and cutime + cstime (children that exited and were reaped), in ms. */
function procTimes(pid: number | string): { own: number; reaped: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), own: (Number(rest[11]) + Number(rest[12])) * TICK_MS, reaped: (Number(rest[13]) + Number(rest[14])) * TICK_MS };
  } catch {
    return null;
  }
}

/** The live processes whose parent is `pid`: a server's workers under SERVER_PROCESSES, tsx's esbuild service. */
export function childrenOf(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const e of entries) {
    const t = procTimes(e);
    if (t && t.ppid === pid) out.push(Number(e));
  }
  return out;
}

/**
 * The server's CPU: its own, its live children's (the workers under SERVER_PROCESSES > 1,
 * tsx's esbuild service, idle once the server has started) and what it reaped from
 * children that exited.
 */
function procCpuMs(pid: number): number | null {
  const t = procTimes(pid);
  if (!t) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (procTimes(child)?.own ?? 0), t.own + t.reaped);
}

/**
 * Every PostgreSQL process's CPU: the live ones' own time, plus what the postmaster
 * collected from children that have exited (parallel query workers live for one
 * statement; a backend ends with its connection).
 */
function postgresCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const procs = new Map<number, { own: number; reaped: number; ppid: number }>();
  for (const pid of entries) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const t = procTimes(pid);
    if (t) procs.set(Number(pid), t);
  }
  if (procs.size === 0) return null;
  let total = 0;
  for (const t of procs.values()) {
    total += t.own;
    // The postmaster is the postgres process whose parent is not one.
    if (!procs.has(t.ppid)) total += t.reaped;
  }
  return total;
}

/**
 * A probe for this run. `serverPid` is the server child (absent for the direct-SQL runs);
 * `localDatabase` is false when PostgreSQL runs elsewhere or the database is PGlite inside
 * the server (its cost is then the server's).
 */
export function cpuProbe(opts: { serverPid?: number; localDatabase: boolean }): CpuProbe {
  return () => {
    const u = process.cpuUsage();
    return {
      generator: (u.user + u.system) / 1000,
      server: opts.serverPid ? procCpuMs(opts.serverPid) : null,
      database: opts.localDatabase ? postgresCpuMs() : null,
    };
  };
}

/**
 * Per-request CPU between two snapshots. A child of PostgreSQL that exits inside the window
 * counts once the postmaster has reaped it (at once, in practice).
 */
export function cpuPerRequest(from: CpuSnapshot, to: CpuSnapshot, requests: number): CpuPerRequest | undefined {
  if (requests <= 0) return undefined;
  const per = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(((b - a) / requests) * 100) / 100);
  return { generator: per(from.generator, to.generator)!, server: per(from.server, to.server), database: per(from.database, to.database) };
}

/** Whether a PostgreSQL URL points at this machine (loopback or a Unix socket). */
export function isLocalDatabase(url: string): boolean {
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') ?? u.hostname;
    return host === '' || host.startsWith('/') || host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]';
  } catch {
    return false;
  }
}

/** The machine's CPU time so far and the part the hypervisor gave to other guests (steal). */
export interface HostCpu {
  total: number;
  steal: number;
}

export function hostCpu(): HostCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Percent of the machine's CPU time stolen between two readings (null when unknown). */
export function stealPercent(from: HostCpu | null, to: HostCpu | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  return Math.round(((to.steal - from.steal) / (to.total - from.total)) * 1000) / 10;
}
