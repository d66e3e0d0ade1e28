// The case lifecycle: 登记 → 待审批 → 已立项 → 已交办 → 办理中 → 已报结 → 已办结 → 已归档,
// with 退回重办, 转办 and reopening. A pure table, so every transition and refusal is
// testable without a database; the service applies it in a transaction.
import { CASE_ACTIONS } from '@zhengfa/plugin-api';

export const caseStatuses = ['registered', 'pending_approval', 'approved', 'assigned', 'in_progress', 'submitted', 'closed', 'archived'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

// The actions are published with the kernel's events (kernel.case.<action>), in the plugin API.
export const caseActions = CASE_ACTIONS;
export type CaseAction = (typeof caseActions)[number];

interface Transition {
  from: readonly CaseStatus[];
  /** null: the status does not change (an event only). */
  to: CaseStatus | null;
  permission: string;
  /** Only the lead unit (or a unit below it) may take this action. */
  byLeadUnit?: boolean;
}

export const transitions: Record<CaseAction, Transition> = {
  submitForApproval: { from: ['registered'], to: 'pending_approval', permission: 'cases.register' },
  approve: { from: ['pending_approval'], to: 'approved', permission: 'cases.approve' },
  assign: { from: ['approved'], to: 'assigned', permission: 'cases.assign' },
  acknowledge: { from: ['assigned'], to: 'in_progress', permission: 'cases.handle', byLeadUnit: true },
  reportProgress: { from: ['in_progress'], to: null, permission: 'cases.handle', byLeadUnit: true },
  transfer: { from: ['assigned', 'in_progress'], to: 'assigned', permission: 'cases.assign' },
  submitResult: { from: ['in_progress'], to: 'submitted', permission: 'cases.handle', byLeadUnit: true },
  review: { from: ['submitted'], to: 'closed', permission: 'cases.review' },
  returnForRework: { from: ['submitted'], to: 'in_progress', permission: 'cases.review' },
  // 撤销: closes a case never assigned (not accepted for supervision, written off, merged).
  withdraw: { from: ['registered', 'pending_approval', 'approved'], to: 'closed', permission: 'cases.register' },
  archive: { from: ['closed'], to: 'archived', permission: 'cases.archive' },
  reopen: { from: ['closed', 'archived'], to: 'in_progress', permission: 'cases.review' },
};

/** Statuses in which the unit is working and the supervision cadence runs. */
export const openStatuses: readonly CaseStatus[] = ['assigned', 'in_progress', 'submitted'];
/** Concluded: 已办结 and 已归档. */
export const closedStatuses: readonly CaseStatus[] = ['closed', 'archived'];
/** Statuses a unit can see: from assignment on. */
export const unitVisibleStatuses: readonly CaseStatus[] = ['assigned', 'in_progress', 'submitted', 'closed', 'archived'];
/** Statuses in which the registration details may still be edited. */
export const editableStatuses: readonly CaseStatus[] = ['registered', 'pending_approval', 'approved'];

export function canTransition(action: CaseAction, from: CaseStatus, opts: { skipApproval?: boolean } = {}): boolean {
  if (action === 'assign' && opts.skipApproval && (from === 'registered' || from === 'pending_approval')) return true;
  return transitions[action].from.includes(from);
}

/** The six clarities (六个清楚) a key case must have before its result is reviewed. */
export const sixClarityKeys = ['parties', 'facts', 'originalHandling', 'complaintReason', 'currentSituation', 'proposedHandling'] as const;
export type SixClarityKey = (typeof sixClarityKeys)[number];
export type SixClarities = Partial<Record<SixClarityKey, string>>;

export function missingClarities(c: SixClarities): SixClarityKey[] {
  return sixClarityKeys.filter((k) => !c[k]?.trim());
}

/** The four fixes and one package (四定一包) a case needs before it can be assigned. */
export interface FourFixes {
  leadLeaderId: string | null;
  handlerName: string | null;
  resolutionPlan: string | null;
  deadline: string | null;
  leadUnitId: string | null;
}

export type FourFixKey = keyof FourFixes;

export function missingFourFixes(f: FourFixes): FourFixKey[] {
  return (Object.keys(f) as FourFixKey[]).filter((k) => !f[k] || !String(f[k]).trim());
}
