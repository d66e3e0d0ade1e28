// What each workflow action asks for in its dialog, and how the timeline names events.
// Pure, so it is unit tested; the names come from the kernel (cases.vocab), never a copy.
import type { CaseAction } from '@zhengfa/kernel';

export interface ActionForm {
  /** The comment field: none, optional, or a required reason. */
  comment: 'optional' | 'required' | 'progress';
  /** transfer: the new lead unit. */
  unit?: boolean;
  /** submitResult: the result report (and, for key cases, the six clarities). */
  report?: boolean;
  /** Attachments may go with this step. */
  attachments?: boolean;
  danger?: boolean;
  primary?: boolean;
}

export const actionForms: Record<CaseAction, ActionForm> = {
  submitForApproval: { comment: 'optional', primary: true },
  approve: { comment: 'optional', primary: true },
  assign: { comment: 'optional', primary: true },
  acknowledge: { comment: 'optional', primary: true },
  reportProgress: { comment: 'progress', attachments: true },
  transfer: { comment: 'required', unit: true },
  submitResult: { comment: 'optional', report: true, attachments: true, primary: true },
  review: { comment: 'optional', primary: true },
  returnForRework: { comment: 'required', danger: true },
  withdraw: { comment: 'required', danger: true },
  archive: { comment: 'optional' },
  reopen: { comment: 'required' },
};

/** The order buttons appear in: the main step first, then the others. */
const order: CaseAction[] = ['submitForApproval', 'approve', 'assign', 'acknowledge', 'submitResult', 'review', 'reportProgress', 'transfer', 'returnForRework', 'withdraw', 'archive', 'reopen'];

/** The allowed actions the kernel returned, known ones only, in display order. */
export function orderedActions(allowed: readonly string[]): CaseAction[] {
  return order.filter((a) => allowed.includes(a));
}

/** The kernel's names of actions and event types (the `actions` and `events` of cases.vocab). */
export interface CaseVocabNames {
  actions: Record<string, string>;
  events: Record<string, string>;
}

/** What a workflow button says; an action the kernel does not name keeps its code. */
export function actionLabel(action: string, vocab: CaseVocabNames): string {
  return vocab.actions[action] ?? action;
}

/** The Chinese name of a timeline event type; unknown types keep their code. */
export function eventLabel(type: string, vocab: CaseVocabNames): string {
  return vocab.events[type] ?? type;
}

export const sixClarityKeys = ['parties', 'facts', 'originalHandling', 'complaintReason', 'currentSituation', 'proposedHandling'] as const;
export type SixClarityKey = (typeof sixClarityKeys)[number];

/** Drops empty answers so an untouched field does not overwrite a stored one. */
export function filledClarities(values: Partial<Record<string, string | undefined>> | undefined): Partial<Record<SixClarityKey, string>> {
  const out: Partial<Record<SixClarityKey, string>> = {};
  for (const k of sixClarityKeys) {
    const v = values?.[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** A byte count as 1.2 MB / 34 KB / 512 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
