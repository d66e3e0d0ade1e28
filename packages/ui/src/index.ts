export { buildOrgTree, flattenOrgTree, subtreeIds, type FlatOrg, type OrgTreeNode } from './org-tree.js';
export { orgTreeData, type NamedFlatOrg, type OrgTreeDataNode } from './org-tree-data.js';
export { formatDate, formatDateTime, type DateInput } from './format.js';
export { PageHeader, type PageHeaderProps } from './page-header.js';
export { CompatibleTag, EnabledTag, OrgStatusTag, OutcomeTag, UserStatusTags, type AuditOutcome } from './status-tags.js';
export { uiStrings } from './strings.js';
export { CaseStatusTag, caseStatusColor, caseStatusColors, KeyCaseTag, OverdueTag, UrgencyTag, urgencyColor, urgencyColors } from './case-tags.js';
export { InstrumentStatusTag, instrumentStatusColor, instrumentStatusColors, MeetingStatusTag, meetingStatusColor, meetingStatusColors } from './supervision-tags.js';
