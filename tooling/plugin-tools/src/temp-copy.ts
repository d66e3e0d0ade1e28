// A fresh copy of the repository in a temporary folder, as a clone would have it (every file
// git tracks, and the new ones it does not ignore, as they are in the working tree), with its
// dependencies installed from the local store. The platform's tests change the copy
// (generate a plugin, install a tarball), build and start it there, and remove it: the
// working tree is never touched.
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command asynchronously (a test worker blocked for minutes misses vitest's messages). */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Runs a command and fails with its output when it does not succeed. */
export async function mustRun(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${opts.cwd}) exited with ${r.code}:\n${r.output.slice(-6000)}`);
  return r.output;
}

export interface TempCopy {
  root: string;
  remove(): Promise<void>;
}

/** Copies the repository and installs its dependencies (offline: the store holds them all). */
export async function makeTempCopy(): Promise<TempCopy> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'zhengfa-copy-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
  for (const f of files) await cp(path.join(repoRoot, f), path.join(root, f), { force: true }).catch((err: NodeJS.ErrnoException) => {
    // A file deleted in the working tree but still tracked: a clone of the change has none.
    if (err.code !== 'ENOENT') throw err;
  });
  await mustRun('pnpm', ['install', '--offline', '--frozen-lockfile'], { cwd: root, env: { CI: '1' } });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface StartedServer {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the copy's server (embedded database, demo county) on a port the system picks, and waits until it listens. */
export async function startServerIn(root: string): Promise<StartedServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhengfa-data-'));
  const serverDir = path.join(root, 'apps/server');
  // Every installed plugin, on the embedded database: whatever the test runner was given.
  const { PLUGINS: _plugins, DATABASE_URL: _database, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(serverDir, 'src/main.ts')], {
    cwd: serverDir,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', DEMO_DATA: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  // The server prints its address once it listens (政法执法监督平台已启动：http://localhost:43127).
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${log}`)), 180_000);
    const poll = setInterval(() => {
      const m = /http:\/\/localhost:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(Number(m[1]));
      }
    }, 200);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`server exited with code ${code}:\n${log}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { baseUrl: `http://127.0.0.1:${port}`, output: () => log, stop };
}

/** Signs in a demo account over /trpc; returns the session cookie. */
export async function signIn(baseUrl: string, username: string, password = 'Zhengfa@2026'): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A console page as the server renders it for a signed-in user. */
export async function page(baseUrl: string, cookie: string, pathname: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${baseUrl}${pathname}`, { headers: { cookie }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}
