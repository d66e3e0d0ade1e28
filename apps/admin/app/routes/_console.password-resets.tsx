// Requests to reset a security administrator's password: the system or another security
// administrator asks (on the users page), the audit administrator countersigns or rejects
// here, the requester may withdraw. The countersign shows the temporary password once.
import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { BusyButton, formatDateTime, PageHeader, useActionFeedback } from '@zhengfa/ui';
import { useCallback, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.passwordResets;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const requests = await trpc.passwordResets.list();
    return { requests, canCountersign: Boolean(me?.user.permissions.includes('audit.countersign')) };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const id = form.str(fd, 'id');
  switch (intent) {
    case 'countersign':
      return mutate(context, intent, s.countersignedMsg, (trpc) => trpc.passwordResets.countersign({ id }));
    case 'reject':
      return mutate(context, intent, s.rejectedMsg, (trpc) => trpc.passwordResets.reject({ id, note: form.str(fd, 'note') }));
    case 'cancel':
      return mutate(context, intent, s.cancelledMsg, (trpc) => trpc.passwordResets.cancel({ id }));
    default:
      return badForm(intent);
  }
}

type ResetRequest = ReturnType<typeof useLoaderData<typeof loader>>['requests'][number];
interface Issued {
  username: string;
  displayName: string;
  password: string;
}

/**
 * The countersign's fetcher lives on the page, not in the row's button: once it answers, the
 * list reloads and the countersigned row loses its buttons, and the password must still show.
 */
function useCountersign(onIssued: (issued: Issued) => void) {
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback((outcome: { result?: unknown }) => onIssued(outcome.result as Issued), [onIssued]);
  const error = useActionFeedback(fetcher, onSuccess);
  const busyId = fetcher.state !== 'idle' ? String(fetcher.formData?.get('id') ?? '') : null;
  const submit = (id: string) => fetcher.submit({ intent: 'countersign', id }, { method: 'post' });
  return { submit, busyId, error };
}

function CountersignButton({ request, countersign }: { request: ResetRequest; countersign: ReturnType<typeof useCountersign> }) {
  return (
    <Popconfirm
      title={s.countersignConfirm(request.displayName)}
      okText={strings.common.ok}
      cancelText={strings.common.cancel}
      onConfirm={() => countersign.submit(request.id)}
    >
      <BusyButton size="small" type="link" icon={<CheckOutlined />} loading={countersign.busyId === request.id}>
        {s.countersign}
      </BusyButton>
    </Popconfirm>
  );
}

function CancelButton({ request }: { request: ResetRequest }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  return (
    <Popconfirm title={s.cancelConfirm} okText={strings.common.ok} cancelText={strings.common.cancel} onConfirm={() => fetcher.submit({ intent: 'cancel', id: request.id }, { method: 'post' })}>
      <BusyButton size="small" type="link" icon={<RollbackOutlined />} loading={fetcher.state !== 'idle'} danger={Boolean(error)} title={error?.error}>
        {s.cancel}
      </BusyButton>
    </Popconfirm>
  );
}

function RejectModal({ request, onClose }: { request: ResetRequest; onClose: () => void }) {
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(() => onClose(), [onClose]);
  const error = useActionFeedback(fetcher, onSuccess);
  const [antForm] = Form.useForm();
  return (
    <Modal
      open
      title={s.rejectTitle(request.displayName)}
      okText={strings.common.ok}
      cancelText={strings.common.cancel}
      confirmLoading={fetcher.state !== 'idle'}
      onOk={() => antForm.submit()}
      onCancel={onClose}
    >
      <FormError outcome={error} />
      <Form form={antForm} name="rejectReset" layout="vertical" onFinish={(v: { note: string }) => fetcher.submit({ intent: 'reject', id: request.id, note: v.note }, { method: 'post' })}>
        <Form.Item name="note" label={s.rejectNote} rules={[{ required: true, message: strings.common.required(s.rejectNote) }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IssuedPasswordModal({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  return (
    <Modal open title={s.passwordTitle(issued.displayName)} okText={strings.common.ok} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
      <Alert type="warning" showIcon message={s.passwordHelp} style={{ marginBottom: 16 }} />
      <Space direction="vertical">
        <Typography.Text>{s.username(issued.username)}</Typography.Text>
        <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="temporary-password">
          {issued.password}
        </Typography.Text>
      </Space>
    </Modal>
  );
}

export default function PasswordResets() {
  const { requests, canCountersign } = useLoaderData<typeof loader>();
  const [rejecting, setRejecting] = useState<ResetRequest | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const closeReject = useCallback(() => setRejecting(null), []);
  const countersign = useCountersign(setIssued);

  const columns = [
    { title: s.account, key: 'account', render: (_: unknown, r: ResetRequest) => `${r.displayName}（${r.username}）` },
    { title: s.reason, dataIndex: 'reason', key: 'reason' },
    { title: s.requester, dataIndex: 'requesterName', key: 'requester' },
    { title: s.requestedAt, key: 'requestedAt', width: 170, render: (_: unknown, r: ResetRequest) => formatDateTime(r.requestedAt) },
    {
      title: s.status,
      key: 'status',
      width: 90,
      render: (_: unknown, r: ResetRequest) => <Tag color={s.statusColors[r.status]}>{r.statusName}</Tag>,
    },
    {
      title: s.decision,
      key: 'decision',
      render: (_: unknown, r: ResetRequest) =>
        r.status === 'pending' ? (
          <Typography.Text type="secondary">{`${s.expiresAt} ${formatDateTime(r.expiresAt)}`}</Typography.Text>
        ) : r.deciderName ? (
          <Space direction="vertical" size={0}>
            <span>{s.decidedBy(r.deciderName, formatDateTime(r.decidedAt))}</span>
            {r.decisionNote ? <Typography.Text type="secondary">{r.decisionNote}</Typography.Text> : null}
          </Space>
        ) : (
          strings.common.none
        ),
    },
    {
      title: strings.common.actions,
      key: 'actions',
      render: (_: unknown, r: ResetRequest) =>
        r.status === 'pending' ? (
          <Space size={0} wrap>
            {canCountersign ? <CountersignButton request={r} countersign={countersign} /> : null}
            {canCountersign ? (
              <BusyButton size="small" type="link" danger icon={<CloseOutlined />} onClick={() => setRejecting(r)}>
                {s.reject}
              </BusyButton>
            ) : null}
            {r.mine ? <CancelButton request={r} /> : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      {!canCountersign ? <Alert type="info" showIcon message={s.howToRequest} style={{ marginBottom: 16 }} /> : null}
      <FormError outcome={countersign.error} />
      <Card size="small">
        <Table<ResetRequest> rowKey="id" size="middle" dataSource={requests} columns={columns} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: s.empty }} />
      </Card>
      {rejecting ? <RejectModal key={rejecting.id} request={rejecting} onClose={closeReject} /> : null}
      {issued ? <IssuedPasswordModal issued={issued} onClose={() => setIssued(null)} /> : null}
    </>
  );
}
