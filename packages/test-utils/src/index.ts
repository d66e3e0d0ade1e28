export { describeEachEngine, availableEngines, type TestEngine } from './engines.js';
export { startTestKernel, type TestKernel, type ActingUser, type Caller, type StartOptions } from './test-kernel.js';
export { createNotesPlugin, inDays, orgIdByName, registerAndAssign, userIdByName } from './fixtures/index.js';
