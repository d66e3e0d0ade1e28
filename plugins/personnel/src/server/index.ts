// The 教育培训与纪律作风 plugin: the server entry (default export: the plugin).
import { definePlugin } from '@zhengfa/plugin-api';
import pkg from '../../package.json' with { type: 'json' };
import { PERSONNEL_PLUGIN_ID } from '../contract.js';
import * as m0001 from './migrations/0001_personnel.js';
import * as m0002 from './migrations/0002_personnel_training.js';
import * as m0004 from './migrations/0004_personnel_inspection_findings.js';
import * as m0005 from './migrations/0005_personnel_sealed_discipline.js';
import * as m0006 from './migrations/0006_personnel_unit_aliases.js';
import { disciplineKernelAccess, disciplinePermissions, disciplineRouter, disciplineTodos, m0003 } from './discipline-router.js';
import { kernelAccess, permissions } from './permissions.js';
import { router as registryAndTrainingRouter } from './router.js';
import { personnelSealedColumns } from './sealing.js';
import { strings as s } from './strings.js';
import { trainingTodos } from './training/todos.js';
import { FINDING_ATTRIBUTED, receiveFindingAttributed } from './file/inspection-findings.js';

/** trpc.personnel.*: the registry, its import and training; 三个规定, clues, sanctions, commendations and the file. */
export const router = { ...registryAndTrainingRouter, ...disciplineRouter };

export default definePlugin({
  id: PERSONNEL_PLUGIN_ID,
  name: s.name,
  version: pkg.version,
  kernel: pkg.zhengfa.kernel,
  description: s.description,
  permissions: [...permissions, ...disciplinePermissions],
  kernelAccess: { ...kernelAccess, ...disciplineKernelAccess },
  migrations: {
    '0001_personnel': m0001, '0002_personnel_training': m0002, '0003_personnel_discipline': m0003, '0004_personnel_inspection_findings': m0004, '0005_personnel_sealed_discipline': m0005,
    '0006_personnel_unit_aliases': m0006,
  },
  // Sealed with ctx.vault; `pnpm zhengfa rotate-key` re-seals them under a new data key.
  sealed: personnelSealedColumns,
  router,
  // The inspections plugin's findings attributed to an officer, for the law-enforcement file.
  subscriptions: { [FINDING_ATTRIBUTED]: receiveFindingAttributed },
  // Sessions held today and, after each checkpoint, the units with officers behind; reports
  // due, clue deadlines and the sanctions' effect periods ending.
  todos: async (ctx) => [...(await trainingTodos(ctx)), ...(await disciplineTodos(ctx))],
});
