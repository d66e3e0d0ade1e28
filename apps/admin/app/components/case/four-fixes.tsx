// 四定一包: the lead leader, the handler, the resolution plan, the deadline and the lead
// unit. Shown to everyone; editable by users who assign cases (cases.assign).
import { Alert, Descriptions, Divider, Form, Space } from 'antd';
import { BusyButton, formatDate, FormError, FourFixesFields, fourFixesSubmission, useFormFetcher, type FourFixesValues } from '@zhengfa/ui';
import dayjs from 'dayjs';
import type { CaseData } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { ClarityFields } from './clarities.js';

const s = strings.cases;

interface Values extends FourFixesValues {
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
        <Descriptions.Item label={s.deadline}>
          <span className="zf-nowrap">{formatDate(c.deadline, none)}</span>
        </Descriptions.Item>
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
  const { submit, error, busy } = useFormFetcher();
  const [antForm] = Form.useForm<Values>();
  // The lead unit changes by 转办 once the case is assigned.
  const unitLocked = !['registered', 'pending_approval', 'approved'].includes(c.status);
  // The stored lead leader stays choosable even if they no longer hold the role.
  const leaders = c.leadLeaderId && !data.leaders.some((l) => l.id === c.leadLeaderId) ? [...data.leaders, { id: c.leadLeaderId, name: c.leadLeaderName ?? c.leadLeaderId }] : data.leaders;
  const stored = (c.sixClarities ?? {}) as Record<string, string | undefined>;

  function onFinish(v: Values) {
    submit({ intent: 'fourFixes', version: c.version, ...fourFixesSubmission(v), sixClarities: c.isKey ? JSON.stringify(v.sixClarities ?? {}) : undefined });
  }

  return (
    <>
      <Divider orientation="left" plain>
        {s.saveFourFixes}
      </Divider>
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
        <FourFixesFields leaders={leaders} units={data.units} unitLocked={unitLocked && s.unitLockedHelp} />
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
