import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('configuration', () => {
  it('refuses PostgreSQL without DATA_KEY in one line saying what to set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://zhengfa@db/zhengfa' })).toEqual({
      ok: false,
      error: '配置错误：使用 PostgreSQL（DATABASE_URL）时必须设置 DATA_KEY（64 位十六进制数据密钥，用于加密身份证号、电话和检举控告内容；可用 openssl rand -hex 32 生成）',
    });
  });

  it('names DATA_KEY when it is not 64 hex characters', () => {
    expect(loadConfig({ DATA_KEY: 'secret' })).toEqual({ ok: false, error: '配置错误：DATA_KEY 应为 64 位十六进制字符（32 字节数据密钥，可用 openssl rand -hex 32 生成）' });
  });

  it('reads the data key and the old keys still readable', () => {
    const old = 'ff'.repeat(32);
    expect(loadConfig({ DATABASE_URL: 'postgres://zhengfa@db/zhengfa', DATA_KEY: KEY, DATA_KEYS_OLD: ` ${old} ,` })).toMatchObject({ ok: true, config: { dataKey: KEY, dataKeysOld: [old] } });
    expect(loadConfig({ DATA_KEYS_OLD: 'abc' })).toEqual({ ok: false, error: '配置错误：DATA_KEYS_OLD 应为逗号分隔的旧数据密钥，每个为 64 位十六进制字符' });
  });

  it('defaults to port 3000 and the embedded database under ./.data', () => {
    const r = loadConfig({}, '/srv/zhengfa');
    expect(r).toMatchObject({ ok: true, config: { port: 3000, dataDir: '/srv/zhengfa/.data', databaseUrl: undefined, plugins: undefined } });
  });

  it('gives the embedded demo start a demo year unless DEMO_DATA is 0', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { demoYear: true } });
    expect(loadConfig({ DEMO_DATA: '0' })).toMatchObject({ ok: true, config: { demoYear: false } });
  });

  it('names PORT and the problem when the port is not a number', () => {
    expect(loadConfig({ PORT: 'abc' })).toEqual({ ok: false, error: '配置错误：PORT 应为 0 到 65535 之间的整数，当前为 "abc"' });
  });

  it('names PORT when it is out of range', () => {
    expect(loadConfig({ PORT: '70000' })).toMatchObject({ ok: false, error: expect.stringContaining('PORT 应为 0 到 65535') });
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@localhost/db' })).toEqual({
      ok: false,
      error: '配置错误：DATABASE_URL 协议应为 postgres:// 或 postgresql://，当前为 mysql://',
    });
    expect(loadConfig({ DATABASE_URL: 'not a url' })).toMatchObject({ ok: false, error: expect.stringContaining('DATABASE_URL 不是有效的连接地址') });
  });

  it('reads the enabled plugins as a list', () => {
    expect(loadConfig({ PLUGINS: 'petitions, mediation' })).toMatchObject({ ok: true, config: { plugins: ['petitions', 'mediation'] } });
    expect(loadConfig({ PLUGINS: '' })).toMatchObject({ ok: true, config: { plugins: [] } });
    expect(loadConfig({ PLUGINS: 'Petitions!' })).toMatchObject({ ok: false, error: expect.stringContaining('PLUGINS 应为逗号分隔的插件标识') });
  });

  it('prepares statements on PostgreSQL unless told not to, and names a bad value', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { databasePreparedStatements: true } });
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' })).toMatchObject({ ok: true, config: { databasePreparedStatements: false } });
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toEqual({ ok: false, error: '配置错误：DATABASE_PREPARED_STATEMENTS 应为 true 或 false，当前为 "maybe"' });
  });

  it('runs one server process unless told to run more on PostgreSQL', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { serverProcesses: 1 } });
    expect(loadConfig({ SERVER_PROCESSES: '4', DATABASE_URL: 'postgres://zhengfa@db/zhengfa', DATA_KEY: KEY })).toMatchObject({ ok: true, config: { serverProcesses: 4 } });
  });

  it('refuses several server processes on the embedded database, saying what to set', () => {
    expect(loadConfig({ SERVER_PROCESSES: '2' })).toEqual({
      ok: false,
      error: '配置错误：SERVER_PROCESSES 为 2 时需要 PostgreSQL（请设置 DATABASE_URL）；内置数据库只能由一个进程打开，请去掉 SERVER_PROCESSES 或设为 1',
    });
  });

  it('names SERVER_PROCESSES when it is not a whole number from 1 to 64', () => {
    expect(loadConfig({ SERVER_PROCESSES: '0', DATABASE_URL: 'postgres://zhengfa@db/zhengfa' })).toEqual({ ok: false, error: '配置错误：SERVER_PROCESSES 应为 1 到 64 之间的整数，当前为 "0"' });
  });

  it('counts one proxy in front of the server unless told how many, and names a bad value', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' })).toMatchObject({ ok: true, config: { trustProxy: true, trustProxyHops: 1 } });
    expect(loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' })).toMatchObject({ ok: true, config: { trustProxyHops: 2 } });
    expect(loadConfig({ TRUST_PROXY_HOPS: 'two' })).toEqual({ ok: false, error: '配置错误：TRUST_PROXY_HOPS 应为 1 到 10 之间的整数，当前为 "two"' });
    expect(loadConfig({ TRUST_PROXY_HOPS: '0' })).toEqual({ ok: false, error: '配置错误：TRUST_PROXY_HOPS 应为 1 到 10 之间的整数，当前为 "0"' });
  });

  it('serves /metrics to the loopback addresses unless told which, and names a bad entry', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { metricsAllow: ['127.0.0.1', '::1'] } });
    expect(loadConfig({ METRICS_ALLOW: ' 10.0.0.0/8, 192.0.2.7 ' })).toMatchObject({ ok: true, config: { metricsAllow: ['10.0.0.0/8', '192.0.2.7'] } });
    expect(loadConfig({ METRICS_ALLOW: '10.0.0.0/8,prometheus.local' })).toEqual({
      ok: false,
      error: '配置错误：METRICS_ALLOW 应为逗号分隔的 IP 地址或网段（如 "127.0.0.1,::1,10.0.0.0/8"），其中 "prometheus.local" 不是有效的地址或网段',
    });
    expect(loadConfig({ METRICS_ALLOW: '10.0.0.0/40' })).toMatchObject({ ok: false, error: expect.stringContaining('其中 "10.0.0.0/40" 不是有效的地址或网段') });
  });
});
