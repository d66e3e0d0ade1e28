// startTestKernel: a migrated kernel on a fresh, isolated database, seeded with the demo
// county, plus helpers to act as any demo user through the real tRPC procedures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyPlugin, RequestContext } from '@zhengfa/plugin-api';
import { createTestDatabase, type TestDatabase, type TestEngine } from '@zhengfa/db/testing';
import { createKernel, DEMO_PASSWORD, DEMO_TENANT, SESSION_COOKIE, type Kernel } from '@zhengfa/kernel';

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
}

export async function startTestKernel(opts: StartOptions = {}): Promise<TestKernel> {
  const engine = opts.engine ?? 'pglite';
  const database = await createTestDatabase(engine);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-test-'));
  const kernel = createKernel({ database, plugins: opts.plugins ?? [], enabled: opts.enabled, dataDir });
  await kernel.migrate();
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
