// startTestKernel: a migrated kernel on a fresh, isolated database, seeded with the demo
// county, plus helpers to act as any demo user through the real tRPC procedures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyPlugin, RequestContext } from '@zhengfa/plugin-api';
import { recordCatalog } from '@zhengfa/db';
import { createTestDatabase, type TestDatabase, type TestEngine } from '@zhengfa/db/testing';
import { createKernel, DEMO_PASSWORD, DEMO_TENANT, SESSION_COOKIE, type Clock, type Kernel, type KernelVault } from '../index.js';
import { testVault } from './vault.js';

export type Caller = ReturnType<Kernel['createCaller']>;

export interface ActingUser {
  caller: Caller;
  ctx: RequestContext;
  cookie: string;
}

export interface TestKernel {
  kernel: Kernel;
  database: TestDatabase;
  engine: TestEngine;
  tenantId: string;
  /** A caller with no session. */
  anonymous(headers?: Record<string, string>): Promise<Caller>;
  /** Signs in through auth.signIn and returns a caller bound to the new session. */
  signIn(username: string, password?: string): Promise<ActingUser>;
  /** A caller for an existing session cookie value. */
  asCookie(cookie: string): Promise<ActingUser>;
  stop(): Promise<void>;
}

export interface StartOptions {
  engine?: TestEngine;
  plugins?: AnyPlugin[];
  enabled?: string[];
  /** Seed the demo county (default true). */
  seed?: boolean;
  /** The kernel's clock (e.g. createTestClock('2026-09-28T02:00:00Z')); default the system clock. */
  clock?: Clock;
  /** The vault (default: one under TEST_DATA_KEY). */
  vault?: KernelVault;
  /** Run signed-in requests behind the database walls (default true; KernelOptions.databaseWalls). */
  databaseWalls?: boolean;
}

export async function startTestKernel(opts: StartOptions = {}): Promise<TestKernel> {
  const engine = opts.engine ?? 'pglite';
  const database = await createTestDatabase(engine);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-test-'));
  const kernel = createKernel({ database, plugins: opts.plugins ?? [], enabled: opts.enabled, dataDir, clock: opts.clock, vault: opts.vault ?? testVault(), databaseWalls: opts.databaseWalls });
  await kernel.migrate();
  // The tenant-key check's list of relations (only when TENANT_KEY_LOG is set).
  await recordCatalog(database.db);
  await kernel.prepare();
  if (opts.seed !== false) await kernel.seedDemo();

  const contextFor = (headers: Record<string, string>, responseHeaders = new Headers()) =>
    kernel.createContext({ headers: new Headers({ 'user-agent': 'vitest', ...headers }), ip: '127.0.0.1', responseHeaders });

  const asCookie = async (cookie: string): Promise<ActingUser> => {
    const ctx = await contextFor({ cookie: `${SESSION_COOKIE}=${cookie}` });
    return { ctx, cookie, caller: kernel.createCaller(ctx) };
  };

  return {
    kernel,
    database,
    engine,
    tenantId: DEMO_TENANT.code,
    anonymous: async (headers = {}) => kernel.createCaller(await contextFor(headers)),
    async signIn(username, password = DEMO_PASSWORD) {
      const responseHeaders = new Headers();
      const ctx = await contextFor({}, responseHeaders);
      await kernel.createCaller(ctx).auth.signIn({ username, password });
      const setCookie = responseHeaders.get('set-cookie') ?? '';
      const m = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie);
      if (!m) throw new Error(`signIn(${username}) set no session cookie`);
      return asCookie(m[1]!);
    },
    asCookie,
    async stop() {
      await kernel.stopBackground();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
