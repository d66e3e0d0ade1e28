import { describe, expect, it } from 'vitest';
import { createNotesPlugin } from '../testing/index.js';
import { createPluginHost, PluginHostError } from './host.js';
import { KERNEL_VERSION } from '../version.js';

describe('plugin host', () => {
  it('refuses a plugin built for another kernel, naming both versions', () => {
    const plugin = createNotesPlugin({ kernel: '^9.0.0', version: '2.3.4' });
    expect(() => createPluginHost({ installed: [plugin] })).toThrow(PluginHostError);
    expect(() => createPluginHost({ installed: [plugin] })).toThrow(
      `插件「测试便签」(notes 2.3.4) 要求内核版本 ^9.0.0，当前内核为 ${KERNEL_VERSION}，无法加载`,
    );
  });

  it('lists an incompatible plugin that is installed but not enabled without refusing to boot', () => {
    const host = createPluginHost({ installed: [createNotesPlugin({ kernel: '^9.0.0' })], enabled: [] });
    expect(host.installed[0]).toMatchObject({ id: 'notes', enabled: false, compatible: false });
    expect(host.enabled).toEqual([]);
  });

  it("merges a compatible plugin's permissions after the kernel's, under its own group", () => {
    const host = createPluginHost({ installed: [createNotesPlugin()] });
    expect(host.permissions.at(-1)).toMatchObject({ key: 'notes.write', owner: 'notes', group: '测试便签' });
    expect(host.permissionName('notes.read')).toBe('查看便签');
  });

  it('orders plugins so that dependencies come first and migrate first', () => {
    const host = createPluginHost({
      installed: [createNotesPlugin({ id: 'reports', dependsOn: ['notes'] }), createNotesPlugin()],
    });
    expect(host.enabled.map((p) => p.id)).toEqual(['notes', 'reports']);
    expect(host.migrationSets.map((s) => s.owner)).toEqual(['kernel', 'notes', 'reports']);
  });

  it('refuses a plugin whose dependency is missing or disabled', () => {
    const reports = createNotesPlugin({ id: 'reports', dependsOn: ['notes'] });
    expect(() => createPluginHost({ installed: [reports] })).toThrow('依赖插件「notes」，但它没有安装');
    expect(() => createPluginHost({ installed: [reports, createNotesPlugin()], enabled: ['reports'] })).toThrow('请同时启用它');
  });

  it('refuses a dependency cycle and names it', () => {
    const a = createNotesPlugin({ id: 'alpha', dependsOn: ['beta'] });
    const b = createNotesPlugin({ id: 'beta', dependsOn: ['alpha'] });
    expect(() => createPluginHost({ installed: [a, b] })).toThrow('循环依赖：alpha → beta → alpha');
  });

  it('refuses an id the kernel reserves and an enabled id that is not installed', () => {
    expect(() => createPluginHost({ installed: [createNotesPlugin({ id: 'users' })] })).toThrow('内核保留字');
    expect(() => createPluginHost({ installed: [], enabled: ['petitions'] })).toThrow('没有安装');
  });

  it('lists each installed plugin with the release notes it was given, and null for one without', () => {
    const notes = { version: '1.1.0', changes: [{ kind: 'minor' as const, text: '便签可按事项查看' }] };
    const host = createPluginHost({ installed: [createNotesPlugin(), createNotesPlugin({ id: 'memo' })], releaseNotes: { notes } });
    expect(host.installed.map((p) => [p.id, p.releaseNotes])).toEqual([
      ['notes', { version: '1.1.0', changes: [{ kind: 'minor', text: '便签可按事项查看' }] }],
      ['memo', null],
    ]);
  });
});
