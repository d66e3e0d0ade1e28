// The plugin host: takes the explicit list of installed plugins and the deployment's
// enabled ids, refuses what cannot run (a kernel range that does not match, a missing
// dependency, a cycle, an id that collides), and orders the rest so dependencies come
// first. Everything else (routers, permissions, migrations) is derived from that order.
import { RESERVED_PLUGIN_IDS, type AnyPlugin, type CaseKindDefinition, type EventCatalog, type PermissionDefinition, type SealedColumn } from '@zhengfa/plugin-api';
import { buildEventCatalog } from '../events/catalog.js';
import type { MigrationSet } from '@zhengfa/db';
import semver from 'semver';
import { kernelMigrations } from '../migrations/index.js';
import { kernelPermissions } from '../permissions.js';
import { KERNEL_VERSION } from '../version.js';
import { collectKernelAccess, type KernelAccessMap } from './kernel-access.js';

/** Router keys and schema names the kernel keeps for itself. */
export const RESERVED_IDS = RESERVED_PLUGIN_IDS;

/** The built-in roles a plugin permission may name in `defaultRoles`. */
const BUSINESS_ROLES = new Set<string>(['leader', 'supervisor', 'liaison']);

export class PluginHostError extends Error {
  override name = 'PluginHostError';
}

/** A plugin package's latest CHANGELOG section (written by `pnpm version-packages`). */
export interface PluginReleaseNotes {
  version: string;
  changes: { kind: 'major' | 'minor' | 'patch'; text: string }[];
}

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  kernelRange: string;
  description: string;
  dependsOn: string[];
  enabled: boolean;
  compatible: boolean;
  permissionCount: number;
  /** What its latest version changed, for the 功能模块 page; null when its package has no CHANGELOG. */
  releaseNotes: PluginReleaseNotes | null;
}

export interface OwnedPermission extends PermissionDefinition {
  owner: string;
  ownerName: string;
  group: string;
}

export interface PluginHost {
  kernelVersion: string;
  /** Case kinds: the kernel's own 'supervision' and the enabled plugins'. */
  caseKinds: Map<string, CaseKindDefinition & { owner: string }>;
  /** Enabled plugins, dependencies first. */
  enabled: AnyPlugin[];
  installed: PluginInfo[];
  permissions: OwnedPermission[];
  migrationSets: MigrationSet[];
  /** Every declared event (the kernel's and the installed plugins'): name → payload schema. */
  events: EventCatalog;
  /** Plugin permission → the ctx.kernel operations it allows (definePlugin's `kernelAccess`). */
  kernelAccess: KernelAccessMap;
  /** Sealed columns of every installed plugin (enabled or not: a disabled one keeps its data). */
  sealedColumns: (SealedColumn & { owner: string })[];
  /** Installed plugins' steps after a key rotation (AnyPlugin['afterKeyRotation']). */
  afterKeyRotation: NonNullable<AnyPlugin['afterKeyRotation']>[];
  hasPermission(key: string): boolean;
  permissionName(key: string): string;
}

export function isCompatible(plugin: AnyPlugin, kernelVersion = KERNEL_VERSION): boolean {
  return semver.validRange(plugin.kernel) !== null && semver.satisfies(kernelVersion, plugin.kernel, { includePrerelease: true });
}

export interface HostOptions {
  installed: AnyPlugin[];
  /** Plugin ids enabled for this deployment; default all installed. */
  enabled?: string[];
  kernelVersion?: string;
  /** Latest release notes by plugin id (the server reads them from each package's CHANGELOG.md). */
  releaseNotes?: Readonly<Record<string, PluginReleaseNotes | null>>;
}

