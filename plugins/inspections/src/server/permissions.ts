// The plugin's permissions with their role defaults, and the kernel operations each allows.
import type { PluginDefinition } from '@zhengfa/plugin-api';
import { RECHECK_CASE_KIND, RECTIFICATION_CASE_KIND } from '../ids.js';
import { strings as s } from './strings.js';

export const permissions: NonNullable<PluginDefinition['permissions']> = [
  { key: 'inspections.manage', name: s.permissions.manage, defaultRoles: ['leader', 'supervisor'] },
  { key: 'inspections.review', name: s.permissions.review, defaultRoles: ['supervisor'] },
  { key: 'inspections.unit', name: s.permissions.unit, defaultRoles: ['liaison'] },
  // Who a problem is attributed to is a personnel matter: no role holds it by default.
  { key: 'inspections.personnel', name: s.permissions.personnel, defaultRoles: [] },
];

const R = RECTIFICATION_CASE_KIND;
const C = RECHECK_CASE_KIND;

/**
 * Units are kernel organisations (orgs.list); staff members are kernel users (users.find);
 * the objection window counts the county's working days (calendar.read); an overdue problem
 * becomes a supervised kernel matter with its four fixes, a wrongly handled case a 督促复查.
 */
export const kernelAccess: NonNullable<PluginDefinition['kernelAccess']> = {
  'inspections.manage': ['orgs.list', 'users.find', 'calendar.read', `cases.read:${R}`, `cases.register:${R}`, `cases.assign:${R}`, `cases.read:${C}`, `cases.register:${C}`],
  'inspections.unit': ['orgs.list', 'calendar.read'],
};
