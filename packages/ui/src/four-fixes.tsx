// 四定一包: the lead leader, the responsible handler, the resolution plan, the deadline and the
// lead unit (with cooperating units). One form for every page that sets them (the kernel's
// case page, a plugin routing its matter), with the kernel's own limits, what it submits, and
// how an action reads it back.
import { Alert, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { form, type FormValues } from './form-data.js';
import { uiStrings } from './strings.js';
import { UnitSelect, type UnitOption } from './unit-select.js';
import { UserSelect, type UserOption } from './user-select.js';

/** The kernel's limits (cases.setFourFixes): the form refuses what the kernel would. */
export const fourFixesLimits = { handlerName: 30, handlerPhone: 20, resolutionPlan: 5000, cooperatingUnits: 20 } as const;

export interface FourFixesValues {
  leadLeaderId: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
  handlerName: string;
  handlerPhone?: string;
  resolutionPlan: string;
  deadline: Dayjs;
}

/** What the kernel's `setFourFixes` (and a plugin's routing) takes, read from the form. */
export interface FourFixesInput {
  leadLeaderId: string;
  handlerName: string;
  handlerPhone: string | null;
  resolutionPlan: string;
  deadline: string;
  leadUnitId: string;
  cooperatingUnitIds: string[];
}

/** The form's values as fields of a submission (cooperating units as repeated fields). */
export function fourFixesSubmission(v: FourFixesValues): FormValues {
  return {
    leadLeaderId: v.leadLeaderId,
    leadUnitId: v.leadUnitId,
    cooperatingUnitIds: v.cooperatingUnitIds ?? [],
    handlerName: v.handlerName,
    handlerPhone: v.handlerPhone ?? '',
    resolutionPlan: v.resolutionPlan,
    deadline: v.deadline.format('YYYY-MM-DD'),
  };
}

/** Reads a submission of `fourFixesSubmission` in an action. */
export function readFourFixes(fd: FormData): FourFixesInput {
  return {
    leadLeaderId: form.str(fd, 'leadLeaderId'),
    handlerName: form.str(fd, 'handlerName'),
    handlerPhone: form.optStr(fd, 'handlerPhone') ?? null,
    resolutionPlan: form.str(fd, 'resolutionPlan'),
    deadline: form.str(fd, 'deadline'),
    leadUnitId: form.str(fd, 'leadUnitId'),
    cooperatingUnitIds: form.list(fd, 'cooperatingUnitIds'),
  };
}

export interface FourFixesFieldsProps {
  /** The lead-leader choices (users holding the 政法委领导 role). */
  leaders: readonly UserOption[];
  units: readonly UnitOption[];
  /** The lead unit cannot change here (e.g. once assigned, it changes by 转办); the help says why. */
  unitLocked?: string | false;
}

/** The fields, to put inside the page's own `<Form>` (whose name tests and labels address). */
export function FourFixesFields({ leaders, units, unitLocked }: FourFixesFieldsProps) {
  const s = uiStrings.fourFixes;
  const required = (label: string) => [{ required: true, whitespace: true, message: uiStrings.form.required(label) }];
  const requiredSelect = (label: string) => [{ required: true, message: uiStrings.form.requiredSelect(label) }];
  return (
    <>
      {leaders.length === 0 ? <Alert type="warning" showIcon message={s.noLeaders} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="leadLeaderId" label={s.leadLeader} rules={requiredSelect(s.leadLeader)}>
            <UserSelect users={leaders} placeholder={uiStrings.form.requiredSelect(s.leadLeader)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="leadUnitId" label={s.leadUnit} extra={unitLocked || undefined} rules={requiredSelect(s.leadUnit)}>
            <UnitSelect units={units} disabled={Boolean(unitLocked)} placeholder={uiStrings.form.requiredSelect(s.leadUnit)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="handlerName" label={s.handlerName} rules={required(s.handlerName)}>
            <Input maxLength={fourFixesLimits.handlerName} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="handlerPhone" label={s.handlerPhone}>
            <Input maxLength={fourFixesLimits.handlerPhone} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="deadline" label={s.deadline} rules={requiredSelect(s.deadline)}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="cooperatingUnitIds" label={s.cooperatingUnits}>
            <UnitSelect units={units} multiple allowClear />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="resolutionPlan" label={s.resolutionPlan} rules={required(s.resolutionPlan)}>
            <Input.TextArea rows={3} maxLength={fourFixesLimits.resolutionPlan} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
