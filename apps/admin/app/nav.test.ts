import { describe, expect, it } from 'vitest';
import { activeNavKey, buildNav, pageAccess } from './nav.js';
import type { AdminPlugin } from './plugins.js';

const petitions: AdminPlugin = {
  id: 'petitions',
  routes: [],
  nav: [
    { label: '信访登记', to: '/petitions' },
    { label: '督办', to: '/petitions/supervise', permissions: ['petitions.supervise'] },
  ],
};

function keys(sections: ReturnType<typeof buildNav>) {
  return sections.flatMap((s) => s.items.map((i) => i.key));
}

describe('buildNav', () => {
  it('shows the system administrator the system pages only', () => {
    const nav = buildNav({
      permissions: ['orgs.read', 'users.read', 'orgs.manage', 'users.manage', 'system.modules'],
      enabledPlugins: [],
      pluginModules: [],
    });
    expect(keys(nav)).toEqual(['home', 'orgs', 'users', 'passwordResets', 'modules']);
    expect(nav.flatMap((s) => s.items.map((i) => i.label))).toEqual(['工作台', '组织机构', '用户管理', '密码重置会签', '功能模块']);
  });

  it('shows the security and audit administrators their own pages', () => {
    const sec = buildNav({ permissions: ['orgs.read', 'users.read', 'roles.manage', 'roles.assign', 'security.manage'], enabledPlugins: [], pluginModules: [] });
    expect(keys(sec)).toEqual(['home', 'orgs', 'users', 'passwordResets', 'roles']);
    const audit = buildNav({ permissions: ['audit.read', 'audit.countersign'], enabledPlugins: [], pluginModules: [] });
    expect(keys(audit)).toEqual(['home', 'passwordResets', 'audit']);
  });

  it('shows the page of password reset requests only to those who request or countersign them', () => {
    const reader = buildNav({ permissions: ['orgs.read', 'users.read', 'audit.read'], enabledPlugins: [], pluginModules: [] });
    expect(keys(reader)).not.toContain('passwordResets');
  });

  it('shows a user without permissions only the home page', () => {
    const nav = buildNav({ permissions: [], enabledPlugins: [], pluginModules: [] });
    expect(nav).toHaveLength(1);
    expect(keys(nav)).toEqual(['home']);
  });

  it('adds entries of enabled plugins, filtered by permission, in their own section', () => {
    const nav = buildNav({
      permissions: ['users.read'],
      enabledPlugins: [{ id: 'petitions', name: '信访事项' }],
      pluginModules: [petitions],
    });
    expect(nav.map((s) => s.label ?? null)).toEqual([null, '信访事项', '系统管理']);
    expect(nav[1]!.items.map((i) => i.to)).toEqual(['/petitions']);
  });

  it('leaves out modules of plugins that are installed but not enabled', () => {
    const nav = buildNav({ permissions: ['petitions.supervise'], enabledPlugins: [], pluginModules: [petitions] });
    expect(keys(nav)).toEqual(['home']);
  });
});

describe('activeNavKey', () => {
  const nav = buildNav({
    permissions: ['users.read', 'petitions.supervise'],
    enabledPlugins: [{ id: 'petitions', name: '信访事项' }],
    pluginModules: [petitions],
  });
  it('matches by the longest path prefix', () => {
    expect(activeNavKey('/', nav)).toBe('home');
    expect(activeNavKey('/users', nav)).toBe('users');
    expect(activeNavKey('/petitions/supervise/12', nav)).toBe('plugin:petitions:/petitions/supervise');
    expect(activeNavKey('/petitions', nav)).toBe('plugin:petitions:/petitions');
    expect(activeNavKey('/userspace', nav)).toBeUndefined();
  });
});

