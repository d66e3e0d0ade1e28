// The kernel's permissions, its built-in roles, and the separation of the three
// administrators (三员分立): system, security and audit powers never meet in one role
// or one user.
import type { PermissionDefinition } from '@zhengfa/plugin-api';
import { kernelStrings } from './strings.js';

const g = kernelStrings.permissionGroups;

export const kernelPermissions: PermissionDefinition[] = [
  { key: 'orgs.read', name: '查看组织机构', group: g.basic },
  { key: 'users.read', name: '查看用户', group: g.basic },
  { key: 'orgs.manage', name: '管理组织机构', group: g.system },
  { key: 'users.manage', name: '管理用户账号', group: g.system },
  { key: 'system.modules', name: '管理功能模块', group: g.system },
  { key: 'system.events', name: '查看与重新投递事件', group: g.system },
  { key: 'calendar.manage', name: '维护工作日历', group: g.system },
  { key: 'roles.manage', name: '管理角色与权限', group: g.security },
  { key: 'roles.assign', name: '分配角色', group: g.security },
  { key: 'security.manage', name: '解锁账号与安全策略', group: g.security },
  { key: 'audit.read', name: '查看审计日志', group: g.audit },
  { key: 'audit.countersign', name: '会签安全管理员密码重置', group: g.audit },
  { key: 'cases.read', name: '查看事项与台账', group: g.cases },
  { key: 'cases.register', name: '登记事项', group: g.cases },
  { key: 'cases.approve', name: '立项审批', group: g.cases },
  { key: 'cases.assign', name: '交办与转办', group: g.cases },
  { key: 'cases.urge', name: '督办与调度', group: g.cases },
  { key: 'cases.handle', name: '签收与报送办理结果', group: g.cases },
  { key: 'cases.review', name: '审核办理结果', group: g.cases },
  { key: 'cases.archive', name: '归档', group: g.cases },
  { key: 'cases.reveal', name: '查看当事人完整个人信息', group: g.cases },
  { key: 'cases.export', name: '导出台账', group: g.cases },
  { key: 'supervision.instruments', name: '起草和发出监督文书', group: g.supervision },
  { key: 'supervision.sign', name: '领导签批', group: g.supervision },
  { key: 'supervision.powers', name: '记录监督权力行使', group: g.supervision },
  { key: 'supervision.meetings', name: '组织案（事）件协调会', group: g.supervision },
];

/** The powers of the three separated administrators; no role or user may hold two. */
export const adminDuties = {
  system: { name: '系统管理员', permissions: ['orgs.manage', 'users.manage', 'system.modules', 'system.events', 'calendar.manage'] },
  security: { name: '安全管理员', permissions: ['roles.manage', 'roles.assign', 'security.manage'] },
  audit: { name: '审计管理员', permissions: ['audit.read', 'audit.countersign'] },
} as const;

export type AdminDuty = keyof typeof adminDuties;

/** The admin duties a permission set touches. */
export function dutiesOf(permissions: Iterable<string>): AdminDuty[] {
  const set = new Set(permissions);
  return (Object.keys(adminDuties) as AdminDuty[]).filter((d) =>
    adminDuties[d].permissions.some((p) => set.has(p)),
  );
}

/**
 * Permissions every account may hold whatever its duties: reading the organisation tree and
 * the list of users. Every other permission outside the three duties is business work.
 */
export const neutralPermissions: readonly string[] = ['orgs.read', 'users.read'];

const dutyPermissions = new Set<string>(Object.values(adminDuties).flatMap((d) => d.permissions));

/** The business permissions among `permissions` (neither an admin duty nor neutral), sorted. */
export function businessPermissionsOf(permissions: Iterable<string>): string[] {
  return [...new Set(permissions)].filter((p) => !dutyPermissions.has(p) && !neutralPermissions.includes(p)).sort();
}

function kernelPermissionName(key: string): string {
  return kernelPermissions.find((p) => p.key === key)?.name ?? key;
}

/**
 * Returns a Chinese message when the permissions break the separation of duties, else null:
 * two admin duties together, or an admin duty together with business work (the security
 * administrator who could grant itself the supervision office's role, an auditor who is
 * also a leader). `nameOf` names a permission in the message (plugin permissions are named
 * by the plugin host); kernel permissions are named without it.
 */
export function separationViolation(permissions: Iterable<string>, nameOf: (key: string) => string = kernelPermissionName): string | null {
  const list = [...permissions];
  const duties = dutiesOf(list);
  if (duties.length === 0) return null;
  if (duties.length > 1) return kernelStrings.roles.separationOfDuties(adminDuties[duties[0]!].name, adminDuties[duties[1]!].name);
  const business = businessPermissionsOf(list);
  if (business.length === 0) return null;
  return kernelStrings.roles.dutyWithBusiness(adminDuties[duties[0]!].name, nameOf(business[0]!));
}

/**
 * The permissions a principal may use: all of its roles' permissions, or none when they
 * break the separation of duties together. The assignment paths refuse such a combination;
 * this is the second wall, for one made behind the product (an operator's SQL, a role
 * edited before the rule existed): the account keeps its session and may change its
 * password, and every permission check refuses it until the security administrator
 * corrects its roles.
 */
export function separatedPermissions(permissions: readonly string[]): string[] {
  return separationViolation(permissions) ? [] : [...permissions];
}

export interface BuiltinRole {
  key: string;
  name: string;
  description: string;
  /** Kernel permissions; plugin permissions come from each permission's `defaultRoles`. */
  permissions: string[];
}

export const builtinRoles: BuiltinRole[] = [
  {
    key: 'sysadmin',
    name: '系统管理员',
    description: '管理账号和组织机构，不能分配权限，不能查看审计日志',
    permissions: ['orgs.read', 'users.read', ...adminDuties.system.permissions],
  },
  {
    key: 'secadmin',
    name: '安全管理员',
    description: '管理角色、权限和安全策略，解锁账号，不能管理账号和组织',
    permissions: ['orgs.read', 'users.read', ...adminDuties.security.permissions],
  },
  {
    key: 'auditor',
    name: '审计管理员',
    description: '查看和校验审计日志，会签安全管理员的密码重置，不能做其他管理操作',
    permissions: ['orgs.read', 'users.read', ...adminDuties.audit.permissions],
  },
  {
    key: 'leader',
    name: '政法委领导',
    description: '审阅、签批，查看全县事项',
    permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.approve', 'cases.review', 'cases.reveal', 'cases.export', 'supervision.sign'],
  },
  {
    key: 'supervisor',
    name: '执法监督室',
    description: '登记、交办、督办、审核事项',
    permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.register', 'cases.assign', 'cases.urge', 'cases.review', 'cases.archive', 'cases.reveal', 'cases.export', 'supervision.instruments', 'supervision.powers', 'supervision.meetings'],
  },
  {
    key: 'liaison',
    name: '单位联络员',
    description: '签收本单位的交办事项并报送办理结果',
    permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.handle', 'cases.export'],
  },
];

/** Plugin permissions a built-in role receives by default: those declaring it in `defaultRoles`. */
export function defaultPluginPermissions(role: BuiltinRole, pluginPermissions: PermissionDefinition[]): string[] {
  return pluginPermissions.filter((p) => (p.defaultRoles as readonly string[] | undefined)?.includes(role.key)).map((p) => p.key);
}
