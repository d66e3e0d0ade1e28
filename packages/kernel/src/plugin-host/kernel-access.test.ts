// What the host reads from each plugin's permissions at boot: the kernel operations each
// permission allows (kernelAccess) and the built-in roles each is given by default.
import { describe, expect, it } from 'vitest';
import { definePlugin, type KernelOperation, type PermissionDefinition } from '@zhengfa/plugin-api';
import { createPluginHost, PluginHostError } from './host.js';
import { operationsOf } from './kernel-access.js';
import { KERNEL_VERSION } from '../version.js';

function plugin(opts: { kernelAccess?: Record<string, KernelOperation[]>; permissions?: PermissionDefinition[] } = {}) {
  return definePlugin({
    id: 'probe',
    name: '探针',
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    permissions: opts.permissions ?? [
      { key: 'probe.use', name: '使用探针', defaultRoles: ['supervisor'] },
      { key: 'probe.route', name: '交办探针事项', defaultRoles: ['supervisor'] },
    ],
    caseKinds: [{ key: 'probe', name: '探针事项', docWord: '探' }],
    kernelAccess: opts.kernelAccess ?? {},
  });
}

describe('plugin host: kernel access', () => {
  it("maps each permission to the operations declared for it, a procedure's permissions to their union", () => {
    const host = createPluginHost({
      installed: [plugin({ kernelAccess: { 'probe.use': ['orgs.list', 'cases.read:probe'], 'probe.route': ['cases.assign:probe', 'cases.read:supervision'] } })],
    });
    expect([...host.kernelAccess.get('probe.use')!]).toEqual(['orgs.list', 'cases.read:probe']);
    expect([...operationsOf(host.kernelAccess, ['probe.use', 'probe.route'])].sort()).toEqual(['cases.assign:probe', 'cases.read:probe', 'cases.read:supervision', 'orgs.list']);
    expect([...operationsOf(host.kernelAccess, ['cases.read'])]).toEqual([]);
  });

  it('refuses a declaration for a permission the plugin does not own', () => {
    expect(() => createPluginHost({ installed: [plugin({ kernelAccess: { 'cases.read': ['cases.read:probe'] } })] })).toThrow(
      new PluginHostError('插件「探针」(probe) 在 kernelAccess 中为权限「cases.read」声明了内核操作，但该权限不是本插件声明的权限'),
    );
  });

  it('refuses an operation the kernel does not have', () => {
    expect(() => createPluginHost({ installed: [plugin({ kernelAccess: { 'probe.use': ['cases.delete:probe' as KernelOperation] } })] })).toThrow(
      '插件「探针」(probe) 为权限「probe.use」声明的内核操作有误：「cases.delete:probe」中的「delete」不是事项操作',
    );
    expect(() => createPluginHost({ installed: [plugin({ kernelAccess: { 'probe.use': ['audit.read' as KernelOperation] } })] })).toThrow(
      '插件「探针」(probe) 为权限「probe.use」声明的内核操作有误：「audit.read」不是内核操作（应为 orgs.list、users.find、calendar.read 或 cases.<操作>:<事项类型>）',
    );
  });

  it('refuses a case kind that neither the kernel nor an enabled plugin declares', () => {
    expect(() => createPluginHost({ installed: [plugin({ kernelAccess: { 'probe.use': ['cases.read:petition'] } })] })).toThrow(
      '插件「探针」(probe) 为权限「probe.use」声明的内核操作有误：「cases.read:petition」中的事项类型「petition」没有被内核或已启用的插件声明',
    );
  });
});

describe('plugin host: role defaults', () => {
  it('refuses a plugin permission that does not declare its default roles', () => {
    const undeclared = plugin({ permissions: [{ key: 'probe.use', name: '使用探针' }] });
    expect(() => createPluginHost({ installed: [undeclared] })).toThrow(
      '插件「探针」(probe) 的权限「probe.use」须声明 defaultRoles（默认授予的内置角色：leader、supervisor、liaison 中的若干个；敏感权限写 []）',
    );
  });

  it('refuses a default role that is not a built-in business role', () => {
    const admin = plugin({ permissions: [{ key: 'probe.use', name: '使用探针', defaultRoles: ['secadmin' as 'leader'] }] });
    expect(() => createPluginHost({ installed: [admin] })).toThrow('插件「探针」(probe) 的权限「probe.use」须声明 defaultRoles');
  });
});
