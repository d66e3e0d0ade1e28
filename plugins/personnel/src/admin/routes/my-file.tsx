// 我的执法档案: the signed-in officer's own law-enforcement file (no reporters, concluded clues only).
import { Card, Descriptions, Space, Table } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { EligibilityTag, emptyFile, sanctionColumns, TrainingCard } from '../file-sections.js';
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
              <EligibilityTag restriction={f.restriction} testId="my-file-eligibility" />
            </Descriptions.Item>
            <Descriptions.Item label={s.conductCount}>{f.conductRecordCount}</Descriptions.Item>
          </Descriptions>
        </Card>
        <TrainingCard file={f} testId="my-file-training" />
        <Card size="small" title={s.sanctions} data-testid="my-file-sanctions">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.sanctions}
            locale={emptyFile}
            columns={sanctionColumns()}
          />
        </Card>
        <Card size="small" title={s.commendations}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.commendations}
            locale={emptyFile}
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
