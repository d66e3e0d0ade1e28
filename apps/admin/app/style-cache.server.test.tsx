import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { Button, ConfigProvider, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StyleCaches, type StyleCache } from './style-cache.server.js';

const theme = { token: { colorPrimary: '#b71c1c' } };

const buttons = (
  <ConfigProvider theme={theme}>
    <Button type="primary">登记</Button>
    <Tag color="red">重点</Tag>
  </ConfigProvider>
);

const table = (
  <ConfigProvider theme={theme}>
    <Table rowKey="id" columns={[{ title: '标题', dataIndex: 'title' }]} dataSource={[{ id: '1', title: '案件' }]} pagination={false} />
  </ConfigProvider>
);

/** Renders `node` as entry.server does and returns the CSS it would put into <head>. */
function cssOf(cache: StyleCache, node: ReactNode): string {
  renderToString(<StyleProvider cache={cache}>{node}</StyleProvider>);
  return extractStyle(cache, true);
}

describe('StyleCaches', () => {
  it('extracts the same CSS for a page as a fresh cache of its own does', () => {
    const caches = new StyleCaches();
    const expected = cssOf(createCache(), buttons);
    expect(expected).toContain('.ant-btn');
    expect(cssOf(caches.forRequest(), buttons)).toBe(expected);
    expect(cssOf(caches.forRequest(), buttons)).toBe(expected);
  });

  it('takes a style another render computed instead of computing it again', () => {
    const caches = new StyleCaches();
    const first = caches.forRequest();
    cssOf(first, buttons);
    const computed = caches.size;
    const second = caches.forRequest();
    cssOf(second, buttons);
    expect(caches.size).toBe(computed);
    expect([...second.cache.keys()].sort()).toEqual([...first.cache.keys()].sort());
    for (const [key, [, value]] of second.cache) expect(value).toBe(first.cache.get(key)![1]);
  });

  it('gives a page only the styles its own render used', () => {
    const caches = new StyleCaches();
    expect(cssOf(caches.forRequest(), table)).toContain('.ant-table');
    const css = cssOf(caches.forRequest(), buttons);
    expect(css).not.toContain('.ant-table');
    expect(css).toBe(cssOf(createCache(), buttons));
  });

  it('starts the shared cache again once it holds more entries than its limit', () => {
    const caches = new StyleCaches(1);
    cssOf(caches.forRequest(), buttons);
    expect(caches.size).toBeGreaterThan(1);
    const cache = caches.forRequest();
    expect(caches.size).toBe(0);
    expect(cssOf(cache, buttons)).toBe(cssOf(createCache(), buttons));
  });
});
