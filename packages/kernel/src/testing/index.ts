// @zhengfa/kernel/testing: the kernel's test harness — a migrated kernel on a fresh database of
// each engine (startTestKernel, describeEachEngine), a controllable clock, the test vault, and
// fixtures that act as the demo county's users through the real procedures. The kernel's own
// tests use it; @zhengfa/test-utils re-exports it for plugins and the server, with the plugin
// contract suite and the fuzzer. It lives here so the kernel's tests depend on nothing above it.
export { describeEachEngine, availableEngines, onPostgres, postgresRequired, type TestEngine } from './engines.js';
export { startTestKernel, type TestKernel, type ActingUser, type Caller, type StartOptions } from './test-kernel.js';
export { createTestClock, type TestClock } from './test-clock.js';
export { writeProbeSummary } from './probe-summary.js';
export { dataKeyId, rotateTestKey, TEST_DATA_KEY, testVault, vaultStrings, type Rotation } from './vault.js';
export { createNotesPlugin, type NotesPluginOptions } from './fixtures/notes-plugin.js';
export { addUserWithPermissions, type NewUserSpec } from './fixtures/users.js';
export { inDays, orgIdByName, registerAndAssign, userIdByName } from './fixtures/cases.js';
export { procedureContext } from './fixtures/procedure-context.js';
