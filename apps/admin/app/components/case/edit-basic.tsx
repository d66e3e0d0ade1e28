import { Button, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { CaseData, CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';
import { useFormFetcher } from '@zhengfa/ui';

const s = strings.cases;
const editable = ['registered', 'pending_approval', 'approved'];

/** 修改登记信息, while the case is not yet assigned. Parties are kept as they are. */
export function EditBasicButton({ c, vocab }: { c: CaseDetail; vocab: CaseData['vocab'] }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (!editable.includes(c.status)) return null;
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {s.editBasic}
      </Button>
      {open ? <EditBasicDialog c={c} vocab={vocab} onClose={close} /> : null}
    </>
  );
}

interface Values {
  title: string;
  summary?: string;
  source: string;
  isKey: boolean;
  receivedOn: Dayjs;
}

function EditBasicDialog({ c, vocab, onClose }: { c: CaseDetail; vocab: CaseData['vocab']; onClose: () => void }) {
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<Values>();
  return (
    <Modal open width={640} title={s.editBasic} okText={strings.common.save} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose}>
      <FormError outcome={error} />
      <Form<Values>
        form={antForm}
        name="editCase"
        layout="vertical"
        initialValues={{ title: c.title, summary: c.summary, source: c.source, isKey: c.isKey, receivedOn: dayjs(c.receivedOn) }}
        onFinish={(v) =>
          submit({ intent: 'update', version: c.version, title: v.title, summary: v.summary ?? '', source: v.source, isKey: String(Boolean(v.isKey)), receivedOn: v.receivedOn.format('YYYY-MM-DD') })
        }
      >
        <Form.Item name="title" label={s.title} rules={[{ required: true, message: strings.common.required(s.title) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="source" label={s.source} rules={[{ required: true, message: strings.common.requiredSelect(s.source) }]}>
          <Select options={vocab.sources} />
        </Form.Item>
        <Form.Item name="receivedOn" label={s.receivedOn} rules={[{ required: true, message: strings.common.requiredSelect(s.receivedOn) }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isKey" label={s.isKey} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="summary" label={s.summary}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
