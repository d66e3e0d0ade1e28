import { Alert, Col, DatePicker, Divider, Empty, Form, Input, List, Row, Space, Typography } from 'antd';
import { BusyButton, formatDate, formatDateTime, useFormFetcher } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseData } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';

const s = strings.cases;
const open = ['assigned', 'in_progress', 'submitted'];

/** 调度记录: the dispatch meetings held on the case, and the form to record one. */
export function DispatchPanel({ data }: { data: CaseData }) {
  const c = data.case;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {s.nextDispatch}：{formatDate(c.nextDispatchOn, strings.common.none)}
      </Typography.Text>
      {c.dispatches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noDispatches} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={c.dispatches}
          renderItem={(d) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {formatDate(d.heldOn)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(d.createdAt)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={2}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</span>
                    {d.nextSteps ? (
                      <span style={{ whiteSpace: 'pre-wrap' }}>
                        {s.dispatchNextSteps}：{d.nextSteps}
                      </span>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {data.can.urge ? open.includes(c.status) ? <DispatchForm /> : <Alert type="info" showIcon message={s.dispatchClosed} /> : null}
    </Space>
  );
}

function DispatchForm() {
  const [antForm] = Form.useForm<{ heldOn: Dayjs; summary: string; nextSteps?: string }>();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <>
      <Divider orientation="left" plain>
        {s.addDispatch}
      </Divider>
      <Form
        form={antForm}
        name="dispatch"
        layout="vertical"
        initialValues={{ heldOn: dayjs() }}
        onFinish={(v) => submit({ intent: 'dispatch', heldOn: v.heldOn.format('YYYY-MM-DD'), summary: v.summary, nextSteps: v.nextSteps ?? '' })}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="heldOn" label={s.dispatchHeldOn} rules={[{ required: true, message: strings.common.requiredSelect(s.dispatchHeldOn) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={s.dispatchSummary} rules={[{ required: true, whitespace: true, message: strings.common.required(s.dispatchSummary) }]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="nextSteps" label={s.dispatchNextSteps}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.addDispatch}
        </BusyButton>
      </Form>
    </>
  );
}
