// 我的执法档案: the signed-in officer's own law-enforcement file (no reporters, concluded clues only).
import { Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.myFile;

export async function loader(args: RouteArgs) {
  return kit.load(args, (c) => c.personnel.file.mine());
}

export default function MyFilePage() {
  const f = usePageData<typeof loader>();
  const o = f.officer;
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle(o.name, o.unitName ?? '')} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-my-file">
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={strings.columns.officerNo}>{o.officerNo}</Descriptions.Item>
            <Descriptions.Item label={strings.columns.post}>{o.post ?? ''}</Descriptions.Item>
            <Descriptions.Item label={s.eligibility}>
              <span data-testid="my-file-eligibility">{f.restriction.eligible ? <Tag color="green">{s.eligible}</Tag> : <Tag color="red">{f.restriction.permanent ? s.permanent : s.until(f.restriction.until ?? '')}</Tag>}</span>
            </Descriptions.Item>
            <Descriptions.Item label={s.conductCount}>{f.conductRecordCount}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={<span data-testid="my-file-training">{s.training(f.year, f.trainingHours)}</span>}>
          <Table
            size="small"
            rowKey="sessionId"
            pagination={false}
            dataSource={f.trainingSessions}
            locale={{ emptyText: <Empty description={s.none} /> }}
            columns={[
              { title: s.course, dataIndex: 'courseTitle' },
              { title: s.heldOn, dataIndex: 'heldOn' },
              { title: s.classHours, dataIndex: 'classHours' },
            ]}
          />
        </Card>
        <Card size="small" title={s.sanctions} data-testid="my-file-sanctions">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.sanctions}
            locale={{ emptyText: <Empty description={s.none} /> }}
            columns={[
              { title: s.kind, dataIndex: 'kind', render: (v: string) => (s.kinds as Record<string, string>)[v] ?? v },
              { title: s.decidedOn, dataIndex: 'decidedOn' },
              { title: s.effectiveUntil, dataIndex: 'effectiveUntil', render: (v: string | null, r) => (r.permanent ? s.permanent : (v ?? s.noPeriod)) },
              { title: s.inForce, dataIndex: 'inForce', render: (v: boolean) => (v ? <Tag color="red">{s.inForceYes}</Tag> : <Tag>{s.inForceNo}</Tag>) },
            ]}
          />
        </Card>
        <Card size="small" title={s.commendations}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.commendations}
            locale={{ emptyText: <Empty description={s.none} /> }}
            columns={[
              { title: s.commendationTitle, dataIndex: 'title' },
              { title: s.awardedOn, dataIndex: 'awardedOn' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
