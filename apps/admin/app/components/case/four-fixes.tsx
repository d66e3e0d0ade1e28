// 四定一包: the lead leader, the handler, the resolution plan, the deadline and the lead
// unit. Shown to everyone; editable by users who assign cases (cases.assign).
import { Alert, Col, DatePicker, Descriptions, Divider, Form, Input, Row, Select, Space } from 'antd';
import { BusyButton, formatDate } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError } from '../form-error.js';
import { UnitSelect } from '../unit-select.js';
import type { CaseData } from '../../routes/_console.cases.$id.js';
import { strings } from '../../strings.js';
import { ClarityFields } from './clarities.js';
import { useCaseFetcher } from './use-case-fetcher.js';

const s = strings.cases;

interface Values {
  leadLeaderId: string;
  handlerName: string;
  handlerPhone?: string;
  resolutionPlan: string;
  deadline: Dayjs;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
  sixClarities?: Record<string, string | undefined>;
}

export function FourFixesPanel({ data }: { data: CaseData }) {
  const c = data.case;
  const editable = data.can.assign && !['closed', 'archived'].includes(c.status);
  const none = strings.common.none;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.missingFourFixes.length ? (
        <Alert type="warning" showIcon message={s.fourFixesMissing(c.missingFourFixes)} data-testid="four-fixes-missing" />
      ) : (
        <Alert type="success" showIcon message={s.fourFixesComplete} />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={s.leadLeader}>{c.leadLeaderName ?? none}</Descriptions.Item>
        <Descriptions.Item label={s.handlerName}>
          {c.handlerName ?? none}
          {c.handlerPhone ? `（${c.handlerPhone}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={s.leadUnit}>{c.leadUnitName ?? none}</Descriptions.Item>
        <Descriptions.Item label={s.deadline}>{formatDate(c.deadline, none)}</Descriptions.Item>
        <Descriptions.Item label={s.cooperatingUnits} span={2}>
          {c.cooperatingUnits.length ? c.cooperatingUnits.map((u) => u.name).join('、') : none}
        </Descriptions.Item>
        <Descriptions.Item label={s.resolutionPlan} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.resolutionPlan ?? none}</span>
        </Descriptions.Item>
      </Descriptions>
      {editable ? <FourFixesForm data={data} /> : null}
    </Space>
  );
}

function FourFixesForm({ data }: { data: CaseData }) {
  const c = data.case;
  const { submit, error, busy } = useCaseFetcher();
  const [antForm] = Form.useForm<Values>();
  // The lead unit changes by 转办 once the case is assigned.
  const unitLocked = !['registered', 'pending_approval', 'approved'].includes(c.status);
  const leaderOptions = data.leaders.map((l) => ({ value: l.id, label: l.name, title: l.name }));
  if (c.leadLeaderId && !leaderOptions.some((o) => o.value === c.leadLeaderId)) {
    leaderOptions.push({ value: c.leadLeaderId, label: c.leadLeaderName ?? c.leadLeaderId, title: c.leadLeaderName ?? c.leadLeaderId });
  }
  const stored = (c.sixClarities ?? {}) as Record<string, string | undefined>;

  function onFinish(v: Values) {
    submit({
      intent: 'fourFixes',
      version: c.version,
      leadLeaderId: v.leadLeaderId,
      handlerName: v.handlerName,
      handlerPhone: v.handlerPhone ?? '',
      resolutionPlan: v.resolutionPlan,
      deadline: v.deadline.format('YYYY-MM-DD'),
      leadUnitId: v.leadUnitId,
      cooperatingUnitIds: v.cooperatingUnitIds ?? [],
      sixClarities: c.isKey ? JSON.stringify(v.sixClarities ?? {}) : undefined,
    });
  }

  return (
    <>
      <Divider orientation="left" plain>
        {s.saveFourFixes}
      </Divider>
      {data.leaders.length === 0 ? <Alert type="warning" showIcon message={s.noLeaders} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={antForm}
        name="fourFixes"
        layout="vertical"
        onFinish={onFinish}
        key={c.version}
        initialValues={{
          leadLeaderId: c.leadLeaderId ?? undefined,
          handlerName: c.handlerName ?? '',
          handlerPhone: c.handlerPhone ?? '',
          resolutionPlan: c.resolutionPlan ?? '',
          deadline: c.deadline ? dayjs(c.deadline) : undefined,
          leadUnitId: c.leadUnitId ?? undefined,
          cooperatingUnitIds: c.cooperatingUnits.map((u) => u.id),
          sixClarities: stored,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="leadLeaderId" label={s.leadLeader} rules={[{ required: true, message: strings.common.requiredSelect(s.leadLeader) }]}>
              <Select options={leaderOptions} showSearch optionFilterProp="label" placeholder={strings.common.requiredSelect(s.leadLeader)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leadUnitId" label={s.leadUnit} extra={unitLocked ? s.unitLockedHelp : undefined} rules={[{ required: true, message: strings.common.requiredSelect(s.leadUnit) }]}>
              <UnitSelect units={data.units} disabled={unitLocked} placeholder={strings.common.requiredSelect(s.leadUnit)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="handlerName" label={s.handlerName} rules={[{ required: true, message: strings.common.required(s.handlerName) }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="handlerPhone" label={s.handlerPhone}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label={s.deadline} rules={[{ required: true, message: strings.common.requiredSelect(s.deadline) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="cooperatingUnitIds" label={s.cooperatingUnits}>
              <UnitSelect units={data.units} multiple allowClear />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="resolutionPlan" label={s.resolutionPlan} rules={[{ required: true, message: strings.common.required(s.resolutionPlan) }]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        {c.isKey ? (
          <>
            <Divider orientation="left" plain>
              {s.tabs.clarities}
            </Divider>
            <ClarityFields />
          </>
        ) : null}
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.saveFourFixes}
        </BusyButton>
      </Form>
    </>
  );
}
