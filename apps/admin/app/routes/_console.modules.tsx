import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Card, Descriptions, Empty, List, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { CompatibleTag, EnabledTag, PageHeader, useActionFeedback } from '@zhengfa/ui';
import { toFormData } from '../lib/form-data.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.modules;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, (trpc) => trpc.system.modules());
}

/** Switches a plugin on or off for the signed-in administrator's county. */
export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'enable' && intent !== 'disable') return badForm(intent);
  const input = { pluginId: form.str(fd, 'pluginId'), version: form.int(fd, 'version') };
  const name = form.str(fd, 'name');
  return intent === 'enable'
    ? mutate(context, intent, s.enabledDone(name), (trpc) => trpc.system.enableModule(input))
    : mutate(context, intent, s.disabledDone(name), (trpc) => trpc.system.disableModule(input));
}

type Plugin = ReturnType<typeof useLoaderData<typeof loader>>['plugins'][number];

/** The county's switch: turning off asks first (it hides the module from every user of the county). */
function CountySwitch({ plugin }: { plugin: Plugin }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  if (!plugin.enabled) return <Typography.Text type="secondary">{s.notDeployed}</Typography.Text>;
  const submit = (intent: 'enable' | 'disable') =>
    fetcher.submit(toFormData({ intent, pluginId: plugin.id, version: String(plugin.countyVersion), name: plugin.name }), { method: 'post' });
  const busy = fetcher.state !== 'idle';
  const control = (
    <Switch
      data-testid={`county-switch-${plugin.id}`}
      checked={plugin.countyEnabled}
      loading={busy}
      aria-label={s.countyEnabled}
      title={plugin.countyEnabled ? s.countyOn : s.countyOff}
      onChange={plugin.countyEnabled ? undefined : () => submit('enable')}
    />
  );
  return (
    <>
      {plugin.countyEnabled ? (
        <Popconfirm title={s.confirmDisable(plugin.name)} okText={strings.common.ok} cancelText={strings.common.cancel} onConfirm={() => submit('disable')}>
          {control}
        </Popconfirm>
      ) : (
        control
      )}
      {error ? (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
          {error.error}
        </Typography.Text>
      ) : null}
    </>
  );
}

function ReleaseNotes({ notes }: { notes: NonNullable<Plugin['releaseNotes']> }) {
  return (
    <List
      size="small"
      data-testid="release-notes"
      header={<Typography.Text strong>{s.latestChangesOf(notes.version)}</Typography.Text>}
      dataSource={notes.changes}
      renderItem={(c) => (
        <List.Item>
          <Tag color={s.changeKindColors[c.kind]}>{s.changeKinds[c.kind]}</Tag>
          {c.text}
        </List.Item>
      )}
    />
  );
}

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
    { title: s.id, key: 'id', render: (_: unknown, p: Plugin) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{p.id}</Typography.Text> },
    { title: s.version, dataIndex: 'version', key: 'version' },
    { title: s.kernelRange, dataIndex: 'kernelRange', key: 'kernelRange' },
    { title: s.dependsOn, key: 'dependsOn', render: (_: unknown, p: Plugin) => (p.dependsOn.length ? p.dependsOn.join('、') : strings.common.none) },
    { title: s.permissionCount, dataIndex: 'permissionCount', key: 'permissionCount' },
    { title: s.enabled, key: 'enabled', render: (_: unknown, p: Plugin) => <EnabledTag enabled={p.enabled} /> },
    { title: s.countyEnabled, key: 'countyEnabled', render: (_: unknown, p: Plugin) => <CountySwitch plugin={p} /> },
    { title: s.compatible, key: 'compatible', render: (_: unknown, p: Plugin) => <CompatibleTag compatible={p.compatible} /> },
    {
      title: s.latestChanges,
      key: 'latestChanges',
      render: (_: unknown, p: Plugin) => (p.releaseNotes ? s.changeCount(p.releaseNotes.changes.length) : <Typography.Text type="secondary">{s.noReleaseNotes}</Typography.Text>),
    },
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
        <Table<Plugin>
          rowKey="id"
          dataSource={plugins}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={s.empty} /> }}
          expandable={{
            // Expanded by default: without JavaScript the notes are still read.
            defaultExpandAllRows: true,
            rowExpandable: (p) => Boolean(p.releaseNotes?.changes.length),
            expandedRowRender: (p) => <ReleaseNotes notes={p.releaseNotes!} />,
          }}
        />
      </Card>
    </>
  );
}
