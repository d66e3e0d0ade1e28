// The 专项检查与案件质量评查 plugin: the server entry (default export: the plugin).
import { definePlugin } from '@zhengfa/plugin-api';
import pkg from '../../package.json' with { type: 'json' };
import { INSPECTIONS_PLUGIN_ID, inspectionsEventSchemas, RECHECK_CASE_KIND, RECTIFICATION_CASE_KIND } from '../contract.js';
import { inspectionsTodos } from './findings/todos.js';
import * as m0001 from './migrations/0001_inspections.js';
import * as m0002 from './migrations/0002_inspections_findings.js';
import * as m0003 from './migrations/0003_inspections_overdue_job.js';
import { overdueJob } from './findings/overdue-job.js';
import { kernelAccess, permissions } from './permissions.js';
import { router } from './router.js';
import { strings as s } from './strings.js';

export default definePlugin({
  id: INSPECTIONS_PLUGIN_ID,
  name: s.name,
  version: pkg.version,
  kernel: pkg.zhengfa.kernel,
  description: s.description,
  permissions,
  migrations: { '0001_inspections': m0001, '0002_inspections_findings': m0002, '0003_inspections_overdue_job': m0003 },
  kernelAccess,
  caseKinds: [
    { key: RECTIFICATION_CASE_KIND, name: s.rectificationKind, docWord: '改' },
    { key: RECHECK_CASE_KIND, name: s.recheckKind, docWord: '查' },
  ],
  router,
  // A problem attributed to a named officer (for the personnel plugin).
  events: inspectionsEventSchemas,
  // Units: problems to rectify; the committee: reports to re-check, overdue problems, objections.
  todos: inspectionsTodos,
  // An overdue problem becomes a supervised kernel matter, registered by the system, once.
  jobs: [overdueJob],
});
export { router } from './router.js';
