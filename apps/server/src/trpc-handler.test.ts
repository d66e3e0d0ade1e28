import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { initTRPC } from '@trpc/server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { trpcHandler } from './trpc-handler.js';

const t = initTRPC.create();
let aborted: Promise<boolean>;
let slowStarted: () => void;
const router = t.router({
  echo: t.procedure.input(z.object({ word: z.string() })).query(({ input }) => ({ word: input.word })),
  save: t.procedure.input(z.object({ word: z.string() })).mutation(({ input }) => ({ saved: input.word })),
  slow: t.procedure.query(({ signal }) => {
    aborted = new Promise((resolve) => {
      signal?.addEventListener('abort', () => resolve(true));
      setTimeout(() => resolve(false), 2_000);
    });
    slowStarted();
    return aborted.then(() => 'done');
  }),
  signalState: t.procedure.query(({ signal }) => ({ aborted: signal?.aborted ?? null })),
});

const app = new Hono();
// A middleware that reads the body before tRPC does.
app.use('/trpc/save', async (c, next) => {
  if (c.req.method === 'POST') await c.req.json();
  await next();
});
// The request each call arrived as, looked at after tRPC answered.
let lastRaw: Request | undefined;
app.use('/trpc/*', async (c, next) => {
  await next();
  lastRaw = c.req.raw;
});
app.use('/trpc/*', trpcHandler({ router, endpoint: '/trpc', createContext: () => ({}) }));

let server: ServerType;
let base: string;
beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    s.once('listening', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('tRPC on Hono', () => {
  it('answers a query over HTTP without building a Fetch Request for it', async () => {
    const res = await fetch(`${base}/trpc/echo?input=${encodeURIComponent(JSON.stringify({ word: '台账' }))}`);
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual({ word: '台账' });
    // @hono/node-server keeps the full Request it builds under a symbol of this name.
    const cached = Object.getOwnPropertySymbols(lastRaw!).filter((s) => s.description === 'requestCache');
    expect(cached.map((s) => (lastRaw as unknown as Record<symbol, unknown>)[s]).filter(Boolean)).toEqual([]);
    expect(Object.getOwnPropertySymbols(Object.getPrototypeOf(lastRaw!)).some((s) => s.description === 'getRequestCache')).toBe(true);
  });

  it('gives a procedure a signal that is not aborted while its caller waits', async () => {
    const res = await fetch(`${base}/trpc/signalState`);
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual({ aborted: false });
  });

  it('aborts a procedure’s signal when its caller disconnects before the answer', async () => {
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    const req = httpRequest(`${base}/trpc/slow`);
    req.on('error', () => {});
    req.end();
    await started;
    req.destroy();
    expect(await aborted).toBe(true);
  });

  it('reads a mutation’s body even when a middleware read it first', async () => {
    const res = await fetch(`${base}/trpc/save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ word: '保存' }) });
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual({ saved: '保存' });
  });

  it('works without Node’s HTTP server too (app.request in tests)', async () => {
    const res = await app.request(`/trpc/echo?input=${encodeURIComponent(JSON.stringify({ word: '调处' }))}`);
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual({ word: '调处' });
  });
});
