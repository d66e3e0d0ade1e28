// 处分与组织处理 (discipline staff): the county's decisions with their effect periods; ?inForce=1
// shows only those in effect today.
import { Link } from '@remix-run/react';
import { Space, Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.sanctions;

export async function loader(args: RouteArgs) {
  const inForce = new URL(args.request.url).searchParams.get('inForce') === '1';
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.discipline');
    return { inForce, sanctions: await c.personnel.sanctions.list(inForce ? { inForce } : {}) };
  });
}

export default function SanctionsPage() {
  const { inForce, sanctions } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-sanctions">
        <Link to={inForce ? '/personnel/sanctions' : '/personnel/sanctions?inForce=1'}>{inForce ? s.showAll : s.showInForce}</Link>
        <Table
          size="small"
          rowKey="id"
          dataSource={sanctions}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: s.officer, dataIndex: 'officerName' },
            { title: s.kind, dataIndex: 'kind', render: (v: string) => (s.kinds as Record<string, string>)[v] ?? v },
            { title: s.form, dataIndex: 'form', render: (v: number) => (s.forms as Record<number, string>)[v] ?? String(v) },
            { title: s.decisionNo, dataIndex: 'decisionNo' },
            { title: s.decidedOn, dataIndex: 'decidedOn' },
            { title: s.effectiveUntil, dataIndex: 'effectiveUntil', render: (v: string | null, r) => (r.permanent ? s.permanent : (v ?? s.noPeriod)) },
            { title: s.status, dataIndex: 'inForce', render: (v: boolean) => (v ? <Tag color="red">{s.inForce}</Tag> : <Tag>{s.ended}</Tag>) },
          ]}
        />
      </Space>
    </>
  );
}
