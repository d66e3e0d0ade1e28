// The permissions of the conduct and discipline part. Discipline records and the full
// law-enforcement file are the most sensitive data of the product: they go to no built-in
// role; the security administrator grants them to the discipline staff and the political
// department through the county's own roles.
import type { KernelOperation, PermissionDefinition } from '@zhengfa/plugin-api';
import { disciplinePermissionNames as n } from './discipline-strings.js';

export const disciplinePermissions: PermissionDefinition[] = [
  { key: 'personnel.discipline', name: n.discipline, defaultRoles: [] },
  { key: 'personnel.files', name: n.files, defaultRoles: [] },
  { key: 'personnel.commendations', name: n.commendations, defaultRoles: ['leader', 'supervisor'] },
  { key: 'personnel.conduct_report', name: n.conductReport, defaultRoles: ['liaison'] },
  { key: 'personnel.conduct_summary', name: n.conductSummary, defaultRoles: ['leader', 'supervisor'] },
];

/** The kernel operations (ctx.kernel) each of these permissions' procedures call. */
export const disciplineKernelAccess: Partial<Record<string, readonly KernelOperation[]>> = {
  'personnel.discipline': ['orgs.list', 'users.find'],
  'personnel.files': ['orgs.list'],
  'personnel.commendations': ['orgs.list'],
  'personnel.conduct_report': ['orgs.list'],
  'personnel.conduct_summary': ['orgs.list'],
};
