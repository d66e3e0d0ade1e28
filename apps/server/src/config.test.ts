import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to port 3000 and the embedded database under ./.data', () => {
    const r = loadConfig({}, '/srv/zhengfa');
    expect(r).toMatchObject({ ok: true, config: { port: 3000, dataDir: '/srv/zhengfa/.data', databaseUrl: undefined, plugins: undefined } });
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
});
