// 监督权力行使 on the case page: each use of 调阅案卷, 案情质询, 调查, 人事任免建议, 纪律处分建议,
// and (for the supervision office) the form to record one.
import { Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate, useFormFetcher } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { CaseData } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';
import { UnitSelect } from '../unit-select.js';

const s = strings.supervision;

export function PowersCard({ data }: { data: CaseData }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const none = strings.common.none;
  return (
    <Card
      title={s.powersTitle}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="power-uses"
      extra={
        data.can.powers ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="record-power">
            {s.recordPower}
          </Button>
        ) : null
      }
    >
      {data.powerUses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noPowers} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.powerUses}
          columns={[
            { title: s.usedOn, key: 'usedOn', width: 130, render: (_, p) => formatDate(p.usedOn) },
            { title: s.power, key: 'power', dataIndex: 'powerName', width: 120 },
            { title: s.targetOrg, key: 'target', render: (_, p) => [p.targetOrgName, p.targetPerson].filter(Boolean).join(' ') || none },
            { title: s.description, key: 'description', render: (_, p) => <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span> },
            { title: s.result, key: 'result', render: (_, p) => <span style={{ whiteSpace: 'pre-wrap' }}>{p.result || none}</span> },
            { title: s.recordedBy, key: 'recordedBy', dataIndex: 'recordedBy', width: 90 },
          ]}
        />
      )}
      {open ? <PowerDialog data={data} onClose={close} /> : null}
    </Card>
  );
}

interface Values {
  power: string;
  usedOn: Dayjs;
  targetOrgId?: string;
  targetPerson?: string;
  description: string;
  result?: string;
}

function PowerDialog({ data, onClose }: { data: CaseData; onClose: () => void }) {
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<Values>();
  return (
    <Modal open title={s.recordPower} okText={strings.common.save} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose} width={640} destroyOnClose>
      <FormError outcome={error} />
      <Form<Values>
        form={antForm}
        name="recordPower"
        layout="vertical"
        initialValues={{ usedOn: dayjs(), targetOrgId: data.case.leadUnitId ?? undefined }}
        onFinish={(v) =>
          submit({
            intent: 'recordPower',
            power: v.power,
            usedOn: v.usedOn.format('YYYY-MM-DD'),
            targetOrgId: v.targetOrgId,
            targetPerson: v.targetPerson,
            description: v.description,
            result: v.result ?? '',
          })
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="power" label={s.power} rules={[{ required: true, message: strings.common.requiredSelect(s.power) }]}>
              <Select options={data.supervisionVocab.powers.map((p) => ({ value: p.value, label: p.label, title: p.label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="usedOn" label={s.usedOn} rules={[{ required: true, message: strings.common.requiredSelect(s.usedOn) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="targetOrgId" label={s.targetOrg}>
              <UnitSelect units={data.units} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="targetPerson" label={s.targetPerson}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={s.description} rules={[{ required: true, whitespace: true, message: strings.common.required(s.description) }]}>
              <Input.TextArea rows={3} maxLength={5000} placeholder={s.descriptionPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="result" label={s.result}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
