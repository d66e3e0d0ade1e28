// The conduct and discipline procedures of trpc.personnel.*, spread into the plugin's router
// (index.ts), with what definePlugin needs for them.
import { cluesRouter } from './clues/router.js';
import { assessmentsRouter, commendationsRouter } from './commendations/router.js';
import { conductRouter } from './conduct/router.js';
import { fileRouter } from './file/router.js';
import { accountabilityRouter, sanctionsRouter } from './sanctions/router.js';
import { statisticsRouter } from './statistics/router.js';

export const disciplineRouter = {
  conduct: conductRouter,
  clues: cluesRouter,
  sanctions: sanctionsRouter,
  accountability: accountabilityRouter,
  commendations: commendationsRouter,
  assessments: assessmentsRouter,
  file: fileRouter,
  statistics: statisticsRouter,
};

/**
 * The procedures open to every signed-in user (the contract suite's openToSignedInUsers), with
 * the reason: each acts only on the officer record linked to the caller's own account.
 */
export const disciplineOpenToSignedInUsers: Record<string, string> = {
  'personnel.conduct.record': 'any officer with an account records a 三个规定 record as themselves',
  'personnel.conduct.mine': 'the caller’s own 三个规定 records',
  'personnel.accountability.mine': 'the caller’s own error-case accountability matters',
  'personnel.accountability.defend': 'the statement of defence of the officer concerned (or the discipline staff)',
  'personnel.file.mine': 'the caller’s own law-enforcement file',
  'personnel.file.unitSummary': 'the file summary for the leader of the officer’s unit (checked against the registry)',
};

export { disciplineTodos } from './file/todos.js';
export { disciplineKernelAccess, disciplinePermissions } from './discipline-permissions.js';
export * as m0003 from './migrations/0003_personnel_discipline.js';
