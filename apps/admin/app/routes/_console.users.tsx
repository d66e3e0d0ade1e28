import { Form as RemixForm, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Tag, Tree, TreeSelect, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, SafetyCertificateOutlined, SearchOutlined, UnlockOutlined } from '@ant-design/icons';
import { BusyButton, formatDateTime, ListTable, orgTreeData, PageHeader, uiStrings, useActionFeedback, UserStatusTags, type ListColumn } from '@zhengfa/ui';
import { useCallback, useMemo, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { toFormData } from '../lib/form-data.js';
import { passwordAction, type PasswordAction } from '../lib/password-action.js';
import { badForm, form, load, mutate, pageParam } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.users;
const PAGE_SIZE = 20;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const orgId = url.searchParams.get('org') || undefined;
  const keyword = url.searchParams.get('keyword')?.trim() || undefined;
  const includeSubOrgs = url.searchParams.get('sub') !== '0';
  const page = pageParam(url, 'page', 1);
  const pageSize = pageParam(url, 'size', PAGE_SIZE, 100);
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const perms = new Set(me?.user.permissions ?? []);
    // users.manage: the system administrator; security.manage: the security administrator,
    // who also resets audit administrators. Both may ask for a security administrator's reset.
    const can = { manage: perms.has('users.manage'), assign: perms.has('roles.assign'), unlock: perms.has('security.manage') };
    const [list, orgs, roles] = await Promise.all([
      trpc.users.list({ ...(orgId ? { orgId } : {}), includeSubOrgs, ...(keyword ? { keyword } : {}), page, pageSize }),
      trpc.orgs.tree(),
      can.assign ? trpc.roles.list() : Promise.resolve([]),
    ]);
    return {
      list,
      orgs: orgs.map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: o.disabled })),
      roles: roles.map((r) => ({ id: r.id, name: r.name, description: r.description })),
      filter: { orgId: orgId ?? null, keyword: keyword ?? '', includeSubOrgs, page, pageSize },
      can,
      selfId: me?.user.id ?? null,
    };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const id = form.str(fd, 'id');
  switch (intent) {
    case 'create':
      return mutate(context, intent, s.createdMsg, (trpc) =>
        trpc.users.create({
          orgId: form.str(fd, 'orgId'),
          username: form.str(fd, 'username'),
          displayName: form.str(fd, 'displayName'),
          password: form.str(fd, 'password'),
          roleIds: form.list(fd, 'roleIds'),
        }),
      );
    case 'update':
      return mutate(context, intent, s.updatedMsg, (trpc) =>
        trpc.users.update({ id, version: form.int(fd, 'version'), orgId: form.str(fd, 'orgId'), displayName: form.str(fd, 'displayName'), disabled: form.bool(fd, 'disabled') }),
      );
    case 'resetPassword':
      return mutate(context, intent, s.resetMsg, (trpc) => trpc.users.resetPassword({ id, password: form.str(fd, 'password') }));
    case 'resetAuditorPassword':
      return mutate(context, intent, s.resetMsg, (trpc) => trpc.users.resetAuditorPassword({ id, password: form.str(fd, 'password') }));
    case 'requestReset':
      return mutate(context, intent, s.requestedMsg, (trpc) => trpc.passwordResets.request({ userId: id, reason: form.str(fd, 'reason') }));
    case 'unlock':
      return mutate(context, intent, s.unlockedMsg, (trpc) => trpc.users.unlock({ id }));
    case 'assignRoles':
      return mutate(context, intent, s.assignedMsg, (trpc) => trpc.users.assignRoles({ id, roleIds: form.list(fd, 'roleIds') }));
    default:
      return badForm(intent);
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type User = LoaderData['list']['items'][number];
type ResetIntent = Exclude<PasswordAction, 'requestReset'>;
type Dialog = { kind: 'create' } | { kind: 'update' | 'assignRoles' | 'requestReset'; user: User } | { kind: 'reset'; intent: ResetIntent; user: User };

function useDialogFetcher(onClose: () => void) {
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(() => onClose(), [onClose]);
  const error = useActionFeedback(fetcher, onSuccess);
  return { fetcher, error, busy: fetcher.state !== 'idle' };
}

function OrgSelect(props: { orgs: LoaderData['orgs']; value?: string; onChange?: (v: string) => void; id?: string }) {
  const data = useMemo(() => orgTreeData(props.orgs, { disableInactive: true }), [props.orgs]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      treeData={data}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      placeholder={strings.common.requiredSelect(s.org)}
      style={{ width: '100%' }}
    />
  );
}

function CreateUserModal({ data, onClose }: { data: LoaderData; onClose: () => void }) {
  const { fetcher, error, busy } = useDialogFetcher(onClose);
  const [antForm] = Form.useForm();
  const defaultOrg = data.filter.orgId && data.orgs.some((o) => o.id === data.filter.orgId && !o.disabled) ? data.filter.orgId : undefined;
  return (
    <Modal open title={s.createTitle} okText={strings.common.save} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <FormError outcome={error} />
      <Form
        form={antForm}
        name="createUser"
        layout="vertical"
        initialValues={{ orgId: defaultOrg, roleIds: [] }}
        onFinish={(v: { orgId: string; username: string; displayName: string; password: string; roleIds?: string[] }) =>
          fetcher.submit(toFormData({ intent: 'create', ...v, roleIds: v.roleIds ?? [] }), { method: 'post' })
        }
      >
        <Form.Item name="orgId" label={s.org} rules={[{ required: true, message: strings.common.requiredSelect(s.org) }]}>
          <OrgSelect orgs={data.orgs} />
        </Form.Item>
        <Form.Item name="username" label={s.username} extra={s.usernameHelp} rules={[{ required: true, message: strings.common.required(s.username) }]}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={s.displayName} rules={[{ required: true, message: strings.common.required(s.displayName) }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="password"
          label={s.initialPassword}
          extra={`${strings.password.policy}。${s.initialPasswordHelp}`}
          rules={[{ required: true, message: strings.common.required(s.initialPassword) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {data.can.assign ? (
          <Form.Item name="roleIds" label={s.roles} extra={s.assignHelp}>
            <Select mode="multiple" options={data.roles.map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon message={s.rolesNeedAssign} />
        )}
      </Form>
    </Modal>
  );
}

function EditUserModal({ data, user, onClose }: { data: LoaderData; user: User; onClose: () => void }) {
  const { fetcher, error, busy } = useDialogFetcher(onClose);
  const [antForm] = Form.useForm();
  return (
    <Modal open title={s.editTitle} okText={strings.common.save} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <FormError outcome={error} />
      <Form
        form={antForm}
        name="editUser"
        layout="vertical"
        initialValues={{ orgId: user.orgId, displayName: user.displayName, disabled: user.disabled }}
        onFinish={(v: { orgId: string; displayName: string; disabled: boolean }) =>
          fetcher.submit(toFormData({ intent: 'update', id: user.id, version: String(user.version), orgId: v.orgId, displayName: v.displayName, disabled: String(Boolean(v.disabled)) }), {
            method: 'post',
          })
        }
      >
        <Form.Item label={s.username}>
          <Typography.Text strong>{user.username}</Typography.Text>
        </Form.Item>
        <Form.Item name="orgId" label={s.org} rules={[{ required: true, message: strings.common.requiredSelect(s.org) }]}>
          <OrgSelect orgs={data.orgs} />
        </Form.Item>
        <Form.Item name="displayName" label={s.displayName} rules={[{ required: true, message: strings.common.required(s.displayName) }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="disabled" label={s.disabled} valuePropName="checked">
          <Switch disabled={user.id === data.selfId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, intent, onClose }: { user: User; intent: ResetIntent; onClose: () => void }) {
  const { fetcher, error, busy } = useDialogFetcher(onClose);
  const [antForm] = Form.useForm();
  return (
    <Modal open title={s.resetTitle(user.displayName)} okText={strings.common.ok} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <Alert type="warning" showIcon message={intent === 'resetAuditorPassword' ? s.resetAuditorHelp : s.resetHelp} style={{ marginBottom: 16 }} />
      <FormError outcome={error} />
      <Form form={antForm} name="resetPassword" layout="vertical" onFinish={(v: { password: string }) => fetcher.submit({ intent, id: user.id, password: v.password }, { method: 'post' })}>
        <Form.Item name="password" label={s.newPassword} extra={strings.password.policy} rules={[{ required: true, message: strings.common.required(s.newPassword) }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { fetcher, error, busy } = useDialogFetcher(onClose);
  const [antForm] = Form.useForm();
  return (
    <Modal open title={s.requestTitle(user.displayName)} okText={strings.common.ok} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <Alert type="info" showIcon message={s.requestHelp} style={{ marginBottom: 16 }} />
      <FormError outcome={error} />
      <Form form={antForm} name="requestReset" layout="vertical" onFinish={(v: { reason: string }) => fetcher.submit({ intent: 'requestReset', id: user.id, reason: v.reason }, { method: 'post' })}>
        <Form.Item name="reason" label={s.requestReason} extra={s.requestReasonHelp} rules={[{ required: true, message: strings.common.required(s.requestReason) }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssignRolesModal({ data, user, onClose }: { data: LoaderData; user: User; onClose: () => void }) {
  const { fetcher, error, busy } = useDialogFetcher(onClose);
  const [selected, setSelected] = useState<string[]>(user.roles.map((r) => r.id));
  return (
    <Modal
      open
      title={s.assignTitle(user.displayName)}
      okText={strings.common.save}
      cancelText={strings.common.cancel}
      confirmLoading={busy}
      onOk={() => fetcher.submit(toFormData({ intent: 'assignRoles', id: user.id, roleIds: selected }), { method: 'post' })}
      onCancel={onClose}
    >
      <Alert type="info" showIcon message={s.assignHelp} style={{ marginBottom: 16 }} />
      <FormError outcome={error} />
      <Checkbox.Group value={selected} onChange={(v) => setSelected(v as string[])} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.roles.map((r) => (
            <Checkbox key={r.id} value={r.id}>
              <Typography.Text strong>{r.name}</Typography.Text>
              {r.description ? <Typography.Text type="secondary"> — {r.description}</Typography.Text> : null}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Modal>
  );
}

function UnlockButton({ user }: { user: User }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  return (
    <Popconfirm
      title={s.unlockConfirm(user.displayName)}
      okText={strings.common.ok}
      cancelText={strings.common.cancel}
      onConfirm={() => fetcher.submit({ intent: 'unlock', id: user.id }, { method: 'post' })}
    >
      <BusyButton size="small" type="link" icon={<UnlockOutlined />} loading={fetcher.state !== 'idle'} danger={Boolean(error)} title={error?.error}>
        {s.unlock}
      </BusyButton>
    </Popconfirm>
  );
}

export default function Users() {
  const data = useLoaderData<typeof loader>();
  const { list, orgs, filter, can, selfId } = data;
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const orgTree = useMemo(() => orgTreeData(orgs), [orgs]);

  function setFilter(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  const columns: ListColumn<User>[] = [
    { title: s.username, dataIndex: 'username', key: 'username', width: 120, ellipsis: true },
    { title: s.displayName, dataIndex: 'displayName', key: 'displayName', width: 100, ellipsis: true },
    { title: s.org, dataIndex: 'orgName', key: 'orgName', width: 150, ellipsis: true },
    {
      title: s.roles,
      key: 'roles',
      width: 180,
      exportText: (u: User) => u.roles.map((r) => r.name).join('、'),
      render: (_: unknown, u: User) =>
        u.roles.length ? (
          <Space size={[4, 4]} wrap>
            {u.roles.map((r) => (
              <Tag key={r.id}>{r.name}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{s.noRoles}</Typography.Text>
        ),
    },
    {
      title: s.status,
      key: 'status',
      width: 110,
      exportText: (u: User) => [u.disabled ? uiStrings.user.disabled : uiStrings.user.active, u.locked ? uiStrings.user.locked : null, u.mustChangePassword ? uiStrings.user.mustChangePassword : null].filter(Boolean).join('、'),
      render: (_: unknown, u: User) => (
        <Space direction="vertical" size={0}>
          <UserStatusTags disabled={u.disabled} locked={u.locked} mustChangePassword={u.mustChangePassword} />
          {u.locked ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.lockedUntil(formatDateTime(u.lockedUntil))}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: s.lastLogin, key: 'lastLoginAt', width: 150, hiddenByDefault: true, exportText: (u: User) => formatDateTime(u.lastLoginAt, strings.common.never), render: (_: unknown, u: User) => <span className="zf-nowrap">{formatDateTime(u.lastLoginAt, strings.common.never)}</span> },
    ...(can.manage || can.assign || can.unlock
      ? [
          {
            title: strings.common.actions,
            key: 'actions',
            width: 220,
            render: (_: unknown, u: User) => (
              <Space size={0} wrap>
                {can.manage ? (
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'update', user: u })}>
                    {strings.common.edit}
                  </Button>
                ) : null}
                {(() => {
                  const action = passwordAction(can, u, selfId);
                  if (action === 'requestReset') {
                    return (
                      <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'requestReset', user: u })}>
                        {s.requestReset}
                      </Button>
                    );
                  }
                  return action ? (
                    <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', intent: action, user: u })}>
                      {s.resetPassword}
                    </Button>
                  ) : null;
                })()}
                {can.assign && u.id !== selfId ? (
                  <Button size="small" type="link" icon={<SafetyCertificateOutlined />} onClick={() => setDialog({ kind: 'assignRoles', user: u })}>
                    {s.assignRoles}
                  </Button>
                ) : null}
                {can.unlock && u.locked ? <UnlockButton user={u} /> : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          can.manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {s.create}
            </Button>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card title={s.orgFilter} size="small" style={{ marginBottom: 16 }}>
            <Button type={filter.orgId ? 'text' : 'link'} size="small" onClick={() => setFilter({ org: null })} style={{ paddingInline: 4 }}>
              {s.allOrgs}
            </Button>
            <Tree
              blockNode
              defaultExpandAll
              selectedKeys={filter.orgId ? [filter.orgId] : []}
              onSelect={(keys) => setFilter({ org: keys[0] !== undefined ? String(keys[0]) : null })}
              treeData={orgTree}
            />
            <Checkbox checked={filter.includeSubOrgs} onChange={(e) => setFilter({ sub: e.target.checked ? null : '0' })} style={{ marginTop: 12 }}>
              {s.includeSubOrgs}
            </Checkbox>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card size="small">
            <RemixForm method="get" style={{ marginBottom: 16 }}>
              {filter.orgId ? <input type="hidden" name="org" value={filter.orgId} /> : null}
              {!filter.includeSubOrgs ? <input type="hidden" name="sub" value="0" /> : null}
              <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
                <Input name="keyword" defaultValue={filter.keyword} key={filter.keyword} placeholder={s.keywordPlaceholder} aria-label={s.keyword} allowClear />
                <Button htmlType="submit" type="primary" icon={<SearchOutlined />}>
                  {strings.common.search}
                </Button>
              </Space.Compact>
            </RemixForm>
            <ListTable<User>
              listId="users"
              rowKey="id"
              size="middle"
              data-testid="user-table"
              loading={navigation.state === 'loading' && navigation.location.pathname === '/users'}
              dataSource={list.items}
              columns={columns}
              minWidth={880}
              csvName={strings.nav.users}
              pagination={{
                current: filter.page,
                pageSize: filter.pageSize,
                total: list.total,
                showTotal: (n) => strings.common.total(n),
                showSizeChanger: true,
                onChange: (page, size) => setFilter({ page: page > 1 ? String(page) : null, size: size !== PAGE_SIZE ? String(size) : null }),
              }}
            />
          </Card>
        </Col>
      </Row>
      {dialog?.kind === 'create' ? <CreateUserModal data={data} onClose={close} /> : null}
      {dialog?.kind === 'update' ? <EditUserModal key={dialog.user.id} data={data} user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal key={dialog.user.id} user={dialog.user} intent={dialog.intent} onClose={close} /> : null}
      {dialog?.kind === 'requestReset' ? <RequestResetModal key={dialog.user.id} user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === 'assignRoles' ? <AssignRolesModal key={dialog.user.id} data={data} user={dialog.user} onClose={close} /> : null}
    </>
  );
}
