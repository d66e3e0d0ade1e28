// Starting the product: open the database, load plugins, check or apply migrations,
// seed the demo county on the embedded default, then serve. Every refusal is a BootError
// whose message is one line for the operator.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { describeNewer, openDatabase, ping, type Database } from '@zhengfa/db';
import { createKernel, DEMO_PASSWORD, demoAccounts, builtinRoles, PluginHostError, VaultError, type Kernel, type KernelObserver, type PluginReleaseNotes } from '@zhengfa/kernel';
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { addressAllowList } from './address-allow.js';
import { startControlSocket } from './backup/control-socket.js';
import { createApp } from './app.js';
import { vaultOf } from './data-key.js';
import type { ServerConfig } from './config.js';
import { loadConsoleHandler } from './console-handler.js';
import { createLogger, type AppLogger } from './logger.js';
import { createServerMetrics, type ServerMetrics } from './metrics.js';
import { installedReleaseNotes } from './plugin-changelog.js';
import { InstallListError, loadInstalledPlugins, readInstallList } from './plugins.js';
import { serverStrings as s } from './strings.js';

export class BootError extends Error {
  override name = 'BootError';
}

function oneLine(err: unknown): string {
  const e = err as { message?: string; code?: string; errors?: { message?: string }[] };
  const msg = e?.errors?.[0]?.message ?? e?.message ?? String(err);
  return (msg || e?.code || '未知错误').split('\n')[0]!;
}

export interface OpenedKernel {
  kernel: Kernel;
  database: Database;
}

/** Opens the database and the kernel; shared by the server and the CLI. `plugins` defaults to the install list's. */
export async function openKernel(config: ServerConfig, log?: AppLogger, plugins?: AnyPlugin[], observer?: KernelObserver): Promise<OpenedKernel> {
  let installed = plugins;
  let releaseNotes: Record<string, PluginReleaseNotes | null> = {};
  if (!installed) {
    const asBootError = (err: unknown) => (err instanceof InstallListError ? new BootError(err.message) : err);
    let names: string[];
    try {
      names = readInstallList();
    } catch (err) {
      throw asBootError(err);
    }
    installed = await loadInstalledPlugins(names).catch((err) => {
      throw asBootError(err);
    });
    releaseNotes = installedReleaseNotes(names, installed);
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements }).catch((err) => {
    throw new BootError(s.cannotConnect(config.databaseUrl ? 'PostgreSQL' : config.dataDir, oneLine(err)));
  });
  try {
    await ping(database.db);
  } catch (err) {
    await database.close().catch(() => {});
    throw new BootError(s.cannotConnect(database.describe, oneLine(err)));
  }
  try {
    const vault = vaultOf(config);
    const kernel = createKernel({ vault, database, plugins: installed, enabled: config.plugins, secureCookies: config.secureCookies, log, dataDir: config.dataDir, maxUploadBytes: config.maxUploadMb * 1024 * 1024, events: { retentionDays: config.eventRetentionDays }, observer, releaseNotes });
    return { kernel, database };
  } catch (err) {
    await database.close().catch(() => {});
    if (err instanceof PluginHostError) throw new BootError(s.pluginHost(err.message));
    if (err instanceof VaultError) throw new BootError(err.message);
    throw err;
  }
}

export interface RunningServer {
  url: string;
  port: number;
  kernel: Kernel;
  /** This process's figures for /metrics. */
  metrics: ServerMetrics;
  close(): Promise<void>;
}

/**
 * Node closes an idle keep-alive connection after 5 s. A reverse proxy that keeps its own
 * upstream connections open longer (nginx 60 s, most load balancers 60 s) can then send a
 * request down a connection the server is closing at that moment, and answer it with a 502;
 * for a POST it does not retry. So the server outlasts them: idle connections stay 65 s,
 * and a request's headers may take a second longer than that.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepIdleConnectionsPastProxies(srv: ServerType): void {
  if (!('keepAliveTimeout' in srv)) return;
  srv.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  srv.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

export async function startServer(config: ServerConfig, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<RunningServer> {
  const log = createLogger(config);
  const metrics = createServerMetrics();
  const { kernel, database } = await openKernel(config, log, undefined, metrics.observer);
  metrics.attach(kernel);
  const embedded = database.engine === 'pglite';

  try {
    const status = await kernel.migrationStatus();
    if (status.newer.length > 0) throw new BootError(status.newer.map(describeNewer).join('；'));
    if (status.pending.length > 0) {
      if (!embedded) {
        const list = status.pending.slice(0, 3).map((p) => `${p.owner} ${p.name}`).join('、') + (status.pending.length > 3 ? ' 等' : '');
        throw new BootError(s.pendingMigrations(status.pending.length, list));
      }
      const { applied } = await kernel.migrate();
      log.info({ applied }, 'migrations applied');
    }
    await kernel.prepare();
    if (embedded && (await kernel.seedDemo())) {
      out(s.demoSeeded);
      for (const a of demoAccounts) out(`  ${a.username.padEnd(10)} ${builtinRoles.find((r) => r.key === a.role)!.name}（${a.name}）`);
      out(s.demoPassword(DEMO_PASSWORD));
      // Only the embedded demo start gets a year of demo matters (never init or PostgreSQL).
      if (config.demoYear === true) {
        const started = performance.now();
        const year = await kernel.seedDemoYear();
        out(s.demoYear(year.matters, ((performance.now() - started) / 1000).toFixed(1)));
      }
    } else if (!(await kernel.db.selectFrom('kernel.tenants').select('id').limit(1).executeTakeFirst())) {
      out(s.noTenant);
    }
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }

  const consoleHandler = await loadConsoleHandler(kernel);
  if (!consoleHandler) log.warn('admin console build not found; run pnpm build');
  const app = createApp({ kernel, log, consoleHandler, trustProxy: config.trustProxy, trustProxyHops: config.trustProxyHops, maxUploadBytes: config.maxUploadMb * 1024 * 1024, metrics: { server: metrics, allow: addressAllowList(config.metricsAllow) } });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const srv = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    keepIdleConnectionsPastProxies(srv);
    srv.once('listening', () => resolve(srv));
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new BootError(
          err.code === 'EADDRINUSE' ? `端口 ${config.port} 已被占用，请关闭占用它的程序或用 PORT 指定其他端口` : `无法监听端口 ${config.port}：${oneLine(err)}`,
        ),
      );
    });
  }).catch(async (err) => {
    await database.close().catch(() => {});
    throw err;
  });

  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  // The embedded database can be backed up only through this process while it serves.
  const control = embedded ? await startControlSocket(config.dataDir, database, log) : null;
  kernel.startBackground();
  out(s.started(url));
  out(s.database(database.describe));
  log.info({ port, engine: database.engine, plugins: kernel.host.enabled.map((p) => `${p.id}@${p.version}`) }, 'listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    kernel,
    metrics,
    close() {
      closing ??= (async () => {
        // Stop accepting connections; in-flight requests finish before the callback.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await control?.close();
        await kernel.stopBackground();
        await database.close();
      })();
      return closing;
    },
  };
}
