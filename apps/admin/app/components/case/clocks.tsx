// 法定期限: the statutory clocks of the case with their pauses and extensions. Users who
// urge may pause and resume; anyone who sees the case may ask for an extension; approvers
// decide it. Each change sends the clock's version.
import { Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { formatDate, useFormFetcher } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { CaseData, CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';

const s = strings.cases;
type Clock = CaseDetail['clocks'][number];
type Extension = Clock['extensions'][number];
type Dialog = { kind: 'pause' | 'resume' | 'extend'; clock: Clock } | { kind: 'decide'; clock: Clock; ext: Extension; approve: boolean };

function ClockState({ clock }: { clock: Clock }) {
  if (clock.stoppedOn) return <Tag>{s.clockStopped(formatDate(clock.stoppedOn))}</Tag>;
  if (clock.paused) return <Tag color="warning">{s.clockPaused}</Tag>;
  return <Tag color="processing">{s.clockRunning}</Tag>;
}

export function ClocksPanel({ data }: { data: CaseData }) {
  const c = data.case;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = useCallback(() => setDialog(null), []);
  if (c.clocks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noClocks} />;
  return (
    <>
      <Table<Clock>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.clocks}
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (k) => k.pauses.length > 0 || k.extensions.length > 0,
          expandedRowRender: (k) => (
            <Space direction="vertical" size={4}>
              {k.pauses.map((p, i) => (
                <Typography.Text key={`p${i}`}>{s.pauseLine(formatDate(p.from), p.to ? formatDate(p.to) : null, p.reason)}</Typography.Text>
              ))}
              {k.extensions.map((e) => (
                <Space key={e.id} wrap>
                  <Typography.Text>{s.extensionLine(e.days, e.reason)}</Typography.Text>
                  <Tag color={e.status === 'approved' ? 'success' : e.status === 'rejected' ? 'error' : 'warning'}>{s.extensionStatus[e.status] ?? e.status}</Tag>
                  {e.comment ? <Typography.Text type="secondary">{e.comment}</Typography.Text> : null}
                  {e.status === 'pending' && data.can.approve ? (
                    <>
                      <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', clock: k, ext: e, approve: true })}>
                        {s.approveExtension}
                      </Button>
                      <Button size="small" danger onClick={() => setDialog({ kind: 'decide', clock: k, ext: e, approve: false })}>
                        {s.rejectExtension}
                      </Button>
                    </>
                  ) : null}
                </Space>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: s.clockName, key: 'name', dataIndex: 'name' },
          { title: s.clockStart, key: 'start', render: (_, k) => formatDate(k.startOn) },
          {
            title: s.clockPeriod,
            key: 'days',
            render: (_, k) => (
              <Space size={4} wrap>
                {s.clockDays(k.days, s.clockUnits[k.unit] ?? k.unit)}
                {k.extensionDays ? <Tag color="blue">{s.clockExtended(k.extensionDays)}</Tag> : null}
              </Space>
            ),
          },
          { title: s.clockDue, key: 'due', render: (_, k) => <Typography.Text strong>{formatDate(k.dueOn)}</Typography.Text> },
          { title: s.clockState, key: 'state', render: (_, k) => <ClockState clock={k} /> },
          {
            title: strings.common.actions,
            key: 'actions',
            render: (_, k) =>
              k.stoppedOn ? null : (
                <Space size={0} wrap>
                  {data.can.urge && !k.paused ? (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'pause', clock: k })}>
                      {s.pause}
                    </Button>
                  ) : null}
                  {data.can.urge && k.paused ? (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'resume', clock: k })}>
                      {s.resume}
                    </Button>
                  ) : null}
                  {k.maxExtensionDays > k.extensionDays && !k.extensions.some((e) => e.status === 'pending') ? (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'extend', clock: k })}>
                      {s.requestExtension}
                    </Button>
                  ) : null}
                </Space>
              ),
          },
        ]}
      />
      {dialog ? <ClockDialog key={`${dialog.kind}-${dialog.clock.id}`} dialog={dialog} onClose={close} /> : null}
    </>
  );
}

interface Values {
  date?: Dayjs;
  reason?: string;
  days?: number;
  comment?: string;
}

function ClockDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<Values>();
  const k = dialog.clock;
  const openPause = k.pauses.find((p) => p.to === null);
  const titles = { pause: s.pause, resume: s.resume, extend: s.requestExtension };
  const title = dialog.kind === 'decide' ? (dialog.approve ? s.approveExtension : s.rejectExtension) : titles[dialog.kind];

  function onFinish(v: Values) {
    const day = v.date?.format('YYYY-MM-DD') ?? '';
    if (dialog.kind === 'pause') submit({ intent: 'pauseClock', clockId: k.id, version: k.version, from: day, reason: v.reason ?? '' });
    else if (dialog.kind === 'resume') submit({ intent: 'resumeClock', clockId: k.id, version: k.version, lastPausedDay: day });
    else if (dialog.kind === 'extend') submit({ intent: 'requestExtension', clockId: k.id, days: v.days ?? 0, reason: v.reason ?? '' });
    else if (dialog.kind === 'decide') submit({ intent: 'decideExtension', extensionId: dialog.ext.id, approve: String(dialog.approve), comment: v.comment ?? '' });
  }

  return (
    <Modal open title={`${title} · ${k.name}`} okText={strings.common.ok} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <FormError outcome={error} />
      <Form<Values> form={antForm} name={`clock-${dialog.kind}`} layout="vertical" onFinish={onFinish} initialValues={{ date: dayjs(), days: 1 }}>
        {dialog.kind === 'pause' || dialog.kind === 'resume' ? (
          <Form.Item
            name="date"
            label={dialog.kind === 'pause' ? s.pauseFrom : s.lastPausedDay}
            extra={dialog.kind === 'resume' && openPause ? s.pauseLine(formatDate(openPause.from), null, openPause.reason) : undefined}
            rules={[{ required: true, message: strings.common.requiredSelect(s.pauseFrom) }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {dialog.kind === 'extend' ? (
          <Form.Item name="days" label={s.extensionDays} extra={s.extensionMax(k.maxExtensionDays - k.extensionDays)} rules={[{ required: true, message: strings.common.required(s.extensionDays) }]}>
            <InputNumber min={1} max={Math.max(1, k.maxExtensionDays - k.extensionDays)} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        {dialog.kind === 'pause' || dialog.kind === 'extend' ? (
          <Form.Item
            name="reason"
            label={dialog.kind === 'pause' ? s.pauseReason : s.extensionReason}
            rules={[{ required: true, whitespace: true, message: strings.common.required(dialog.kind === 'pause' ? s.pauseReason : s.extensionReason) }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {dialog.kind === 'decide' ? (
          <>
            <Typography.Paragraph>{s.extensionLine(dialog.ext.days, dialog.ext.reason)}</Typography.Paragraph>
            <Form.Item name="comment" label={s.decisionComment}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