describe('case pages', () => {
  it('shows the supervision office the case pages and the inbox', () => {
    const nav = buildNav({
      permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.register', 'cases.assign', 'cases.urge', 'cases.review', 'cases.export'],
      enabledPlugins: [],
      pluginModules: [],
    });
    expect(nav.map((s) => s.label ?? null)).toEqual([null, '事项督办', '系统管理']);
    expect(keys(nav)).toEqual(['home', 'inbox', 'cases', 'caseNew', 'caseDashboard', 'orgs', 'users', 'calendar']);
    expect(activeNavKey('/cases/new', nav)).toBe('caseNew');
    expect(activeNavKey('/cases/dashboard', nav)).toBe('caseDashboard');
    expect(activeNavKey('/cases/0f8b7a1e-3c2d-4e5f-9a8b-7c6d5e4f3a2b', nav)).toBe('cases');
  });

  it('does not offer registration to a unit liaison', () => {
    const nav = buildNav({ permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.handle', 'cases.export'], enabledPlugins: [], pluginModules: [] });
    expect(keys(nav)).toEqual(['home', 'inbox', 'cases', 'caseDashboard', 'instruments', 'meetings', 'orgs', 'users', 'calendar']);
  });

  it('groups the supervision pages with the case pages, by permission', () => {
    const supervisor = buildNav({
      permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.register', 'cases.assign', 'cases.urge', 'supervision.instruments', 'supervision.powers', 'supervision.meetings'],
      enabledPlugins: [],
      pluginModules: [],
    });
    const cases = supervisor.find((s) => s.key === 'cases')!;
    expect(cases.items.map((i) => i.label)).toEqual(['事项台账', '登记事项', '督办看板', '监督文书', '协调会', '通报']);
    expect(activeNavKey('/supervision/instruments/0f8b7a1e-3c2d-4e5f-9a8b-7c6d5e4f3a2b', supervisor)).toBe('instruments');
    expect(activeNavKey('/supervision/meetings/new', supervisor)).toBe('meetings');

    const leader = buildNav({ permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.approve', 'supervision.sign'], enabledPlugins: [], pluginModules: [] });
    expect(keys(leader)).toEqual(['home', 'inbox', 'cases', 'caseDashboard', 'instruments', 'meetings', 'bulletin', 'orgs', 'users', 'calendar']);
  });

  it('gives the holder of system.events the event delivery page under 系统管理', () => {
    const nav = buildNav({ permissions: ['orgs.read', 'users.read', 'system.modules', 'system.events'], enabledPlugins: [], pluginModules: [] });
    expect(keys(nav)).toEqual(['home', 'orgs', 'users', 'modules', 'events']);
    expect(activeNavKey('/events', nav)).toBe('events');
  });

  it('gives the system administrator the working calendar', () => {
    const nav = buildNav({ permissions: ['orgs.read', 'users.read', 'orgs.manage', 'users.manage', 'system.modules', 'calendar.manage'], enabledPlugins: [], pluginModules: [] });
    expect(keys(nav)).toEqual(['home', 'orgs', 'users', 'passwordResets', 'modules', 'calendar']);
  });
});

describe('pageAccess', () => {
  const liaison = ['orgs.read', 'users.read', 'cases.read', 'cases.handle', 'cases.export'];
  const access = (pathname: string, permissions: string[], enabledPlugins: { id: string }[] = []) => pageAccess({ pathname, permissions, enabledPlugins, pluginModules: [petitions] });

  it("refuses a unit's liaison the role editor typed into the address bar, naming the page", () => {
    expect(access('/roles', liaison)).toEqual({ allowed: false, page: '角色权限' });
  });

  it('refuses the audit log and the case registration form to a liaison, and lets them open their cases', () => {
    expect(access('/audit', liaison)).toEqual({ allowed: false, page: '审计日志' });
    expect(access('/cases/new', liaison)).toEqual({ allowed: false, page: '登记事项' });
    expect(access('/cases/00000000-0000-4000-8000-000000000000', liaison)).toEqual({ allowed: true });
    expect(access('/', liaison)).toEqual({ allowed: true });
  });

  it('refuses a liaison the form that schedules a meeting, while they may open the meetings they are invited to', () => {
    expect(access('/supervision/meetings/new', liaison)).toEqual({ allowed: false, page: '安排协调会' });
    expect(access('/supervision/meetings', liaison)).toEqual({ allowed: true });
  });

  it("lets everyone open their own pages that no menu entry covers, such as changing one's password", () => {
    expect(access('/account/password', [])).toEqual({ allowed: true });
  });

  it("judges an enabled plugin's page by its menu entry's permissions", () => {
    expect(access('/petitions/supervise', ['users.read'], [{ id: 'petitions' }])).toEqual({ allowed: false, page: '督办' });
    expect(access('/petitions/supervise', ['petitions.supervise'], [{ id: 'petitions' }])).toEqual({ allowed: true });
    expect(access('/petitions', ['users.read'], [{ id: 'petitions' }])).toEqual({ allowed: true });
  });
});
