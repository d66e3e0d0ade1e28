// 学时进度落后名单: who is below the expected share of the minimum at a checkpoint.
import { useNavigate } from '@remix-run/react';
import { Card, Select, Space, Table } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.behind;
type Checkpoint = keyof typeof strings.checkpoints;

export async function loader(args: RouteArgs) {
  const q = new URL(args.request.url).searchParams;
  const y = Number(q.get('year'));
  const cp = q.get('checkpoint');
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.read');
    return c.personnel.training.behind({
      ...(Number.isInteger(y) && y >= 2000 && y <= 2100 ? { year: y } : {}),
      ...(cp && cp in strings.checkpoints ? { checkpoint: cp as Checkpoint } : {}),
    });
  });
}

export default function BehindPage() {
  const b = usePageData<typeof loader>();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle(b.date, b.expected, b.required)} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-behind">
        <Select
          style={{ width: 320 }}
          value={b.checkpoint}
          aria-label={s.checkpoint}
          options={Object.entries(strings.checkpoints).map(([value, label]) => ({ value, label }))}
          onChange={(v) => navigate(`/personnel/training/behind?year=${b.year}&checkpoint=${v}`)}
        />
        <Card size="small" title={s.units}>
          <Table
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={b.units}
            locale={{ emptyText: s.none }}
            columns={[
              { title: strings.training.unit, dataIndex: 'unitName' },
              { title: strings.training.officerCount, dataIndex: 'officers' },
              { title: s.behindCount, dataIndex: 'behind' },
            ]}
          />
        </Card>
        <Card size="small">
          <Table
            size="small"
            rowKey="officerId"
            dataSource={b.officers}
            pagination={{ pageSize: 50 }}
            locale={{ emptyText: s.none }}
            columns={[
              { title: strings.columns.officerNo, dataIndex: 'officerNo' },
              { title: strings.columns.name, dataIndex: 'name' },
              { title: strings.columns.unit, dataIndex: 'unitName' },
              { title: strings.training.hours, dataIndex: 'hours' },
              { title: s.shortfall, dataIndex: 'shortfall' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
