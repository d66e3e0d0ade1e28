// Builds the side navigation from the kernel's pages and the enabled plugins' pages,
// keeping only what the signed-in user may use. Pure, so it is unit tested.
import type { ReactNode } from 'react';
import type { AdminPlugin } from './plugins.js';
import { strings } from './strings.js';

export type KernelNavKey =
  | 'home'
  | 'inbox'
  | 'cases'
  | 'caseNew'
  | 'caseDashboard'
  | 'orgs'
  | 'users'
  | 'passwordResets'
  | 'roles'
  | 'audit'
  | 'modules'
  | 'events'
  | 'calendar'
  | 'instruments'
  | 'meetings'
  | 'bulletin';

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

type KernelNavSection = 'main' | 'cases' | 'admin';

interface KernelNavDefinition {
  key: KernelNavKey;
  to: string;
  section: KernelNavSection;
  /** Any one of these permissions shows the entry; empty means every signed-in user. */
  anyOf: string[];
}

/** The kernel's console pages and the permissions that show them. */
export const kernelNav: KernelNavDefinition[] = [
  { key: 'home', to: '/', section: 'main', anyOf: [] },
  // Notifications are about cases; users without case work have none.
  { key: 'inbox', to: '/inbox', section: 'main', anyOf: ['cases.read'] },
  { key: 'cases', to: '/cases', section: 'cases', anyOf: ['cases.read'] },
  { key: 'caseNew', to: '/cases/new', section: 'cases', anyOf: ['cases.register'] },
  { key: 'caseDashboard', to: '/cases/dashboard', section: 'cases', anyOf: ['cases.read'] },
  // Supervision: the office drafts, leaders sign, a unit's liaison sees what is addressed to it.
  { key: 'instruments', to: '/supervision/instruments', section: 'cases', anyOf: ['supervision.instruments', 'supervision.sign', 'cases.handle'] },
  { key: 'meetings', to: '/supervision/meetings', section: 'cases', anyOf: ['supervision.meetings', 'supervision.sign', 'cases.handle'] },
  { key: 'bulletin', to: '/supervision/bulletin', section: 'cases', anyOf: ['supervision.instruments', 'supervision.sign'] },
  { key: 'orgs', to: '/orgs', section: 'admin', anyOf: ['orgs.read', 'orgs.manage'] },
  { key: 'users', to: '/users', section: 'admin', anyOf: ['users.read', 'users.manage'] },
  // Who requests a security administrator's reset, and who countersigns it.
  { key: 'passwordResets', to: '/password-resets', section: 'admin', anyOf: ['users.manage', 'security.manage', 'audit.countersign'] },
  { key: 'roles', to: '/roles', section: 'admin', anyOf: ['roles.manage', 'roles.assign'] },
  { key: 'audit', to: '/audit', section: 'admin', anyOf: ['audit.read'] },
  { key: 'modules', to: '/modules', section: 'admin', anyOf: ['system.modules'] },
  { key: 'events', to: '/events', section: 'admin', anyOf: ['system.events'] },
  { key: 'calendar', to: '/calendar', section: 'admin', anyOf: ['calendar.manage', 'cases.read'] },
];

export interface BuildNavInput {
  permissions: readonly string[];
  enabledPlugins: readonly { id: string; name: string }[];
  pluginModules: readonly AdminPlugin[];
}

function allowed(anyOf: readonly string[] | undefined, granted: ReadonlySet<string>): boolean {
  return !anyOf || anyOf.length === 0 || anyOf.some((p) => granted.has(p));
}

export function buildNav({ permissions, enabledPlugins, pluginModules }: BuildNavInput): NavSection[] {
  const granted = new Set(permissions);
  const visible = kernelNav.filter((d) => allowed(d.anyOf, granted));
  const kernelSection = (section: KernelNavSection) =>
    visible.filter((d) => d.section === section).map((d): NavEntry => ({ key: d.key, label: strings.nav[d.key], to: d.to, kernelKey: d.key }));

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
    { key: 'main', items: kernelSection('main') },
    { key: 'cases', label: strings.nav.casesSection, items: kernelSection('cases') },
    ...pluginSections,
    { key: 'admin', label: strings.nav.adminSection, items: kernelSection('admin') },
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

/** Kernel pages reached from another page rather than the menu, with the permissions they need. */
const kernelPagesOffMenu = [{ to: '/supervision/meetings/new', label: strings.supervision.newMeeting, anyOf: ['supervision.meetings'] }];

export interface PageAccessInput {
  pathname: string;
  permissions: readonly string[];
  enabledPlugins: readonly { id: string }[];
  pluginModules: readonly AdminPlugin[];
}

/**
 * Whether the signed-in user may open a console page. The navigation entry whose path is the
 * longest prefix of the page's decides (its permissions, the same that show it in the menu): a
 * page the user has none of is refused with a 403 before it renders, whatever its loader could
 * read. A path no entry covers (the user's own pages, such as 修改密码) is for every signed-in user.
 */
export function pageAccess({ pathname, permissions, enabledPlugins, pluginModules }: PageAccessInput): { allowed: true } | { allowed: false; page: string } {
  const granted = new Set(permissions);
  const enabled = new Set(enabledPlugins.map((p) => p.id));
  const entries: { to: string; label: string; anyOf: readonly string[] | undefined }[] = [
    ...kernelNav.map((d) => ({ to: d.to, label: strings.nav[d.key], anyOf: d.anyOf })),
    ...kernelPagesOffMenu,
    ...pluginModules.filter((m) => enabled.has(m.id)).flatMap((m) => m.nav.map((item) => ({ to: item.to, label: item.label, anyOf: item.permissions }))),
  ];
  let best: (typeof entries)[number] | undefined;
  for (const e of entries) {
    const match = e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`);
    if (match && (!best || e.to.length > best.to.length)) best = e;
  }
  if (!best || allowed(best.anyOf, granted)) return { allowed: true };
  return { allowed: false, page: best.label };
}
