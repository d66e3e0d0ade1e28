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

/** CPU milliseconds per answered request over a scenario's measured window. */
export interface CpuPerRequest {
  generator: number;
  server: number | null;
  database: number | null;
}

export type CpuProbe = () => CpuSnapshot;

// /proc reports utime and stime in USER_HZ, which Linux fixes at 100 for user space.
const TICK_MS = 10;

function procCpuMs(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function postgresCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  let total = 0;
  let found = false;
  for (const pid of entries) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    const ms = procCpuMs(pid);
    if (ms !== null) {
      total += ms;
      found = true;
    }
  }
  return found ? total : null;
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
 * Per-request CPU between two snapshots. Backends that exit inside the window take their
 * time with them, so the database figure is a floor; the pools keep theirs open.
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
