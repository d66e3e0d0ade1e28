// The HTTP surface: /healthz, /metrics, /trpc, the console's static assets and pages, in one Hono app.
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ping } from '@zhengfa/db';
import type { Kernel } from '@zhengfa/kernel';
import { attachmentPolicy, isReadMethod, KERNEL_VERSION } from '@zhengfa/kernel';
import { TRPCError } from '@trpc/server';
import type { AddressAllowList } from './address-allow.js';
import { clientAddress, type ProxyTrust } from './client-address.js';
import { mountFileRoutes } from './files-routes.js';
import { adminClientDir, type ConsoleHandler } from './console-handler.js';
import { cspNonce, mountRequestGuards, securityHeaders } from './request-guards.js';
import type { AppLogger } from './logger.js';
import type { ServerMetrics } from './metrics.js';
import { mountMetricsRoute } from './metrics-route.js';
import { serverStrings } from './strings.js';
import { batchRefusal } from './trpc-batch.js';
import { trpcHandler } from './trpc-handler.js';

export interface AppOptions {
  kernel: Kernel;
  log: AppLogger;
  consoleHandler: ConsoleHandler | null;
  trustProxy: boolean;
  /** With trustProxy: the proxies that append to X-Forwarded-For (default 1; client-address.ts). */
  trustProxyHops?: number;
  maxUploadBytes?: number;
  /** Counts requests and serves GET /metrics to the allowed addresses (metrics.ts). */
  metrics?: { server: ServerMetrics; allow: AddressAllowList };
}

function clientIp(c: Context, trust: ProxyTrust): string | null {
  let socket: string | null = null;
  try {
    socket = getConnInfo(c).remote.address ?? null;
  } catch {
    socket = null;
  }
  return clientAddress(c.req.header('x-forwarded-for'), socket, trust);
}

function withCookies(response: Response, extra: Headers): Response {
  const cookies = extra.getSetCookie();
  if (cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function createApp(opts: AppOptions): Hono {
  const { kernel, log } = opts;
  const app = new Hono();
  const trust: ProxyTrust = { trustProxy: opts.trustProxy, hops: opts.trustProxyHops ?? 1 };

  if (opts.metrics) app.use('*', opts.metrics.server.middleware);
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round(performance.now() - start);
    if (c.req.path === '/healthz' || c.req.path === '/metrics' || c.req.path.startsWith('/assets/')) return;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  });

  // A write may have changed who may do what (sign-out, a disabled user, a role's
  // permissions): once it has answered, reads stop reusing sessions resolved before it.
  app.use('*', async (c, next) => {
    try {
      await next();
    } finally {
      if (!isReadMethod(c.req.method)) kernel.forgetSessions();
    }
  });

  // Origin, content type and size of writes, before any route reads a body.
  mountRequestGuards(app, { maxUploadBytes: opts.maxUploadBytes ?? attachmentPolicy.maxBytes });

  app.get('/healthz', async (c) => {
    try {
      await ping(kernel.db);
      return c.json({ status: 'ok', database: 'ok', engine: kernel.database.engine, kernel: KERNEL_VERSION });
    } catch (err) {
      log.error({ err }, 'health check failed');
      return c.json({ status: 'error', database: 'unreachable', engine: kernel.database.engine }, 503);
    }
  });

  if (opts.metrics) mountMetricsRoute(app, { metrics: opts.metrics.server, allow: opts.metrics.allow, clientIp: (c) => clientIp(c, trust), log });

  app.use(
    '/trpc/*',
    trpcHandler({
      router: kernel.router,
      endpoint: '/trpc',
      createContext: (fetchOpts, c) => {
        const refusal = batchRefusal(fetchOpts.info);
        if (refusal) throw new TRPCError({ code: 'BAD_REQUEST', message: refusal });
        return kernel.createContext({ headers: c.req.raw.headers, method: c.req.method, ip: clientIp(c, trust), responseHeaders: fetchOpts.resHeaders }) as never;
      },
      onError: ({ error, path: procedure }) => {
        opts.metrics?.server.trpcError(procedure, error.code);
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error.cause ?? error, procedure }, 'procedure failed');
      },
    }),
  );

  const contextFor = (c: Context) => kernel.createContext({ headers: c.req.raw.headers, method: c.req.method, ip: clientIp(c, trust) });
  mountFileRoutes(app, kernel, contextFor, opts.maxUploadBytes ?? attachmentPolicy.maxBytes);

  if (existsSync(adminClientDir)) {
    const assetsRoot = path.relative(process.cwd(), adminClientDir) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    // The console's build writes a brotli and a gzip copy beside each asset (apps/admin/precompress-assets.ts).
    app.use('/assets/*', serveStatic({ root: assetsRoot, precompressed: true }));
    app.use('/favicon.ico', serveStatic({ root: assetsRoot }));
  }

  // Console pages and their data go out gzip-compressed to browsers that accept it: a page
  // carries antd's CSS for its components inline (the ledger's page is 689 KB, 585 KB of it
  // CSS; 75 KB compressed), which a township's link would otherwise take seconds over.
  // Pages are rendered whole (entry.server.tsx) and no loader streams, so compressing holds
  // nothing back. /trpc's answers are left as they are: small, and the API's busiest path.
  app.all('*', compress({ encoding: 'gzip' }), async (c) => {
    if (!opts.consoleHandler) {
      return c.html(`<!doctype html><meta charset="utf-8"><title>${serverStrings.consoleMissingTitle}</title><p>${serverStrings.consoleMissing}</p>`, 503);
    }
    const responseHeaders = new Headers();
    const ctx = await kernel.createContext({ headers: c.req.raw.headers, method: c.req.method, ip: clientIp(c, trust), responseHeaders });
    const response = await opts.consoleHandler(c.req.raw, ctx, cspNonce(c));
    return withCookies(response, responseHeaders);
  });

  app.onError((err, c) => {
    opts.metrics?.server.unhandledError();
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.text(serverStrings.internalError, 500);
  });

  return app;
}
