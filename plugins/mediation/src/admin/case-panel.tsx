// The panel on the kernel's case page for a matter escalated from a dispute: its code, its
// status and a link to the dispute.
import { Link } from '@remix-run/react';
import { Descriptions } from 'antd';
import { casePanelStrings as s, disputeStatusLabels } from './strings.js';

export interface DisputeCaseData {
  id: string;
  code: string;
  status: string;
}

export function DisputeCasePanel({ data }: { data: DisputeCaseData }) {
  return (
    <Descriptions size="small" column={1} data-testid="mediation-case-panel">
      <Descriptions.Item label={s.code}>{data.code}</Descriptions.Item>
      <Descriptions.Item label={s.status}>{disputeStatusLabels[data.status] ?? data.status}</Descriptions.Item>
      <Descriptions.Item label={s.open}>
        <Link to={`/mediation/${data.id}`}>{data.code}</Link>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The dispute a kernel case came from, among the escalated disputes; null when none. */
export function disputeOfCase(rows: readonly { id: string; code: string; status: string; kernelCaseId: string | null }[], caseId: string): DisputeCaseData | null {
  const d = rows.find((r) => r.kernelCaseId === caseId);
  return d ? { id: d.id, code: d.code, status: d.status } : null;
}
