import type { KernelOperation, PermissionDefinition } from '@zhengfa/plugin-api';
import { permissionNames as n } from './strings.js';

// Role defaults: 政法委领导 (leader), 执法监督室 (supervisor), 单位联络员 (liaison). The county's
// political department (政治部) is a role of the county's own, granted personnel.manage; the
// full ID numbers and phones (personnel.reveal) go to no role by default.
export const permissions: PermissionDefinition[] = [
  { key: 'personnel.read', name: n.read, defaultRoles: ['leader', 'supervisor', 'liaison'] },
  { key: 'personnel.manage', name: n.manage, defaultRoles: ['supervisor'] },
  { key: 'personnel.training', name: n.training, defaultRoles: ['supervisor', 'liaison'] },
  { key: 'personnel.reveal', name: n.reveal, defaultRoles: [] },
];

/** Every procedure scopes by the organisations the kernel lists for the user; linking an account finds users. */
export const kernelAccess: Partial<Record<string, readonly KernelOperation[]>> = {
  'personnel.read': ['orgs.list'],
  'personnel.manage': ['orgs.list', 'users.find'],
  'personnel.training': ['orgs.list'],
  'personnel.reveal': ['orgs.list'],
};
