export { describeEachEngine, availableEngines, type TestEngine } from './engines.js';
export { startTestKernel, type TestKernel, type ActingUser, type Caller, type StartOptions } from './test-kernel.js';
export { addUserWithPermissions, createNotesPlugin, inDays, orgIdByName, registerAndAssign, userIdByName, type NewUserSpec } from './fixtures/index.js';
