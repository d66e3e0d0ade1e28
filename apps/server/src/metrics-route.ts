// GET /metrics for the addresses the operator allows (METRICS_ALLOW), as the server sees
// the client: with TRUST_PROXY, the address the trusted proxies appended to
// X-Forwarded-For (client-address.ts), so a client cannot name an allowed address itself.
import cluster from 'node:cluster';
import type { Context, Hono } from 'hono';
import type { AddressAllowList } from './address-allow.js';
import type { AppLogger } from './logger.js';
import { askPrimaryForMetrics } from './metrics-cluster.js';
import type { ServerMetrics } from './metrics.js';
import { serverStrings as s } from './strings.js';

export interface MetricsRouteOptions {
  metrics: ServerMetrics;
  allow: AddressAllowList;
  clientIp: (c: Context) => string | null;
  log: AppLogger;
}

export function mountMetricsRoute(app: Hono, { metrics, allow, clientIp, log }: MetricsRouteOptions): void {
  app.get('/metrics', async (c) => {
    const ip = clientIp(c);
    if (!allow.allows(ip)) {
      log.warn({ ip }, 'metrics refused to an address not in METRICS_ALLOW');
      return c.text(s.metricsRefused, 403);
    }
    let own: string;
    try {
      own = cluster.isWorker ? await askPrimaryForMetrics() : await metrics.registry.metrics();
    } catch (err) {
      log.error({ err }, 'collecting the server processes’ metrics failed');
      return c.text(s.metricsUnavailable, 503);
    }
    const state = await metrics.databaseState();
    const text = own.endsWith('\n') || own === '' ? own + state : `${own}\n${state}`;
    return c.body(text, 200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  });
}
