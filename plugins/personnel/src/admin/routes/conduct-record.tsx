// 三个规定 quick entry (one screen, phone-friendly): the officer records who intervened in or
// asked about a case, in six fields. Every signed-in user may open it; an account not linked to
// the registry is refused by the procedure. The clientKey makes a double tap record once.
import { Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { badForm, BusyButton, form, FormError, PageHeader, useFormFetcher, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.conductRecord;

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'record') return badForm(intent);
  return kit.mutate(args, intent, s.done, (c) =>
    c.personnel.conduct.record({
      intervenerKind: form.str(fd, 'intervenerKind') as never,
      intervenerName: form.str(fd, 'intervenerName'),
      occurredOn: form.str(fd, 'occurredOn'),
      manner: form.str(fd, 'manner') as never,
      caseRef: form.str(fd, 'caseRef'),
      content: form.str(fd, 'content'),
      clientKey: form.str(fd, 'clientKey'),
    }),
  );
}

interface Values {
  intervenerKind: string;
  intervenerName: string;
  occurredOn: Dayjs;
  manner: string;
  caseRef: string;
  content: string;
}

const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export default function ConductRecordPage() {
  const [antForm] = Form.useForm<Values>();
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const { submit, error, busy } = useFormFetcher(() => {
    antForm.resetFields();
    setClientKey(crypto.randomUUID());
  });
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }} data-testid="personnel-conduct-record">
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card>
        <Form
          form={antForm}
          layout="vertical"
          onFinish={(v) => submit({ intent: 'record', ...v, occurredOn: v.occurredOn.format('YYYY-MM-DD'), clientKey })}
        >
          <Form.Item name="intervenerKind" label={s.intervenerKind} rules={[{ required: true }]}>
            <Select size="large" options={options(s.intervenerKinds)} />
          </Form.Item>
          <Form.Item name="intervenerName" label={s.intervenerName} rules={[{ required: true }]}>
            <Input size="large" maxLength={50} />
          </Form.Item>
          <Form.Item name="occurredOn" label={s.occurredOn} rules={[{ required: true }]}>
            <DatePicker size="large" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="manner" label={s.manner} rules={[{ required: true }]}>
            <Select size="large" options={options(s.manners)} />
          </Form.Item>
          <Form.Item name="caseRef" label={s.caseRef} rules={[{ required: true }]}>
            <Input size="large" maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label={s.content} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <FormError outcome={error} />
          <BusyButton type="primary" htmlType="submit" loading={busy} block size="large">
            {s.submit}
          </BusyButton>
        </Form>
      </Card>
    </div>
  );
}
