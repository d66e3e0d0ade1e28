// 访调对接 on the matter page: refer the matter to the joint mediation center with the
// petitioner's consent; then what the center reported (dispute code, agreement, performance),
// and closing the matter on the mediation's result as 化解 or 息访 in one step.
import { Alert, Checkbox, Descriptions, Form, Input, Radio, Space } from 'antd';
import { BusyButton, formatDate, FormError, useFormFetcher } from '@zhengfa/ui';
import type { MatterData } from '../lib/matter-page.js';
import { strings } from '../strings.js';

const s = strings.mediation;

export function MediationPanel({ data }: { data: MatterData }) {
  const m = data.matter;
  const med = m.mediation;
  const { submit, error, busy } = useFormFetcher();
  if (!med) {
    if (!data.can.refer) return <Alert type="info" showIcon message={s.notReferred} />;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={s.intro} />
        <FormError outcome={error} />
        <Form layout="inline" name="referToMediation" onFinish={(v: { consent?: boolean }) => submit({ intent: 'referToMediation', version: m.version, consent: v.consent === true })}>
          <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(s.consentRequired))) }]}>
            <Checkbox>{s.consent}</Checkbox>
          </Form.Item>
          <BusyButton type="primary" htmlType="submit" loading={busy} data-testid="refer-to-mediation">
            {s.refer}
          </BusyButton>
        </Form>
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="mediation-panel">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={s.status}>{med.statusName}</Descriptions.Item>
        <Descriptions.Item label={s.disputeCode}>{med.disputeCode ?? s.pending}</Descriptions.Item>
        <Descriptions.Item label={s.referredOn}>{formatDate(med.referredOn)}</Descriptions.Item>
        <Descriptions.Item label={s.referredBy}>{med.referredByName}</Descriptions.Item>
        <Descriptions.Item label={s.settledOn}>{med.settledOn ? formatDate(med.settledOn) : s.pending}</Descriptions.Item>
        <Descriptions.Item label={s.performedOn}>{med.performedOn ? formatDate(med.performedOn) : s.pending}</Descriptions.Item>
      </Descriptions>
      {med.canConclude && data.can.conclude ? (
        <>
          <FormError outcome={error} />
          <Form layout="vertical" name="concludeMediated" initialValues={{ outcome: 'resolved' }} onFinish={(v: { outcome: string; note?: string }) => submit({ intent: 'concludeMediated', version: m.version, outcome: v.outcome, note: v.note })}>
            <Form.Item name="outcome" label={s.outcome}>
              <Radio.Group optionType="button" options={[{ value: 'resolved', label: s.resolved }, { value: 'stopped', label: s.stopped }]} />
            </Form.Item>
            <Form.Item name="note" label={s.note}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            <BusyButton type="primary" htmlType="submit" loading={busy} data-testid="conclude-mediated">
              {s.conclude}
            </BusyButton>
          </Form>
        </>
      ) : null}
    </Space>
  );
}
