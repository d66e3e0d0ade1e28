// The event catalog the plugin host builds at start: the kernel's events and the installed
// plugins', with subscriptions checked against it.
import { describe, expect, it } from 'vitest';
import { definePlugin, kernelEvents, z, type AnyPlugin } from '@zhengfa/plugin-api';
import { createPluginHost } from '../plugin-host/host.js';
import { KERNEL_VERSION } from '../version.js';

const plugin = (def: Partial<AnyPlugin> & { id: string }): AnyPlugin =>
  definePlugin({ name: `插件${def.id}`, version: '1.0.0', kernel: `^${KERNEL_VERSION}`, ...def });

describe('the event catalog', () => {
  it('holds the kernel’s events and each installed plugin’s', () => {
    const host = createPluginHost({ installed: [plugin({ id: 'alpha', events: { 'alpha.done': z.strictObject({ id: z.string() }) } })] });
    expect(Object.keys(host.events)).toEqual([...Object.keys(kernelEvents), 'alpha.done']);
  });

  it('accepts a subscription to another installed plugin’s event', () => {
    const host = createPluginHost({
      installed: [plugin({ id: 'alpha', events: { 'alpha.done': z.strictObject({}) } }), plugin({ id: 'beta', subscriptions: { 'alpha.done': async () => {} } })],
    });
    expect(host.enabled.map((p) => p.id)).toEqual(['alpha', 'beta']);
  });

  it('refuses at start a subscription to an event an installed plugin does not declare', () => {
    expect(() =>
      createPluginHost({ installed: [plugin({ id: 'alpha', events: { 'alpha.done': z.strictObject({}) } }), plugin({ id: 'beta', subscriptions: { 'alpha.dnoe': async () => {} } })] }),
    ).toThrow('插件「插件beta」(beta) 订阅了事件「alpha.dnoe」，但内核和已安装的插件都没有声明这个事件；请检查事件名称，或安装声明它的插件');
  });

  it('accepts a subscription to an event of a plugin that is not installed, as an optional integration', () => {
    const host = createPluginHost({ installed: [plugin({ id: 'beta', subscriptions: { 'alpha.done': async () => {} } })] });
    expect(host.enabled.map((p) => p.id)).toEqual(['beta']);
  });

  it('refuses at start a subscription to a misspelt kernel event', () => {
    expect(() => createPluginHost({ installed: [plugin({ id: 'beta', subscriptions: { 'kernel.case.registred': async () => {} } })] })).toThrow(
      '插件「插件beta」(beta) 订阅了事件「kernel.case.registred」，但内核和已安装的插件都没有声明这个事件；请检查事件名称，或安装声明它的插件',
    );
  });

  it('refuses a plugin event outside the plugin’s namespace', () => {
    expect(() => plugin({ id: 'alpha', events: { 'kernel.case.done': z.strictObject({}) } })).toThrow(
      "Plugin 'alpha' declares event 'kernel.case.done', which must start with 'alpha.'",
    );
  });

  it('publishes the kernel’s events under its own namespaces, each with a schema that checks its payload', () => {
    expect(Object.keys(kernelEvents).filter((n) => !/^kernel\.(case|instrument|power|meeting)\./.test(n))).toEqual([]);
    expect(kernelEvents['kernel.case.registered'].safeParse({ caseId: 'c1', kind: 'petition', docNo: '示政法访〔2026〕1号' }).success).toBe(true);
  });
});
