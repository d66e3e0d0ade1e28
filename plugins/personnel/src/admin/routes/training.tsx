// 教育培训: hours of the year against the county's minimum, by unit and by officer.
import { Link } from '@remix-run/react';
import { Card, Progress, Space, Table } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.training;

export async function loader(args: RouteArgs) {
  const y = Number(new URL(args.request.url).searchParams.get('year'));
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.read');
    return c.personnel.training.progress(Number.isInteger(y) && y >= 2000 && y <= 2100 ? { year: y } : {});
  });
}

export default function TrainingPage() {
  const p = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle(p.year, p.required, p.asOf)} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-training">
        <Space>
          <Link to={`/personnel/training/behind?year=${p.year}`}>{s.behindLink}</Link>
          <Link to="/personnel/training/sessions">{s.sessionsLink}</Link>
        </Space>
        <Card size="small" title={s.units}>
          <Table
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={p.units}
            columns={[
              { title: s.unit, dataIndex: 'unitName' },
              { title: s.officerCount, dataIndex: 'officers' },
              { title: s.completed, dataIndex: 'completed' },
              { title: s.rate, dataIndex: 'completionRate', render: (v: number) => <Progress percent={v} size="small" /> },
              { title: s.average, dataIndex: 'averageHours' },
            ]}
          />
        </Card>
        <Card size="small" title={s.officers}>
          <Table
            size="small"
            rowKey="officerId"
            dataSource={p.officers}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: strings.columns.officerNo, dataIndex: 'officerNo' },
              { title: strings.columns.name, dataIndex: 'name' },
              { title: strings.columns.unit, dataIndex: 'unitName' },
              { title: s.hours, dataIndex: 'hours' },
              { title: s.percent, dataIndex: 'percent', render: (v: number) => <Progress percent={Math.min(100, v)} size="small" /> },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
