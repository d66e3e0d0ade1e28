// The real server as an operator runs it (`pnpm start`: node --import tsx src/main.ts), as a
// child process, and a small tRPC-over-HTTP client: for the crash and two-process probes.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSION_COOKIE } from '@zhengfa/kernel';
import { TEST_DATA_KEY } from '@zhengfa/test-utils';

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server with `env` (PORT 0 unless given) and resolves once it prints its address. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_KEY: TEST_DATA_KEY, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
    const onData = () => {
      const m = /已启动：(http:\/\/\S+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(m[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it started:\n${stdout}\n${stderr}`));
    });
  });
  return { child, url, stdout: () => stdout, stderr: () => stderr, exited };
}

/** kill -9: no chance to finish requests, close the database or flush anything. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** SIGTERM and wait: requests in flight finish, the database closes. */
export async function stopGracefully(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

export type Answer<T = any> = { ok: true; status: number; data: T } | { ok: false; status: number; code: string | null; message: string };

/** Calls a tRPC procedure over HTTP as the session `cookie` (or nobody). A dropped connection rejects. */
export async function trpc<T = any>(url: string, procedure: string, input: unknown, opts: { cookie?: string; query?: boolean } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = `${SESSION_COOKIE}=${opts.cookie}`;
  const res = opts.query
    ? await fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`, { headers })
    : await fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
  if (res.ok && body.result) return { ok: true, status: res.status, data: body.result.data };
  return { ok: false, status: res.status, code: body.error?.data?.code ?? null, message: body.error?.message ?? '' };
}

/** Signs in over HTTP and returns the session cookie's value. */
export async function signInOverHttp(url: string, username: string, password: string, tenantId?: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(tenantId ? { tenantId } : {}) }),
  });
  const m = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.getSetCookie().join('; '));
  if (!res.ok || !m) throw new Error(`signing in ${username} failed: ${res.status} ${await res.text()}`);
  return m[1]!;
}

/** `pnpm zhengfa <args>` against the database `env` names, without blocking the test worker. */
export function runCli(env: Record<string, string>, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: serverDir, env: { PATH: process.env.PATH ?? '', DATA_KEY: TEST_DATA_KEY, ...env }, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const code = (err as (Error & { code?: unknown }) | null)?.code;
      if (err && typeof code !== 'number') reject(err);
      else resolve({ status: typeof code === 'number' ? code : 0, stdout, stderr });
    });
  });
}
