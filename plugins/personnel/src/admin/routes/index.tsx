// 干警名册: the officers of the user's scope, masked.
import { Link } from '@remix-run/react';
import { Card, Table, Tag } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.read');
    const list = await c.personnel.officers.list({ pageSize: 500 });
    // The file of another officer: in full for the political department, as a summary for the
    // leader of the officer's unit (the signed-in user's own registry entry, serving and leader).
    const me = list.items.find((o) => o.userId === user.id);
    const ledUnitId = me && me.isLeader && me.status === 'serving' ? me.unitId : null;
    return { ...list, canManage: user.permissions.includes('personnel.manage'), canReadFiles: user.permissions.includes('personnel.files'), ledUnitId };
  });
}

export default function OfficersPage() {
  const { items, total, canManage, canReadFiles, ledUnitId } = usePageData<typeof loader>();
  const col = strings.columns;
  return (
    <>
      <PageHeader title={strings.title} subtitle={strings.subtitle} />
      <Card size="small" data-testid="personnel-page" title={`${strings.officers}：${total}`} extra={canManage ? <Link to="/personnel/imports">{strings.imports.link}</Link> : null}>
        <Table
          size="small"
          rowKey="id"
          dataSource={items}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: strings.none }}
          columns={[
            { title: col.officerNo, dataIndex: 'officerNo' },
            { title: col.name, dataIndex: 'name' },
            { title: col.unit, dataIndex: 'unitName' },
            { title: col.post, dataIndex: 'post' },
            { title: col.rank, dataIndex: 'rank' },
            { title: col.leader, dataIndex: 'isLeader', render: (v: boolean) => (v ? strings.yes : strings.no) },
            { title: col.party, dataIndex: 'isPartyMember', render: (v: boolean) => (v ? strings.yes : strings.no) },
            { title: col.phone, dataIndex: 'phone' },
            { title: col.status, dataIndex: 'status', render: (v: keyof typeof strings.status) => <Tag>{strings.status[v]}</Tag> },
            ...(canReadFiles || ledUnitId
              ? [
                  {
                    title: '',
                    key: 'file',
                    render: (_: unknown, o: { id: string; unitId: string }) =>
                      canReadFiles || o.unitId === ledUnitId ? <Link to={`/personnel/officers/${o.id}/file`}>{strings.officerFile.link}</Link> : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
