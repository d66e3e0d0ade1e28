import { Tag } from 'antd';
import { uiStrings } from './strings.js';

/** Tag colours of the case statuses: grey before approval, blue while a unit works, green when done. */
export const caseStatusColors: Record<string, string> = {
  registered: 'default',
  pending_approval: 'gold',
  approved: 'cyan',
  assigned: 'blue',
  in_progress: 'processing',
  submitted: 'purple',
  closed: 'success',
  archived: 'default',
};

/** Tag colours of the urgency classes: 一般件, 急件, 特急件. */
export const urgencyColors: Record<string, string> = { normal: 'default', urgent: 'orange', critical: 'red' };

export function caseStatusColor(status: string): string {
  return caseStatusColors[status] ?? 'default';
}

export function urgencyColor(urgency: string): string {
  return urgencyColors[urgency] ?? 'default';
}

/** A case's status, e.g. 办理中; the label is the kernel's Chinese name. */
export function CaseStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={caseStatusColor(status)} data-status={status}>
      {label}
    </Tag>
  );
}

/** A case's urgency class, e.g. 特急件. */
export function UrgencyTag({ urgency, label }: { urgency: string; label: string }) {
  return (
    <Tag color={urgencyColor(urgency)} data-urgency={urgency}>
      {label}
    </Tag>
  );
}

/** The red 超期 tag of a case past its deadline. */
export function OverdueTag({ label = uiStrings.case.overdue }: { label?: string }) {
  return <Tag color="error">{label}</Tag>;
}

/** 重点 of a key case. */
export function KeyCaseTag() {
  return <Tag color="volcano">{uiStrings.case.key}</Tag>;
}
