// Configuration from the environment, validated. A bad value yields one Chinese line
// naming the variable and what is wrong; main.ts prints it and exits 1.
import path from 'node:path';
import { checkDatabaseUrl } from '@zhengfa/db';
import { z } from 'zod';
import { allowEntries, allowEntryProblem, DEFAULT_METRICS_ALLOW } from './address-allow.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /**
   * Give a freshly seeded embedded demo county a year of demo matters (DEMO_DATA, default on;
   * DEMO_DATA=0 turns it off). Never applies to PostgreSQL or `zhengfa init`.
   */
  demoYear?: boolean;
  /** Run DML as named prepared statements on PostgreSQL (off behind an old PgBouncer). */
  databasePreparedStatements: boolean;
  /** Enabled plugin ids; undefined means every installed plugin. */
  plugins: string[] | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secureCookies: boolean;
  trustProxy: boolean;
  /** With trustProxy: how many proxies append to X-Forwarded-For (the client is that many from its end). */
  trustProxyHops: number;
  maxUploadMb: number;
  /** Days a delivered event stays in the outbox before it is pruned. */
  eventRetentionDays: number;
  /** Server processes sharing the port (PostgreSQL only; the embedded database has one). */
  serverProcesses: number;
  /** Client addresses and CIDR ranges that may read /metrics. */
  metricsAllow: string[];
  /** The data key sealing personal identifiers (64 hex); unset on the embedded database means the key file under DATA_DIR. */
  dataKey: string | undefined;
  /** Old data keys still opened (during and after a rotation). */
  dataKeysOld: string[];
}

const bool = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
      ctx.addIssue({ code: 'custom', message: `${name} 应为 true 或 false，当前为 "${v}"` });
      return z.NEVER;
    });

const intIn = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `${name} 应为 ${min} 到 ${max} 之间的整数，当前为 "${v}"` });
        return z.NEVER;
      }
      return Number(v);
    });

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

const envSchema = z.object({
  DATA_KEY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v && !HEX_KEY.test(v.trim())) ctx.addIssue({ code: 'custom', message: `DATA_KEY 应为 64 位十六进制字符（32 字节数据密钥，可用 openssl rand -hex 32 生成）` });
    }),
  DATA_KEYS_OLD: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v?.trim()) return;
      const bad = v.split(',').map((k) => k.trim()).filter((k) => k && !HEX_KEY.test(k));
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `DATA_KEYS_OLD 应为逗号分隔的旧数据密钥，每个为 64 位十六进制字符` });
    }),
  PORT: intIn('PORT', 0, 65535),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v) return;
      const problem = checkDatabaseUrl(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `DATABASE_URL ${problem}` });
    }),
  DATABASE_POOL_SIZE: intIn('DATABASE_POOL_SIZE', 1, 200),
  DATABASE_PREPARED_STATEMENTS: bool('DATABASE_PREPARED_STATEMENTS'),
  MAX_UPLOAD_MB: intIn('MAX_UPLOAD_MB', 1, 500),
  EVENT_RETENTION_DAYS: intIn('EVENT_RETENTION_DAYS', 1, 3650),
  SERVER_PROCESSES: intIn('SERVER_PROCESSES', 1, 64),
  PLUGINS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v && !/^\s*([a-z][a-z0-9_]*\s*(,\s*[a-z][a-z0-9_]*\s*)*)?$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `PLUGINS 应为逗号分隔的插件标识，如 "petitions,mediation"，当前为 "${v}"` });
      }
    }),
  LOG_LEVEL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v && !['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v)) {
        ctx.addIssue({ code: 'custom', message: `LOG_LEVEL 应为 fatal、error、warn、info、debug、trace 或 silent 之一，当前为 "${v}"` });
      }
    }),
  SECURE_COOKIES: bool('SECURE_COOKIES'),
  TRUST_PROXY: bool('TRUST_PROXY'),
  TRUST_PROXY_HOPS: intIn('TRUST_PROXY_HOPS', 1, 10),
  METRICS_ALLOW: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === '') return;
      for (const entry of allowEntries(v)) {
        if (allowEntryProblem(entry)) {
          ctx.addIssue({ code: 'custom', message: `METRICS_ALLOW 应为逗号分隔的 IP 地址或网段（如 "127.0.0.1,::1,10.0.0.0/8"），其中 "${entry}" 不是有效的地址或网段` });
          return;
        }
      }
    }),
});

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; error: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env, baseDir = env.INIT_CWD ?? process.cwd()): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, error: `配置错误：${parsed.error.issues[0]!.message}` };
  }
  const e = parsed.data;
  const serverProcesses = e.SERVER_PROCESSES ?? 1;
  if (serverProcesses > 1 && !e.DATABASE_URL) {
    return { ok: false, error: `配置错误：SERVER_PROCESSES 为 ${serverProcesses} 时需要 PostgreSQL（请设置 DATABASE_URL）；内置数据库只能由一个进程打开，请去掉 SERVER_PROCESSES 或设为 1` };
  }
  if (e.DATABASE_URL && !e.DATA_KEY?.trim()) {
    return { ok: false, error: '配置错误：使用 PostgreSQL（DATABASE_URL）时必须设置 DATA_KEY（64 位十六进制数据密钥，用于加密身份证号、电话和检举控告内容；可用 openssl rand -hex 32 生成）' };
  }
  const plugins = e.PLUGINS === undefined ? undefined : e.PLUGINS.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ok: true,
    config: {
      port: e.PORT ?? 3000,
      host: e.HOST || '0.0.0.0',
      dataDir: path.resolve(baseDir, e.DATA_DIR || '.data'),
      databaseUrl: e.DATABASE_URL || undefined,
      databasePoolSize: e.DATABASE_POOL_SIZE ?? 10,
      demoYear: env.DEMO_DATA !== '0',
      databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS ?? true,
      plugins,
      logLevel: (e.LOG_LEVEL as ServerConfig['logLevel']) ?? 'info',
      secureCookies: e.SECURE_COOKIES ?? false,
      trustProxy: e.TRUST_PROXY ?? false,
      trustProxyHops: e.TRUST_PROXY_HOPS ?? 1,
      maxUploadMb: e.MAX_UPLOAD_MB ?? 20,
      eventRetentionDays: e.EVENT_RETENTION_DAYS ?? 30,
      serverProcesses,
      metricsAllow: allowEntries(e.METRICS_ALLOW?.trim() ? e.METRICS_ALLOW : DEFAULT_METRICS_ALLOW),
      dataKey: e.DATA_KEY?.trim() || undefined,
      dataKeysOld: (e.DATA_KEYS_OLD ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    },
  };
}

