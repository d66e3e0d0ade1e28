import { Tag } from 'antd';

/**
 * Tag colours of the supervision instruments' statuses: grey while drafted, gold while a
 * leader signs, blue while the unit answers, green when the answer is accepted, red when not.
 */
export const instrumentStatusColors: Record<string, string> = {
  draft: 'default',
  pending_signoff: 'gold',
  issued: 'blue',
  acknowledged: 'processing',
  answered: 'purple',
  accepted: 'success',
  rejected: 'error',
};

/** Tag colours of the coordination meetings' statuses. */
export const meetingStatusColors: Record<string, string> = { scheduled: 'blue', held: 'processing', consensus: 'success', escalated: 'warning' };

export function instrumentStatusColor(status: string): string {
  return instrumentStatusColors[status] ?? 'default';
}

export function meetingStatusColor(status: string): string {
  return meetingStatusColors[status] ?? 'default';
}

/** A supervision instrument's status, e.g. 待签批; the label is the kernel's Chinese name. */
export function InstrumentStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={instrumentStatusColor(status)} data-status={status}>
      {label}
    </Tag>
  );
}

/** A coordination meeting's status, e.g. 达成一致. */
export function MeetingStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={meetingStatusColor(status)} data-status={status}>
      {label}
    </Tag>
  );
}
