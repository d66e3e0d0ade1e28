export { findUnreleasedPackages, lastVersionCommit, changedFilesSince, type UnreleasedPackage } from './release-check.js';
export { syncKernelRanges, type RangeChange } from './sync-kernel-ranges.js';
export { workspacePackages, isPlugin, type WorkspacePackage } from './workspace.js';