/** The configuration table of the README, kept next to the code that reads it. */
export const configDocs = [
  ['PORT', '3000', 'HTTP port'],
  ['HOST', '0.0.0.0', 'Interface to listen on'],
  ['DATA_DIR', './.data', 'Embedded database and uploaded files'],
  ['DATABASE_URL', '(unset)', 'PostgreSQL URL; unset means embedded PGlite under DATA_DIR'],
  ['DATABASE_POOL_SIZE', '10', 'PostgreSQL connections per process'],
  ['DATABASE_PREPARED_STATEMENTS', 'true', 'Run statements as named prepared statements on PostgreSQL (false behind PgBouncer < 1.21 in transaction mode)'],
  ['PLUGINS', '(all installed)', 'Comma-separated plugin ids enabled for this deployment'],
  ['LOG_LEVEL', 'info', 'pino log level'],
  ['SECURE_COOKIES', 'false', 'Mark the session cookie Secure (set true behind HTTPS)'],
  ['TRUST_PROXY', 'false', 'Take the client address from X-Forwarded-For, as the trusted proxies appended it (see TRUST_PROXY_HOPS)'],
  ['TRUST_PROXY_HOPS', '1', 'With TRUST_PROXY=true: the proxies in front of the server that each append to X-Forwarded-For; the client address is the one the outermost of them appended (that many entries from the end), never an entry the client could write'],
  ['MAX_UPLOAD_MB', '20', 'Largest attachment accepted, in MB'],
  ['EVENT_RETENTION_DAYS', '30', 'Days a delivered event stays in the outbox before it is pruned'],
  ['SERVER_PROCESSES', '1', 'Server processes sharing the port (PostgreSQL only); up to the cores the server may use'],
  ['DATA_KEY', '(key file under DATA_DIR)', 'Data key (64 hex characters, `openssl rand -hex 32`) sealing ID numbers, phones and accusation content with SM4 + HMAC-SM3; required with DATABASE_URL; unset on the embedded database means DATA_DIR/data.key, generated on first start (back it up apart from the database)'],
  ['DEMO_DATA', '1', 'On the first embedded start, give the demo county a year of demo matters (0: only accounts); remove them with `pnpm zhengfa demo:remove`'],
  ['DATA_KEYS_OLD', '(none)', 'Comma-separated old data keys still readable; set the old key here and the new one as DATA_KEY, then run `pnpm zhengfa rotate-key`'],
  ['METRICS_ALLOW', '127.0.0.1,::1', 'Comma-separated client addresses and CIDR ranges that may read /metrics (the client address as TRUST_PROXY determines it)'],
] as const;
