// 问题线索 (discipline staff): the county's clues, newest first, each opening its steps.
import { Link } from '@remix-run/react';
import { Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.clues;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.discipline');
    return { clues: await c.personnel.clues.list({}) };
  });
}

export default function CluesPage() {
  const { clues } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Table
        data-testid="personnel-clues"
        size="small"
        rowKey="id"
        dataSource={clues}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: s.receivedOn, dataIndex: 'receivedOn', render: (v: string, r) => <Link to={`/personnel/clues/${r.id}`}>{v}</Link> },
          { title: s.officer, dataIndex: 'officerName' },
          { title: s.source, dataIndex: 'source', render: (v: string) => (s.sources as Record<string, string>)[v] ?? v },
          { title: s.summary, dataIndex: 'summary' },
          { title: s.handler, dataIndex: 'handlerName' },
          { title: s.status, dataIndex: 'status', render: (v: string) => <Tag>{(s.statuses as Record<string, string>)[v] ?? v}</Tag> },
        ]}
      />
    </>
  );
}
