// Builds the side navigation from the kernel's pages and the enabled plugins' pages,
// keeping only what the signed-in user may use. Pure, so it is unit tested.
import type { ReactNode } from 'react';
import type { AdminPluginModule } from './plugins.js';
import { strings } from './strings.js';

export type KernelNavKey = 'home' | 'orgs' | 'users' | 'roles' | 'audit' | 'modules';

export interface NavEntry {
  key: string;
  label: string;
  to: string;
  /** For kernel entries: which icon the layout draws. */
  kernelKey?: KernelNavKey;
  icon?: ReactNode;
}

export interface NavSection {
  key: string;
  /** Section heading; none for the top section. */
  label?: string;
  items: NavEntry[];
}

interface KernelNavDefinition {
  key: KernelNavKey;
  to: string;
  /** Any one of these permissions shows the entry; empty means every signed-in user. */
  anyOf: string[];
}

/** The kernel's console pages and the permissions that show them. */
export const kernelNav: KernelNavDefinition[] = [
  { key: 'home', to: '/', anyOf: [] },
  { key: 'orgs', to: '/orgs', anyOf: ['orgs.read', 'orgs.manage'] },
  { key: 'users', to: '/users', anyOf: ['users.read', 'users.manage'] },
  { key: 'roles', to: '/roles', anyOf: ['roles.manage', 'roles.assign'] },
  { key: 'audit', to: '/audit', anyOf: ['audit.read'] },
  { key: 'modules', to: '/modules', anyOf: ['system.modules'] },
];

export interface BuildNavInput {
  permissions: readonly string[];
  enabledPlugins: readonly { id: string; name: string }[];
  pluginModules: readonly AdminPluginModule[];
}

function allowed(anyOf: readonly string[] | undefined, granted: ReadonlySet<string>): boolean {
  return !anyOf || anyOf.length === 0 || anyOf.some((p) => granted.has(p));
}

export function buildNav({ permissions, enabledPlugins, pluginModules }: BuildNavInput): NavSection[] {
  const granted = new Set(permissions);
  const kernel = kernelNav
    .filter((d) => allowed(d.anyOf, granted))
    .map((d): NavEntry => ({ key: d.key, label: strings.nav[d.key], to: d.to, kernelKey: d.key }));

  const enabled = new Map(enabledPlugins.map((p) => [p.id, p]));
  const pluginSections = pluginModules
    .filter((m) => enabled.has(m.id))
    .map((m): NavSection => ({
      key: `plugin:${m.id}`,
      label: enabled.get(m.id)!.name,
      items: m.nav
        .filter((item) => allowed(item.permissions, granted))
        .map((item) => ({ key: `plugin:${m.id}:${item.to}`, label: item.label, to: item.to, ...(item.icon !== undefined ? { icon: item.icon } : {}) })),
    }));

  const sections: NavSection[] = [
    { key: 'main', items: kernel.filter((e) => e.kernelKey === 'home') },
    ...pluginSections,
    { key: 'admin', label: strings.nav.adminSection, items: kernel.filter((e) => e.kernelKey !== 'home') },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** The entry whose path is the longest prefix of the current path ('/' only matches itself). */
export function activeNavKey(pathname: string, sections: readonly NavSection[]): string | undefined {
  let best: NavEntry | undefined;
  for (const entry of sections.flatMap((s) => s.items)) {
    const match = entry.to === '/' ? pathname === '/' : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
    if (match && (!best || entry.to.length > best.to.length)) best = entry;
  }
  return best?.key;
}
