// The petitions plugin (信访接待): the server entry.
import { definePlugin } from '@zhengfa/plugin-api';
import pkg from '../../package.json' with { type: 'json' };
import { PETITION_CASE_KIND, PETITIONS_PLUGIN_ID, petitionEventSchemas } from '../contract.js';
import { purgeExpiredImports } from './imports/service.js';
import { mediationSubscriptions } from './matters/mediation.js';
import { petitionsSealedColumns, rekeyAccusationGrams } from './matters/sealing.js';
import { migrations } from './migrations/index.js';
import { kernelAccess, permissions } from './permissions.js';
import { router } from './router.js';
import { petitionTodos } from './todos/todos.js';
import { petitionsDemo } from './demo.js';

export default definePlugin({
  id: PETITIONS_PLUGIN_ID,
  name: '信访接待',
  version: pkg.version,
  kernel: pkg.zhengfa.kernel,
  description: '来信来访登记、首接负责、分级负责归口办理、重复信访、法定期限与告知书、统计与导入',
  permissions,
  kernelAccess,
  caseKinds: [
    {
      key: PETITION_CASE_KIND,
      name: '信访事项',
      docWord: '访',
      // The petition office routes directly (分级负责、归口办理): no 立项审批 step.
      skipApproval: true,
      clocks: [
        // 信访工作条例 (2022): register and route within 15 days of receipt.
        { key: 'route', name: '登记转送期限', days: 15, unit: 'natural', startsAt: 'register' },
        // The receiving unit confirms receipt within 15 days …
        { key: 'receipt', name: '受理告知期限', days: 15, unit: 'natural', startsAt: 'assign' },
        // … may object to a wrong assignment within 5 working days …
        { key: 'objection', name: '异议期限', days: 5, unit: 'working', startsAt: 'assign' },
        // … and handles it within 60 days, extendable once by up to 30 with approval.
        { key: 'handle', name: '办理期限', days: 60, unit: 'natural', maxExtensionDays: 30, startsAt: 'assign' },
      ],
    },
  ],
  migrations,
  // Sealed with ctx.vault; `pnpm zhengfa rotate-key` re-seals them under a new data key.
  sealed: petitionsSealedColumns,
  afterKeyRotation: rekeyAccusationGrams,
  // Its SQL still joins the kernel's cases and organisations directly (read only, and only
  // the acting county's rows); everything else of the kernel it reaches through ctx.kernel.
  kernelReads: ['cases', 'orgs'],
  // A refused public look-up of a code still counts the attempt: the rate limit of wrong guesses.
  writesOnRefusal: { lookup_attempts: 'every public look-up of a code is counted, refused or not (the rate limit of wrong guesses)' },
  router,
  // The events it emits, published in ./contract.
  events: petitionEventSchemas,
  // The mediation center's report on a referred matter (访调对接); never called where the
  // mediation plugin is not installed, or is switched off for the county.
  subscriptions: mediationSubscriptions,
  // A dry run's kept rows (personal data) go when they expire unconfirmed.
  jobs: [{ name: 'purge-expired-imports', everySeconds: 3600, run: async (ctx) => void (await purgeExpiredImports(ctx)) }],
  // The workbench's to-dos: matters waiting to be routed, accepted, answered or concluded by this user.
  todos: petitionTodos,
  demo: petitionsDemo,
});