export function createPluginHost(opts: HostOptions): PluginHost {
  const kernelVersion = opts.kernelVersion ?? KERNEL_VERSION;
  const byId = new Map<string, AnyPlugin>();
  for (const p of opts.installed) {
    if (RESERVED_IDS.has(p.id)) throw new PluginHostError(`插件标识「${p.id}」为内核保留字，请更换插件标识`);
    if (byId.has(p.id)) throw new PluginHostError(`插件标识「${p.id}」重复安装`);
    byId.set(p.id, p);
  }
  const enabledIds = new Set(opts.enabled ?? opts.installed.map((p) => p.id));
  for (const id of enabledIds) {
    if (!byId.has(id)) {
      throw new PluginHostError(`配置启用了插件「${id}」，但它没有安装；已安装：${[...byId.keys()].join('、') || '无'}`);
    }
  }

  for (const id of enabledIds) {
    const p = byId.get(id)!;
    if (!isCompatible(p, kernelVersion)) {
      throw new PluginHostError(
        `插件「${p.name}」(${p.id} ${p.version}) 要求内核版本 ${p.kernel}，当前内核为 ${kernelVersion}，无法加载；请升级插件或内核，使两者版本匹配`,
      );
    }
    for (const dep of p.dependsOn ?? []) {
      if (!byId.has(dep)) throw new PluginHostError(`插件「${p.name}」(${p.id}) 依赖插件「${dep}」，但它没有安装`);
      if (!enabledIds.has(dep)) throw new PluginHostError(`插件「${p.name}」(${p.id}) 依赖插件「${dep}」，请同时启用它`);
    }
  }

  // Topological order, dependencies first; ties keep the installed order.
  const ordered: AnyPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new PluginHostError(`插件之间存在循环依赖：${[...trail, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of byId.get(id)!.dependsOn ?? []) visit(dep, [...trail, id]);
    state.set(id, 'done');
    ordered.push(byId.get(id)!);
  };
  for (const p of opts.installed) if (enabledIds.has(p.id)) visit(p.id, []);

  const permissions: OwnedPermission[] = kernelPermissions.map((p) => ({ ...p, owner: 'kernel', ownerName: '内核', group: p.group ?? '内核' }));
  const seen = new Set(permissions.map((p) => p.key));
  for (const p of ordered) {
    for (const perm of p.permissions ?? []) {
      if (seen.has(perm.key)) throw new PluginHostError(`权限「${perm.key}」被重复声明`);
      if (!perm.key.startsWith(`${p.id}.`)) throw new PluginHostError(`插件「${p.name}」(${p.id}) 的权限「${perm.key}」须以「${p.id}.」开头`);
      if (!Array.isArray(perm.defaultRoles) || perm.defaultRoles.some((r) => !BUSINESS_ROLES.has(r))) {
        throw new PluginHostError(
          `插件「${p.name}」(${p.id}) 的权限「${perm.key}」须声明 defaultRoles（默认授予的内置角色：leader、supervisor、liaison 中的若干个；敏感权限写 []）`,
        );
      }
      seen.add(perm.key);
      permissions.push({ ...perm, owner: p.id, ownerName: p.name, group: perm.group ?? p.name });
    }
  }
  const names = new Map(permissions.map((p) => [p.key, p.name]));

  const caseKinds = new Map<string, CaseKindDefinition & { owner: string }>([
    ['supervision', { key: 'supervision', name: '督办事项', docWord: '督', owner: 'kernel' }],
  ]);
  for (const p of ordered) {
    for (const k of p.caseKinds ?? []) {
      if (caseKinds.has(k.key)) throw new PluginHostError(`事项类型「${k.key}」被重复声明`);
      caseKinds.set(k.key, { ...k, owner: p.id });
    }
  }

  const kernelAccess = collectKernelAccess(ordered, caseKinds, (message) => new PluginHostError(message));

  const migrationSets: MigrationSet[] = [
    kernelMigrations,
    ...ordered.filter((p) => p.migrations).map((p) => ({ owner: p.id, version: p.version, migrations: p.migrations! })),
  ];

  return {
    kernelVersion,
    caseKinds,
    enabled: ordered,
    installed: opts.installed.map((p) => ({
      id: p.id,
      name: p.name,
      version: p.version,
      kernelRange: p.kernel,
      description: p.description ?? '',
      dependsOn: p.dependsOn ?? [],
      enabled: enabledIds.has(p.id),
      compatible: isCompatible(p, kernelVersion),
      permissionCount: p.permissions?.length ?? 0,
      releaseNotes: opts.releaseNotes?.[p.id] ?? null,
    })),
    permissions,
    migrationSets,
    events: buildEventCatalog(opts.installed, (message) => new PluginHostError(message)),
    kernelAccess,
    sealedColumns: opts.installed.flatMap((p) => (p.sealed ?? []).map((c) => ({ ...c, owner: p.id }))),
    afterKeyRotation: opts.installed.flatMap((p) => (p.afterKeyRotation ? [p.afterKeyRotation] : [])),
    hasPermission: (key) => names.has(key),
    permissionName: (key) => names.get(key) ?? key,
  };
}
