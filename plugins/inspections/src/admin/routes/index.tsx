// 检查活动: the county's campaigns, newest year first, with their current phase.
import { Link } from '@remix-run/react';
import { Card, Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    return { campaigns: await c.inspections.campaigns.list() };
  });
}

const statusColor: Record<string, string> = { planning: 'default', self_check: 'blue', review: 'processing', rectification: 'orange', bulletin: 'purple', closed: 'green' };

export default function CampaignsPage() {
  const { campaigns } = usePageData<typeof loader>();
  const c = strings.columns;
  return (
    <>
      <PageHeader title={strings.title} subtitle={strings.subtitle} />
      <Card size="small" data-testid="inspections-campaigns">
        <Table
          size="small"
          rowKey="id"
          dataSource={campaigns}
          locale={{ emptyText: strings.none }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: c.year, dataIndex: 'year', width: 80 },
            { title: c.kind, dataIndex: 'kind', width: 160 },
            { title: c.title, dataIndex: 'title', render: (t: string, r: { id: string }) => <Link to={`/inspections/campaigns/${r.id}`}>{t}</Link> },
            { title: c.units, dataIndex: 'units', width: 120 },
            { title: c.status, dataIndex: 'status', width: 120, render: (s: string) => <Tag color={statusColor[s]}>{strings.statuses[s] ?? s}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
