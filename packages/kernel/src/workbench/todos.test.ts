import { describe, expect, it } from 'vitest';
import type { AnyPlugin, AuthedContext, Logger } from '@zhengfa/plugin-api';
import { gatherTodos } from './todos.js';
import { KERNEL_VERSION } from '../version.js';

function plugin(id: string, name: string, todos?: AnyPlugin['todos']): AnyPlugin {
  return { id, name, version: '1.0.0', kernel: `^${KERNEL_VERSION}`, ...(todos ? { todos } : {}) };
}

// No kernel or event binding to do (these plugins declare no permissions); the providers never read ctx.
const ctx = { kernel: {}, events: { emit: async () => {} } } as unknown as AuthedContext;

function logger() {
  const errors: unknown[] = [];
  const log: Logger = { info() {}, warn() {}, error: (obj) => void errors.push(obj) };
  return { log, errors };
}

describe('gatherTodos', () => {
  it("lists each plugin's waiting items in the plugins' order, leaving out plugins without a provider", async () => {
    const { log } = logger();
    const out = await gatherTodos(
      ctx,
      [
        plugin('a', '甲', async () => [{ key: 'x', label: '待办甲', count: 2, link: '/a?x=1', oldest: '2026-03-02' }]),
        plugin('b', '乙'),
        plugin('c', '丙', async () => [{ key: 'y', label: '待办丙', count: 1, link: '/c' }]),
      ],
      log,
    );
    expect(out).toEqual([
      { pluginId: 'a', pluginName: '甲', items: [{ key: 'x', label: '待办甲', count: 2, link: '/a?x=1', oldest: '2026-03-02' }] },
      { pluginId: 'c', pluginName: '丙', items: [{ key: 'y', label: '待办丙', count: 1, link: '/c', oldest: null }] },
    ]);
  });

  it('leaves out items with nothing waiting, and plugins left with no item', async () => {
    const { log } = logger();
    const out = await gatherTodos(ctx, [plugin('a', '甲', async () => [{ key: 'x', label: '待办甲', count: 0, link: '/a' }])], log);
    expect(out).toEqual([]);
  });

  it('leaves out an item whose link is not a console path', async () => {
    const { log } = logger();
    const out = await gatherTodos(ctx, [plugin('a', '甲', async () => [{ key: 'x', label: '待办甲', count: 3, link: 'https://example.com/' }])], log);
    expect(out).toEqual([]);
  });

  it('shows a failing provider as a message in its place, logs it, and still answers with the others', async () => {
    const { log, errors } = logger();
    const out = await gatherTodos(
      ctx,
      [
        plugin('a', '甲', async () => {
          throw new Error('boom');
        }),
        plugin('b', '乙', async () => [{ key: 'y', label: '待办乙', count: 1, link: '/b' }]),
      ],
      log,
    );
    expect(out).toEqual([
      { pluginId: 'a', pluginName: '甲', items: [], error: '「甲」的待办暂时无法获取，请稍后刷新；如果持续出现，请联系系统管理员' },
      { pluginId: 'b', pluginName: '乙', items: [{ key: 'y', label: '待办乙', count: 1, link: '/b', oldest: null }] },
    ]);
    expect(errors).toHaveLength(1);
  });
});
