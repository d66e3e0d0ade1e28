export { createKernel, type Kernel, type KernelObserver, type KernelOptions } from './kernel.js';
export { createPluginHost, isCompatible, PluginHostError, type PluginHost, type PluginInfo, type PluginReleaseNotes, type OwnedPermission } from './plugin-host/host.js';
export { createAppRouter, createKernelRouter, type KernelRouter } from './router.js';
export { KERNEL_VERSION } from './version.js';
export { systemClock, type Clock } from './time/clock.js';
export { kernelMigrations } from './migrations/index.js';
export { verifyAuditChain, PLATFORM_TENANT, type ChainVerification, type ChainBreak, type AuditAnchor } from './audit/audit-log.js';
export { auditHeadLine, logAuditHeads } from './audit/anchor.js';
export { SESSION_COOKIE, sessionPolicy } from './auth/sessions.js';
export { isReadMethod } from './context.js';
export { lockoutPolicy } from './auth/lockout.js';
export { passwordPolicy, passwordProblem } from './auth/password.js';
export { builtinRoles, kernelPermissions, adminDuties, separationViolation } from './permissions.js';
export { DEMO_PASSWORD, DEMO_TENANT, demoAccounts } from './seed/demo.js';
export { resetPasswordOnServer, RESET_REQUEST_HOURS, type ServerReset } from './users/password-resets.js';
export { orgKindNames, orgLevelNames, auditActionNames, kernelStrings, vaultStrings } from './strings.js';
export type { KernelDatabase, OrgKind, OrgLevel } from './db/schema.js';
export type { ProvisionInput, ProvisionedAccount } from './tenants/provision.js';
export { deliverEvents, type DeliveryReport, type DeliveryOptions } from './events/outbox.js';
export { runDueJobs, type JobRunReport } from './jobs/scheduler.js';
export { caseStatusNames, urgencyNames, caseSourceNames, caseActionNames } from './strings.js';
// The refusals callers meet, for tests that assert a rule's own message (apps/server's authorization matrix).
export { caseStrings, clockStrings, exportStrings, fileStrings, officialDocStrings, supervisionStrings, workbenchStrings } from './strings.js';
export { attachmentPolicy } from './files/attachments.js';
export { writeLedgerXlsx } from './cases/export.js';
export type { CaseStatus, CaseAction } from './cases/lifecycle.js';
export { assignmentNoticeDocx, urgingLetterDocx, instrumentDocx, opinionDocx, bulletinDocx, type RenderedDocument } from './official-docs/assemble.js';
export {
  createVault,
  keyIdOf,
  keyFilePath,
  loadOrCreateKeyFile,
  parseDataKey,
  readKeyFile,
  writeKeyFile,
  VaultError,
  type KernelVault,
  type RotationReport,
} from './vault/index.js';
