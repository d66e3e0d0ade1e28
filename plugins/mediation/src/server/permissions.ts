// The plugin's permissions with their role defaults, and the kernel operations each allows.
import type { KernelOperation, PluginDefinition } from '@zhengfa/plugin-api';
import { DISPUTE_CASE_KIND } from '../ids.js';
import { strings as s } from './strings.js';

// Revealing the parties' full ID numbers and phones goes to no role by default: the security
// administrator grants it through a county role.
export const permissions: NonNullable<PluginDefinition['permissions']> = [
  { key: 'mediation.read', name: s.permissions.read, defaultRoles: ['leader', 'supervisor'] },
  { key: 'mediation.intake', name: s.permissions.intake, defaultRoles: ['supervisor'] },
  { key: 'mediation.triage', name: s.permissions.triage, defaultRoles: ['supervisor'] },
  { key: 'mediation.roster', name: s.permissions.roster, defaultRoles: ['supervisor'] },
  { key: 'mediation.outcomes', name: s.permissions.outcomes, defaultRoles: ['supervisor'] },
  // Sensitive: granted by the security administrator through a role of the county's own.
  { key: 'mediation.reveal', name: s.permissions.reveal, defaultRoles: [] },
  { key: 'mediation.settings', name: s.permissions.settings, defaultRoles: ['leader'] },
  { key: 'mediation.mediate', name: s.permissions.mediate, defaultRoles: ['supervisor'] },
  { key: 'mediation.escalate', name: s.permissions.escalate, defaultRoles: ['supervisor'] },
  { key: 'mediation.stats', name: s.permissions.stats, defaultRoles: ['leader', 'supervisor'] },
];

const D = DISPUTE_CASE_KIND;

/**
 * The kernel operations (ctx.kernel) each permission's procedures call; any other call is
 * refused. The triage deadline counts working days on the county's calendar (and the end of
 * the confirmation period moves off a holiday); escalation
 * registers the dispute's kernel case and sets its four fixes in one step.
 */
export const kernelAccess: Partial<Record<string, readonly KernelOperation[]>> = {
  'mediation.intake': ['calendar.read'],
  // The end of the judicial confirmation period is moved off a holiday.
  'mediation.outcomes': ['calendar.read'],
  'mediation.escalate': ['orgs.list', 'users.find', `cases.read:${D}`, `cases.register:${D}`, `cases.assign:${D}`],
};
