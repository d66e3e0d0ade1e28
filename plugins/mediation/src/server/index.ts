// The 联合调处中心 plugin: the server entry (default export: the plugin).
import { definePlugin } from '@zhengfa/plugin-api';
import pkg from '../../package.json' with { type: 'json' };
import { DISPUTE_CASE_KIND, MEDIATION_PLUGIN_ID, mediationEventSchemas } from '../contract.js';
import * as m0001 from './migrations/0001_mediation.js';
import * as m0002 from './migrations/0002_mediation_statuses.js';
import * as m0003 from './migrations/0003_mediation_sessions.js';
import * as m0004 from './migrations/0004_mediation_outcomes.js';
import * as m0005 from './migrations/0005_mediation_public.js';
import * as m0006 from './migrations/0006_mediation_staff.js';
import * as m0007 from './migrations/0007_mediation_obligation_cases.js';
import * as m0008 from './migrations/0008_mediation_receivers_urgings.js';
import { kernelAccess, permissions } from './permissions.js';
import { receiveReferral } from './referrals/subscription.js';
import { router } from './router.js';
import { strings as s } from './strings.js';
import { mediationTodos } from './todos.js';

export default definePlugin({
  id: MEDIATION_PLUGIN_ID,
  name: s.name,
  version: pkg.version,
  kernel: pkg.zhengfa.kernel,
  description: s.description,
  permissions,
  migrations: {
    '0001_mediation': m0001,
    '0002_mediation_statuses': m0002,
    '0003_mediation_sessions': m0003,
    '0004_mediation_outcomes': m0004,
    '0005_mediation_public': m0005,
    '0006_mediation_staff': m0006,
    '0007_mediation_obligation_cases': m0007,
    '0008_mediation_receivers_urgings': m0008,
  },
  // The triage deadline counts working days on the county's calendar (ctx.kernel.calendar), and
  // the end of the judicial confirmation period moves off a holiday; escalation registers a
  // kernel case with its four fixes.
  kernelAccess,
  // A major dispute escalated to the committee's supervision (示政法调〔2026〕1号): assigned
  // after 立项审批 like any supervised matter; its deadline is the four fixes' own.
  caseKinds: [{ key: DISPUTE_CASE_KIND, name: s.caseKindName, docWord: '调' }],
  // Parties' ID numbers and phones are sealed at rest.
  sealed: [
    { table: 'mediation.parties', column: 'id_number', where: 't.id_number is not null' },
    { table: 'mediation.parties', column: 'phone', where: 't.phone is not null' },
  ],
  // A refused public look-up of a code still counts the attempt: the rate limit of wrong guesses.
  writesOnRefusal: { lookup_attempts: 'every public look-up of a code is counted, refused or not (the rate limit of wrong guesses)' },
  router,
  // The events it emits, published in ./contract.
  events: mediationEventSchemas,
  // 访调对接: a petition referred with consent becomes a dispute; never called where the
  // petitions plugin is not installed, or for a county that has this plugin off.
  subscriptions: { 'petitions.referred_to_mediation': receiveReferral },
  todos: mediationTodos,
});
export { router } from './router.js';
