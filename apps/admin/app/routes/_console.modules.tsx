import { useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Card, Descriptions, Empty, Table, Typography } from 'antd';
import { CompatibleTag, EnabledTag, PageHeader } from '@zhengfa/ui';
import { load } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.modules;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, (trpc) => trpc.system.modules());
}

type Plugin = ReturnType<typeof useLoaderData<typeof loader>>['plugins'][number];

export default function Modules() {
  const { kernelVersion, engine, plugins } = useLoaderData<typeof loader>();
  const columns = [
    {
      title: s.name,
      key: 'name',
      render: (_: unknown, p: Plugin) => (
        <>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.description ? (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.description}
              </Typography.Text>
            </>
          ) : null}
        </>
      ),
    },
    { title: s.id, key: 'id', render: (_: unknown, p: Plugin) => <Typography.Text code>{p.id}</Typography.Text> },
    { title: s.version, dataIndex: 'version', key: 'version' },
    { title: s.kernelRange, dataIndex: 'kernelRange', key: 'kernelRange' },
    { title: s.dependsOn, key: 'dependsOn', render: (_: unknown, p: Plugin) => (p.dependsOn.length ? p.dependsOn.join('、') : strings.common.none) },
    { title: s.permissionCount, dataIndex: 'permissionCount', key: 'permissionCount' },
    { title: s.enabled, key: 'enabled', render: (_: unknown, p: Plugin) => <EnabledTag enabled={p.enabled} /> },
    { title: s.compatible, key: 'compatible', render: (_: unknown, p: Plugin) => <CompatibleTag compatible={p.compatible} /> },
  ];
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} data-testid="kernel-info">
          <Descriptions.Item label={s.kernelVersion}>
            <Typography.Text code>{kernelVersion}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={s.engine}>{s.engines[engine] ?? engine}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Table<Plugin> rowKey="id" dataSource={plugins} columns={columns} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: <Empty description={s.empty} /> }} />
      </Card>
    </>
  );
}
