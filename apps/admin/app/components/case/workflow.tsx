// 办理流程: one button per action the server allows this user now (cases.get's
// allowedActions), each opening a dialog for what the action needs.
import { Alert, Button, Card, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { CaseAction } from '@zhengfa/kernel';
import { actionForms, actionLabel, orderedActions } from '../../lib/case-actions.js';
import type { CaseData, CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';
import { UnitSelect } from '../unit-select.js';
import { AttachmentUpload, type Uploaded } from './attachments.js';
import { ClarityFields } from './clarities.js';
import { useFormFetcher } from '@zhengfa/ui';

const s = strings.cases;

export function WorkflowCard({ data }: { data: CaseData }) {
  const c = data.case;
  const [open, setOpen] = useState<CaseAction | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const actions = orderedActions(c.allowedActions);
  return (
    <Card title={s.workflow} size="small" data-testid="workflow">
      {actions.includes('assign') && c.missingFourFixes.length ? (
        <Alert type="warning" showIcon message={s.fourFixesMissing(c.missingFourFixes)} style={{ marginBottom: 12 }} />
      ) : null}
      {actions.includes('submitResult') && c.missingClarities.length ? (
        <Alert type="warning" showIcon message={s.claritiesMissing(c.missingClarities)} style={{ marginBottom: 12 }} />
      ) : null}
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{s.noActions}</Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button key={a} type={actionForms[a].primary ? 'primary' : 'default'} danger={actionForms[a].danger} onClick={() => setOpen(a)} data-action={a}>
              {actionLabel(a, data.vocab)}
            </Button>
          ))}
        </Space>
      )}
      {open ? <TransitionDialog key={open} data={data} action={open} onClose={close} /> : null}
    </Card>
  );
}

interface Values {
  comment?: string;
  toUnitId?: string;
  report?: string;
  attachmentIds?: string[];
  sixClarities?: Record<string, string | undefined>;
}

function TransitionDialog({ data, action, onClose }: { data: CaseData; action: CaseAction; onClose: () => void }) {
  const c = data.case;
  const spec = actionForms[action];
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<Values>();
  const [uploaded, setUploaded] = useState<Uploaded[]>([]);
  const label = actionLabel(action, data.vocab);
  const commentLabel = spec.comment === 'required' ? s.reason : spec.comment === 'progress' ? s.progress : s.comment;
  const fileOptions = [...c.attachments.map((a) => ({ value: a.id, label: a.name })), ...uploaded.filter((u) => !c.attachments.some((a) => a.id === u.id)).map((u) => ({ value: u.id, label: u.name }))];

  function onFinish(v: Values) {
    submit({
      intent: 'transition',
      action,
      version: c.version,
      comment: v.comment ?? '',
      toUnitId: v.toUnitId,
      report: v.report,
      attachmentIds: v.attachmentIds ?? [],
      sixClarities: spec.report && c.isKey ? JSON.stringify(v.sixClarities ?? {}) : undefined,
    });
  }

  return (
    <Modal
      open
      title={`${label} · ${c.docNo}`}
      okText={label}
      cancelText={strings.common.cancel}
      okButtonProps={{ danger: Boolean(spec.danger) }}
      confirmLoading={busy}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      width={spec.report ? 720 : 520}
      destroyOnClose
    >
      <FormError outcome={error} />
      <Form<Values>
        form={antForm}
        name={`transition-${action}`}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ attachmentIds: [], sixClarities: (c.sixClarities ?? {}) as Record<string, string> }}
      >
        {spec.unit ? (
          <Form.Item name="toUnitId" label={s.toUnit} rules={[{ required: true, message: strings.common.requiredSelect(s.toUnit) }]}>
            <UnitSelect units={data.units} placeholder={strings.common.requiredSelect(s.toUnit)} />
          </Form.Item>
        ) : null}
        {spec.report ? (
          <Form.Item name="report" label={s.report} rules={[{ required: true, message: strings.common.required(s.report) }]}>
            <Input.TextArea rows={5} maxLength={10000} showCount placeholder={s.reportPlaceholder} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={commentLabel}
          rules={spec.comment === 'optional' ? [] : [{ required: true, whitespace: true, message: strings.common.required(commentLabel) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={spec.comment === 'optional' ? s.commentPlaceholder : undefined} />
        </Form.Item>
        {spec.attachments ? (
          <Form.Item label={s.attachmentsField} extra={s.attachmentsHelp}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Form.Item name="attachmentIds" noStyle>
                <Select mode="multiple" options={fileOptions} allowClear placeholder={s.attachmentsField} />
              </Form.Item>
              <AttachmentUpload
                caseId={c.id}
                onUploaded={(f) => {
                  setUploaded((u) => [...u, f]);
                  antForm.setFieldValue('attachmentIds', [...(antForm.getFieldValue('attachmentIds') ?? []), f.id]);
                }}
              />
            </Space>
          </Form.Item>
        ) : null}
        {spec.report && c.isKey ? <ClarityFields /> : null}
      </Form>
    </Modal>
  );
}

export function ChangeUrgencyButton({ c, vocab }: { c: CaseDetail; vocab: CaseData['vocab'] }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{s.changeUrgency}</Button>
      {open ? <ChangeUrgencyDialog c={c} vocab={vocab} onClose={close} /> : null}
    </>
  );
}

function ChangeUrgencyDialog({ c, vocab, onClose }: { c: CaseDetail; vocab: CaseData['vocab']; onClose: () => void }) {
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<{ urgency: string; reason: string }>();
  return (
    <Modal open title={s.changeUrgency} okText={strings.common.save} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <FormError outcome={error} />
      <Form
        form={antForm}
        name="changeUrgency"
        layout="vertical"
        initialValues={{ urgency: c.urgency }}
        onFinish={(v) => submit({ intent: 'changeUrgency', version: c.version, urgency: v.urgency, reason: v.reason })}
      >
        <Form.Item name="urgency" label={s.urgency}>
          <Radio.Group options={vocab.urgencies} optionType="button" />
        </Form.Item>
        <Form.Item name="reason" label={s.urgencyReason} rules={[{ required: true, whitespace: true, message: strings.common.required(s.urgencyReason) }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
