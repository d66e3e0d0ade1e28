// What the officer's own file (我的执法档案) and the political department's view of another
// officer's file (干警执法档案) show alike: the eligibility tag, the training card and the
// sanction columns every level of the file has.
import { Card, Empty, Table, Tag, type TableColumnType } from 'antd';
import { strings } from './strings.js';

const m = strings.myFile;

/** An empty section of the file says so. */
export const emptyFile = { emptyText: <Empty description={m.none} /> };

/** Renders a code by its Chinese name (the code itself when the list has none). */
export const label = (names: Record<string, string>) => (v: string | number) => names[String(v)] ?? String(v);

export function EligibilityTag({ restriction: r, testId }: { restriction: { eligible: boolean; permanent: boolean; until: string | null }; testId: string }) {
  return <span data-testid={testId}>{r.eligible ? <Tag color="green">{m.eligible}</Tag> : <Tag color="red">{r.permanent ? m.permanent : m.until(r.until ?? '')}</Tag>}</span>;
}

interface TrainingPart {
  year: number;
  trainingHours: number;
  trainingSessions: { sessionId: string; courseTitle: string; heldOn: string; classHours: number }[];
}

/** This year's credited hours and the sessions attended. */
export function TrainingCard({ file: f, testId }: { file: TrainingPart; testId: string }) {
  return (
    <Card size="small" title={<span data-testid={testId}>{m.training(f.year, f.trainingHours)}</span>}>
      <Table
        size="small"
        rowKey="sessionId"
        pagination={false}
        dataSource={f.trainingSessions}
        locale={emptyFile}
        columns={[
          { title: m.course, dataIndex: 'courseTitle' },
          { title: m.heldOn, dataIndex: 'heldOn' },
          { title: m.classHours, dataIndex: 'classHours' },
        ]}
      />
    </Card>
  );
}

interface SanctionPart {
  kind: string;
  decidedOn: string;
  effectiveUntil: string | null;
  permanent: boolean;
  inForce: boolean;
}

/** Kind, decision date, end of the effect period, in force; `afterKind` goes after the kind. */
export function sanctionColumns<T extends SanctionPart>(afterKind: TableColumnType<T>[] = []): TableColumnType<T>[] {
  return [
    { title: m.kind, dataIndex: 'kind', render: label(m.kinds) },
    ...afterKind,
    { title: m.decidedOn, dataIndex: 'decidedOn' },
    { title: m.effectiveUntil, dataIndex: 'effectiveUntil', render: (v: string | null, x) => (x.permanent ? m.permanent : (v ?? m.noPeriod)) },
    { title: m.inForce, dataIndex: 'inForce', render: (v: boolean) => (v ? <Tag color="red">{m.inForceYes}</Tag> : <Tag>{m.inForceNo}</Tag>) },
  ];
}
