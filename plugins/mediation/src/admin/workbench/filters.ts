// The disputes list's filters read from its URL: the ones its own form sets (status, triage
// overdue, search) and the ones the to-dos' and workbench's links set (?due=, ?mediationDue=),
// with the label of the latter shown above the list.
import { dueFilterLabels, mediationDueLabels, workbench } from '../strings.js';

const receivedLabel = (day: string) => workbench.receivedOn(day);

const dues = ['confirmation', 'confirmation-overdue', 'follow-up'] as const;
const mediationDues = ['soon', 'overdue'] as const;
const statuses = ['registered', 'mediating', 'handed_off', 'guided', 'returned', 'declined', 'withdrawn', 'escalated', 'terminated', 'agreed', 'closed'] as const;

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((x) => x === value);

export interface ListFilters {
  input: {
    status?: (typeof statuses)[number];
    overdue?: boolean;
    search?: string;
    due?: (typeof dues)[number];
    mediationDue?: (typeof mediationDues)[number];
  };
  /** Only the disputes received on this day (the workbench's 今日受理), applied to the list's rows. */
  receivedOn: string | null;
  /** What a link (to-do, workbench) filtered by, to show above the list; null for the form's own filters. */
  label: string | null;
}

export function listFilters(params: URLSearchParams): ListFilters {
  const input: ListFilters['input'] = {};
  const status = pick(statuses, params.get('status'));
  if (status) input.status = status;
  if (params.get('overdue') === '1') input.overdue = true;
  const search = params.get('q')?.trim().slice(0, 100);
  if (search) input.search = search;
  const due = pick(dues, params.get('due'));
  if (due) input.due = due;
  const mediationDue = pick(mediationDues, params.get('mediationDue'));
  if (mediationDue) input.mediationDue = mediationDue;
  const label = due ? dueFilterLabels[due]! : mediationDue ? mediationDueLabels[mediationDue]! : null;
  const receivedOn = params.get('receivedOn');
  const day = receivedOn && /^\d{4}-\d{2}-\d{2}$/.test(receivedOn) ? receivedOn : null;
  return { input, receivedOn: day, label: label ?? (day ? receivedLabel(day) : null) };
}
