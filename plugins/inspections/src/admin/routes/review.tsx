// 我的评查任务: the files assigned to the signed-in reviewer, those still to score first.
import { Link } from '@remix-run/react';
import { Card, Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.pages.review;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.review');
    return { tasks: await c.inspections.scoring.mine() };
  });
}

export default function ReviewPage() {
  const { tasks } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" data-testid="inspections-tasks">
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={tasks}
          locale={{ emptyText: s.none }}
          columns={[
            { title: s.campaign, dataIndex: 'campaignTitle' },
            { title: s.caseNo, dataIndex: 'caseNo' },
            { title: s.unit, dataIndex: 'unitName' },
            { title: s.role, dataIndex: 'role', render: (r: string) => strings.pages.assign.roles[r] ?? r },
            { title: '', dataIndex: 'submitted', render: (d: boolean) => (d ? <Tag color="green">{s.done}</Tag> : <Tag color="blue">{s.todo}</Tag>) },
            { title: '', key: 'open', render: (_: unknown, t: { id: string; caseNo: string }) => <Link to={`/inspections/review/${t.id}`} aria-label={`${s.open} ${t.caseNo}`}>{s.open}</Link> },
          ]}
        />
      </Card>
    </>
  );
}
