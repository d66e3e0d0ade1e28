// 培训班次: courses and their sessions (with the sign-in code for the organisers); new
// courses and sessions.
import { Link } from '@remix-run/react';
import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table, Tag, TimePicker } from 'antd';
import { badForm, BusyButton, form, FormError, handlingUnits, PageHeader, UnitSelect, useFormFetcher, usePageData, type RouteArgs } from '@zhengfa/ui';
import type { Dayjs } from 'dayjs';
import { clockTime, kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.sessions;
type Kind = keyof typeof strings.kinds;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader(args: RouteArgs) {
  const q = new URL(args.request.url).searchParams;
  const from = q.get('from');
  const to = q.get('to');
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.read');
    const canOrganise = user.permissions.includes('personnel.training');
    const [sessions, courses, orgs] = await Promise.all([
      c.personnel.training.sessions.list({ ...(from && DAY.test(from) ? { from } : {}), ...(to && DAY.test(to) ? { to } : {}) }),
      c.personnel.training.courses.list(),
      canOrganise ? c.orgs.tree() : Promise.resolve([]),
    ]);
    return { sessions, courses, units: handlingUnits(orgs), canOrganise };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'course') {
    return kit.mutate(args, intent, s.courseCreated, (c) =>
      c.personnel.training.courses.create({
        unitId: form.optStr(fd, 'unitId') ?? null,
        kind: form.str(fd, 'kind') as Kind,
        title: form.str(fd, 'title'),
        organiser: form.optStr(fd, 'organiser'),
      }),
    );
  }
  if (intent === 'session') {
    const day = form.str(fd, 'day');
    const result = await kit.mutate(args, intent, '', (c) =>
      c.personnel.training.sessions.create({
        courseId: form.str(fd, 'courseId'),
        startsAt: `${day}T${form.str(fd, 'start')}:00+08:00`,
        endsAt: `${day}T${form.str(fd, 'end')}:00+08:00`,
        place: form.optStr(fd, 'place'),
        classHours: Number(form.str(fd, 'classHours')),
      }),
    );
    return result.ok ? { ...result, message: s.sessionCreated(result.result?.signInCode ?? '') } : result;
  }
  return badForm(intent);
}

function CourseForm({ units }: { units: { id: string; parentId: string | null; name: string; disabled: boolean }[] }) {
  const [antForm] = Form.useForm();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <Card size="small" title={s.newCourse}>
      <Form form={antForm} layout="vertical" onFinish={(v) => submit({ intent: 'course', ...v })}>
        <Form.Item name="title" label={s.courseTitle} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={s.kind} rules={[{ required: true }]}>
          <Select options={Object.entries(strings.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="unitId" label={s.unit}>
          <UnitSelect units={units} allowClear placeholder={s.committeeCourse} />
        </Form.Item>
        <Form.Item name="organiser" label={s.organiser}>
          <Input maxLength={100} />
        </Form.Item>
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.save}
        </BusyButton>
      </Form>
    </Card>
  );
}

interface SessionValues {
  courseId: string;
  day: Dayjs;
  start: Dayjs;
  end: Dayjs;
  place?: string;
  classHours: number;
}

function SessionForm({ courses }: { courses: { id: string; title: string }[] }) {
  const [antForm] = Form.useForm<SessionValues>();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <Card size="small" title={s.newSession}>
      <Form
        form={antForm}
        layout="vertical"
        onFinish={(v) =>
          submit({ intent: 'session', courseId: v.courseId, day: v.day.format('YYYY-MM-DD'), start: v.start.format('HH:mm'), end: v.end.format('HH:mm'), place: v.place ?? '', classHours: String(v.classHours) })
        }
      >
        <Form.Item name="courseId" label={s.course} rules={[{ required: true }]}>
          <Select options={courses.map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="day" label={s.day} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="start" label={s.start} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="end" label={s.end} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={s.place}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="classHours" label={s.hours} rules={[{ required: true }]}>
          <InputNumber min={0} max={24} step={0.5} />
        </Form.Item>
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.save}
        </BusyButton>
      </Form>
    </Card>
  );
}

export default function SessionsPage() {
  const { sessions, courses, units, canOrganise } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Row gutter={16}>
        <Col xs={24} lg={canOrganise ? 16 : 24}>
          <Card size="small" data-testid="personnel-sessions">
            <Table
              size="small"
              rowKey="id"
              dataSource={sessions}
              pagination={{ pageSize: 50 }}
              locale={{ emptyText: s.none }}
              columns={[
                { title: s.course, dataIndex: 'courseTitle' },
                { title: s.kind, dataIndex: 'kind', render: (k: Kind) => <Tag>{strings.kinds[k]}</Tag> },
                { title: s.when, key: 'when', render: (_: unknown, r) => `${clockTime(r.startsAt)}—${clockTime(r.endsAt).slice(11)}` },
                { title: s.place, dataIndex: 'place' },
                { title: s.hours, dataIndex: 'classHours' },
                { title: s.present, dataIndex: 'present' },
                ...(canOrganise ? [{ title: s.code, dataIndex: 'signInCode' }] : []),
                { title: '', key: 'go', render: (_: unknown, r) => <Link to={`/personnel/training/sessions/${r.id}`}>{s.attendance}</Link> },
              ]}
            />
          </Card>
        </Col>
        {canOrganise && (
          <Col xs={24} lg={8}>
            <CourseForm units={units} />
            <div style={{ height: 16 }} />
            <SessionForm courses={courses} />
          </Col>
        )}
      </Row>
    </>
  );
}
