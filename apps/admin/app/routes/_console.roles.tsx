import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Button, Card, Checkbox, Divider, Form, Input, Modal, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { PageHeader, useActionFeedback } from '@zhengfa/ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { callErrorOf } from '../lib/trpc-errors.js';
import { browserTrpc } from '../lib/trpc.client.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { groupPermissions, type PermissionInfo } from '../permission-groups.js';
import { strings } from '../strings.js';

const s = strings.roles;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const roles = await trpc.roles.list();
    return { roles, canManage: Boolean(me?.user.permissions.includes('roles.manage')) };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const fields = { name: form.str(fd, 'name'), description: form.str(fd, 'description'), permissions: form.list(fd, 'permissions') };
  if (intent === 'create') return mutate(context, intent, s.createdMsg, (trpc) => trpc.roles.create(fields));
  if (intent === 'update') {
    return mutate(context, intent, s.updatedMsg, (trpc) => trpc.roles.update({ id: form.str(fd, 'id'), version: form.int(fd, 'version'), ...fields }));
  }
  return badForm(intent);
}

type Role = ReturnType<typeof useLoaderData<typeof loader>>['roles'][number];

/** The permission list, fetched by the browser from /trpc when the editor opens. */
function usePermissionList() {
  const [state, setState] = useState<{ list: PermissionInfo[] | null; error: string | null }>({ list: null, error: null });
  useEffect(() => {
    let live = true;
    browserTrpc()
      .roles.permissions.query()
      .then((list) => live && setState({ list, error: null }))
      .catch((err: unknown) => live && setState({ list: null, error: callErrorOf(err)?.message ?? s.loadPermissionsFailed }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function RoleEditor({ role, readOnly, onClose }: { role: Role | null; readOnly: boolean; onClose: () => void }) {
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(() => onClose(), [onClose]);
  const error = useActionFeedback(fetcher, onSuccess);
  const [antForm] = Form.useForm<{ name: string; description: string }>();
  const { list, error: loadError } = usePermissionList();
  const [selected, setSelected] = useState<string[]>(role?.permissions ?? []);
  const builtin = Boolean(role?.builtin);
  const lockPermissions = readOnly || builtin;
  const sections = useMemo(() => (list ? groupPermissions(list) : []), [list]);

  function submit(values: { name: string; description: string }) {
    const fd = new FormData();
    fd.append('intent', role ? 'update' : 'create');
    if (role) {
      fd.append('id', role.id);
      fd.append('version', String(role.version));
    }
    fd.append('name', values.name);
    fd.append('description', values.description ?? '');
    selected.forEach((p) => fd.append('permissions', p));
    fetcher.submit(fd, { method: 'post' });
  }

  const title = !role ? s.createTitle : readOnly ? s.viewTitle(role.name) : s.editTitle(role.name);
  return (
    <Modal
      open
      width={760}
      title={title}
      okText={strings.common.save}
      cancelText={strings.common.cancel}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      confirmLoading={fetcher.state !== 'idle'}
      okButtonProps={{ disabled: readOnly, style: readOnly ? { display: 'none' } : undefined }}
    >
      {builtin ? <Alert type="info" showIcon message={s.builtinReadonly} style={{ marginBottom: 16 }} /> : null}
      <FormError outcome={error} />
      <Form form={antForm} name="roleEditor" layout="vertical" initialValues={{ name: role?.name ?? '', description: role?.description ?? '' }} onFinish={submit} disabled={readOnly}>
        <Form.Item name="name" label={s.name} rules={[{ required: true, message: strings.common.required(s.name) }]}>
          <Input maxLength={30} disabled={builtin} />
        </Form.Item>
        <Form.Item name="description" label={s.description}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <Divider orientation="left" plain>
        {s.permissions}（{s.selectedCount(selected.length)}）
      </Divider>
      {loadError ? <Alert type="error" showIcon message={s.loadPermissionsFailed} description={loadError} /> : null}
      {!list && !loadError ? (
        <Spin tip={s.loadingPermissions}>
          <div style={{ height: 80 }} />
        </Spin>
      ) : null}
      <Checkbox.Group value={selected} onChange={(v) => setSelected(v as string[])} disabled={lockPermissions} style={{ display: 'block' }}>
        {sections.map((section) => (
          <section key={section.owner} style={{ marginBottom: 12 }} data-testid={`permission-owner-${section.owner}`}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {section.ownerName}
            </Typography.Title>
            {section.groups.map((g) => (
              <div key={g.group} style={{ display: 'flex', gap: 12, marginBottom: 8 }}>
                <Typography.Text type="secondary" style={{ width: 96, flex: 'none' }}>
                  {g.group}
                </Typography.Text>
                <Space size={[16, 8]} wrap>
                  {g.permissions.map((p) => (
                    <Tooltip key={p.key} title={p.description || undefined}>
                      <Checkbox value={p.key}>{p.name}</Checkbox>
                    </Tooltip>
                  ))}
                </Space>
              </div>
            ))}
          </section>
        ))}
      </Checkbox.Group>
    </Modal>
  );
}

export default function Roles() {
  const { roles, canManage } = useLoaderData<typeof loader>();
  const [editing, setEditing] = useState<{ role: Role | null } | null>(null);
  const close = useCallback(() => setEditing(null), []);

  const columns = [
    {
      title: s.name,
      key: 'name',
      render: (_: unknown, r: Role) => (
        <Space>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.builtin ? <Tag color="red">{s.builtin}</Tag> : <Tag>{s.custom}</Tag>}
        </Space>
      ),
    },
    { title: s.description, dataIndex: 'description', key: 'description' },
    { title: s.permissionCount, key: 'permissionCount', render: (_: unknown, r: Role) => r.permissions.length, width: 90 },
    { title: s.userCount, dataIndex: 'userCount', key: 'userCount', width: 90 },
    {
      title: strings.common.actions,
      key: 'actions',
      width: 110,
      render: (_: unknown, r: Role) => (
        <Button size="small" type="link" icon={canManage ? <EditOutlined /> : <EyeOutlined />} onClick={() => setEditing({ role: r })}>
          {canManage ? strings.common.edit : strings.common.view}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: null })}>
              {s.create}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Table<Role> rowKey="id" dataSource={roles} columns={columns} pagination={false} />
      </Card>
      {editing ? <RoleEditor key={editing.role?.id ?? 'new'} role={editing.role} readOnly={!canManage} onClose={close} /> : null}
    </>
  );
}
