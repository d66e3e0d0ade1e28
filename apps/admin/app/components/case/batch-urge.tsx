// 批量催办 on the ledger: the supervision office selects open matters and records one
// dispatch (催办) on each, all or none (cases.dispatchMany). The dialog names the matters
// before anything is sent; the ledger's action answers with the count or the refusal,
// which names the matter that cannot be urged.
import { Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useFormFetcher } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';

const s = strings.cases;

export interface UrgeSelection {
  ids: string[];
  docNos: string[];
}

/** The batch bar's button: opens the dialog for the selected matters. */
export function BatchUrgeButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="small" type="primary" icon={<NotificationOutlined />} onClick={onClick} data-testid="ledger-batch-urge">
      {s.batchUrge}
    </Button>
  );
}

interface Values {
  heldOn: Dayjs;
  summary: string;
  nextSteps?: string;
}

/** Kept mounted by the page (not the batch bar, which goes when the ledger reloads), so the answer is shown. */
export function BatchUrgeDialog({ selection, onClose }: { selection: UrgeSelection | null; onClose: () => void }) {
  const [antForm] = Form.useForm<Values>();
  const { submit, error, busy } = useFormFetcher(onClose);
  const open = selection !== null;
  const n = selection?.ids.length ?? 0;
  return (
    <Modal
      open={open}
      title={s.batchUrgeTitle(n)}
      onCancel={onClose}
      okText={s.batchUrgeConfirm(n)}
      onOk={() => antForm.submit()}
      confirmLoading={busy}
      cancelText={strings.common.cancel}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{s.batchUrgeHint}</Typography.Paragraph>
      <Typography.Paragraph>
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 160, overflowY: 'auto' }} data-testid="batch-urge-docnos">
          {(selection?.docNos ?? []).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </Typography.Paragraph>
      <Form<Values>
        form={antForm}
        name="batchUrge"
        layout="vertical"
        initialValues={{ heldOn: dayjs() }}
        onFinish={(v) =>
          submit({ intent: 'dispatchMany', ids: selection?.ids ?? [], heldOn: v.heldOn.format('YYYY-MM-DD'), summary: v.summary, nextSteps: v.nextSteps ?? '' })
        }
      >
        <Form.Item name="heldOn" label={s.dispatchHeldOn} rules={[{ required: true, message: strings.common.requiredSelect(s.dispatchHeldOn) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Form.Item name="summary" label={s.dispatchSummary} rules={[{ required: true, whitespace: true, message: strings.common.required(s.dispatchSummary) }]}>
          <Input.TextArea rows={3} maxLength={5000} placeholder={s.batchUrgeSummaryPlaceholder} />
        </Form.Item>
        <Form.Item name="nextSteps" label={s.dispatchNextSteps}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <FormError outcome={error} />
      </Form>
    </Modal>
  );
}
