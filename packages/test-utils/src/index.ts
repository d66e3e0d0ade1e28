export { describeEachEngine, availableEngines, onPostgres, postgresRequired, type TestEngine } from './engines.js';
export { startTestKernel, type TestKernel, type ActingUser, type Caller, type StartOptions } from './test-kernel.js';
export { writeProbeSummary } from './probe-summary.js';
export { addUserWithPermissions, createNotesPlugin, inDays, orgIdByName, registerAndAssign, userIdByName, type NewUserSpec } from './fixtures/index.js';
