// The real server as a child process (so its memory can be sampled from /proc), and
// signed-in tRPC HTTP clients for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs } from '@trpc/server';
import { LeanHttp, trpcData } from './lean-http.js';
import type { KernelRouter } from '@zhengfa/kernel';
import { repoRoot } from './db.js';
import { httpRequest, type TransportInit } from './http-transport.js';
import { childrenOf } from './cpu.js';
import { BENCH_DATA_KEY } from './data-key.js';

/** The console's server build, which the server renders pages with (`apps/server/src/console-handler.ts`). */
export const consoleBuild = path.join(repoRoot, 'apps/admin/build/server/index.js');

export interface ServerChild {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size of the server process and its workers, in MB. */
  rssMb(): number;
  /**
   * The longest stall of the server's own event loop (any of its processes) in each of
   * `seconds` seconds from `fromEpochMs`, in ms, charged to the second it ended in; stalls
   * under 2 ms count as 0 (server-stall-probe.mjs).
   */
  stallsBySecond(fromEpochMs: number, seconds: number): number[];
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function ownRss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The server's processes: itself and its children (its workers under SERVER_PROCESSES > 1, tsx's esbuild service). */
export function serverPids(pid: number): number[] {
  return [pid, ...childrenOf(pid)];
}

/** Resident set size of the given processes together, in MB (NaN when the first is gone). */
export function rssOf(pids: number[]): number {
  return pids.slice(1).reduce((sum, p) => sum + (ownRss(p) || 0), ownRss(pids[0]!));
}

/** Preloaded into the server: appends its event-loop stalls to a file (BENCH_SERVER_STALL_FILE). */
const stallProbe = fileURLToPath(new URL('./server-stall-probe.mjs', import.meta.url));

/** The longest stall per second of a stall file's lines ("<epoch ms it ended> <ms> <pid>"). */
function stallsBySecond(text: string, fromEpochMs: number, seconds: number): number[] {
  const longest = new Array<number>(seconds).fill(0);
  for (const line of text.split('\n')) {
    const [at, ms] = line.split(' ').map(Number);
    if (at === undefined || ms === undefined || !Number.isFinite(at) || !Number.isFinite(ms)) continue;
    const i = Math.floor((at - fromEpochMs) / 1000);
    if (i >= 0 && i < seconds) longest[i] = Math.max(longest[i]!, ms);
  }
  return longest;
}

export async function startServerChild(opts: { databaseUrl?: string; dataDir: string; poolSize?: number; processes?: number }): Promise<ServerChild> {
  const port = await freePort();
  const serverDir = path.join(repoRoot, 'apps/server');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'production',
    // The generated data is the workload; no demo year on an embedded first start.
    DEMO_DATA: '0',
    // The key the generator sealed the parties' identifiers with (generate.ts).
    DATA_KEY: BENCH_DATA_KEY,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.poolSize) env.DATABASE_POOL_SIZE = String(opts.poolSize);
  delete env.SERVER_PROCESSES;
  if (opts.processes && opts.processes > 1) env.SERVER_PROCESSES = String(opts.processes);
  // BENCH_SERVER_NODE_ARGS adds Node flags for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const stallDir = mkdtempSync(path.join(os.tmpdir(), 'zf-bench-server-'));
  const stallFile = path.join(stallDir, 'stalls.log');
  env.BENCH_SERVER_STALL_FILE = stallFile;
  const child = spawn(process.execPath, [...nodeArgs, '--import', stallProbe, '--import', 'tsx', path.join(serverDir, 'src/main.ts')], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(stallDir, { recursive: true, force: true });
      throw new Error(`server exited (${child.exitCode}):\n${log}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(stallDir, { recursive: true, force: true });
      throw new Error(`server did not answer /healthz in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    child,
    rssMb: () => rssOf(serverPids(child.pid!)),
    stallsBySecond(fromEpochMs, seconds) {
      let text = '';
      try {
        text = readFileSync(stallFile, 'utf8');
      } catch {
        /* no stall recorded yet */
      }
      return stallsBySecond(text, fromEpochMs, seconds);
    },
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }).finally(() => rmSync(stallDir, { recursive: true, force: true })),
  };
}

export type Api = ReturnType<typeof createTRPCClient<KernelRouter>>;

export type ApiInputs = inferRouterInputs<KernelRouter>;

export interface Session {
  tenantId: string;
  username: string;
  cookie: string;
  /** tRPC's client, for calls whose cost is not measured (sign-in, the export's polling). */
  api: Api;
  /** A measured query (GET) over the generator's lean client (lean-http.ts). */
  query<P extends keyof ApiInputs['cases'] & string>(procedure: P, input: ApiInputs['cases'][P]): Promise<unknown>;
  /** A measured mutation (POST) over the lean client. */
  mutate<P extends keyof ApiInputs['cases'] & string>(procedure: P, input: ApiInputs['cases'][P]): Promise<unknown>;
}

const leanClients = new Map<string, LeanHttp>();

function leanSession(url: string, cookie: string): Pick<Session, 'query' | 'mutate'> {
  let lean = leanClients.get(url);
  if (!lean) leanClients.set(url, (lean = new LeanHttp(url)));
  const http = lean;
  const headers = `cookie: ${cookie}\r\n`;
  return {
    async query(procedure, input) {
      const path = `cases.${procedure}`;
      return trpcData(path, await http.request('GET', `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, headers));
    },
    async mutate(procedure, input) {
      const path = `cases.${procedure}`;
      return trpcData(path, await http.request('POST', `/trpc/${path}`, headers, JSON.stringify(input)));
    },
  };
}

/** Closes the lean clients' idle sockets (at the end of a run). */
export function closeLeanClients(): void {
  for (const c of leanClients.values()) c.close();
  leanClients.clear();
}

export function apiClient(url: string, cookie: string | null, onSetCookie?: (c: string) => void): Api {
  return createTRPCClient<KernelRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        headers: () => (cookie ? { cookie } : {}),
        fetch: async (input, init) => {
          const res = await httpRequest(String(input), init as TransportInit);
          if (res.cookies.length && onSetCookie) onSetCookie(res.cookies.join('; '));
          return res as unknown as Response;
        },
      }),
    ],
  });
}

export async function signIn(url: string, tenantId: string, username: string, password: string): Promise<Session> {
  let cookie = '';
  const anon = apiClient(url, null, (c) => (cookie = c));
  try {
    await anon.auth.signIn.mutate({ tenantId, username, password });
  } catch (err) {
    throw new Error(`sign-in ${tenantId}/${username} failed: ${err instanceof TRPCClientError ? err.message : String(err)}`);
  }
  if (!cookie) throw new Error(`sign-in ${tenantId}/${username} set no cookie`);
  return { tenantId, username, cookie, api: apiClient(url, cookie), ...leanSession(url, cookie) };
}
