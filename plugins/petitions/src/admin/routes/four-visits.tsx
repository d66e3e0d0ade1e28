// 四访: leader reception days, visits down, appointments and return visits on a calendar;
// what officials scheduled and did, never the petitioners' movements.
import { Link, useFetcher, useLoaderData, useNavigate } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Badge, Calendar, Card, Col, DatePicker, Empty, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { badForm, BusyButton, form, formatDate, FormError, PageHeader, type RouteArgs, useActionFeedback } from '@zhengfa/ui';
import { load, mutate, requirePermission, type FourVisit } from '../lib/api.js';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { satisfactionOptions, strings, visitTypeOptions } from '../strings.js';

const s = strings.fourVisits;
type VisitType = (typeof visitTypeOptions)[number]['value'];
type Satisfaction = (typeof satisfactionOptions)[number]['value'];
const typeColors: Record<VisitType, string> = { reception_day: 'red', visit_down: 'blue', appointment: 'orange', return_visit: 'green' };

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const m = url.searchParams.get('month');
  const month = m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : dayjs().format('YYYY-MM');
  return load(args, async (c) => {
    const user = await requirePermission(c, args.request, 'petitions.visits', 'petitions.read');
    const [calendar, matters] = await Promise.all([
      c.petitions.fourVisits.calendar({ month }),
      c.petitions.matters.list({ page: 1, pageSize: 200 }),
    ]);
    return {
      month,
      calendar,
      canSchedule: user.permissions.includes('petitions.visits'),
      matters: matters.items.map((i) => ({ value: i.id, label: `${i.docNo} ${i.petitioners}` })),
    };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'schedule') {
    return mutate(args, intent, s.scheduled, (c) =>
      c.petitions.fourVisits.schedule({
        type: form.str(fd, 'type') as VisitType,
        scheduledOn: form.str(fd, 'scheduledOn'),
        leaderName: form.str(fd, 'leaderName'),
        place: form.optStr(fd, 'place'),
        matterId: form.optStr(fd, 'matterId') ?? null,
        notes: form.optStr(fd, 'notes'),
        idempotencyKey: form.optStr(fd, 'idempotencyKey'),
      }),
    );
  }
  if (intent === 'record') {
    return mutate(args, intent, s.recorded, (c) =>
      c.petitions.fourVisits.record({
        id: form.str(fd, 'id'),
        version: form.int(fd, 'version'),
        heldOn: form.str(fd, 'heldOn'),
        notes: form.optStr(fd, 'notes'),
        satisfaction: (form.optStr(fd, 'satisfaction') as Satisfaction | undefined) ?? null,
      }),
    );
  }
  return badForm(intent);
}

interface ScheduleValues {
  type: VisitType;
  scheduledOn: Dayjs;
  leaderName: string;
  place?: string;
  matterId?: string;
  notes?: string;
}

function ScheduleForm({ matters, date }: { matters: { value: string; label: string }[]; date: Dayjs }) {
  const [antForm] = Form.useForm<ScheduleValues>();
  const [key, setKey] = useState(() => globalThis.crypto?.randomUUID?.() ?? String(Date.now()));
  const onSuccess = useCallback(() => {
    antForm.resetFields(['leaderName', 'place', 'matterId', 'notes']);
    setKey(globalThis.crypto?.randomUUID?.() ?? String(Date.now()));
  }, [antForm]);
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher, onSuccess);
  const type = Form.useWatch('type', antForm);
  return (
    <Card size="small" title={s.schedule}>
      <Form<ScheduleValues>
        form={antForm}
        layout="vertical"
        name="scheduleVisit"
        initialValues={{ type: 'reception_day', scheduledOn: date }}
        onFinish={(v) =>
          fetcher.submit(
            {
              intent: 'schedule',
              type: v.type,
              scheduledOn: v.scheduledOn.format('YYYY-MM-DD'),
              leaderName: v.leaderName,
              place: v.place ?? '',
              matterId: v.matterId ?? '',
              notes: v.notes ?? '',
              idempotencyKey: key,
            },
            { method: 'post' },
          )
        }
      >
        <Form.Item name="type" label={s.type}>
          <Select options={visitTypeOptions.map((o) => ({ ...o }))} />
        </Form.Item>
        <Form.Item name="scheduledOn" label={s.scheduledOn} rules={[{ required: true, message: strings.common.requiredSelect(s.scheduledOn) }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="leaderName" label={s.leaderName} rules={[{ required: true, whitespace: true, message: strings.common.required(s.leaderName) }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="place" label={s.place}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="matterId" label={s.matter} rules={[{ required: type === 'return_visit', message: s.matterPlaceholder }]}>
          <Select allowClear showSearch optionFilterProp="label" options={matters} placeholder={s.matterPlaceholder} />
        </Form.Item>
        <Form.Item name="notes" label={s.notes}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={fetcher.state !== 'idle'}>
          {s.schedule}
        </BusyButton>
      </Form>
    </Card>
  );
}

function RecordForm({ visit }: { visit: FourVisit }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  return (
    <Form
      layout="inline"
      size="small"
      initialValues={{ heldOn: dayjs(visit.scheduledOn) }}
      onFinish={(v: { heldOn: Dayjs; satisfaction?: Satisfaction; notes?: string }) =>
        fetcher.submit(
          { intent: 'record', id: visit.id, version: String(visit.version), heldOn: v.heldOn.format('YYYY-MM-DD'), satisfaction: v.satisfaction ?? '', notes: v.notes ?? '' },
          { method: 'post' },
        )
      }
    >
      <Form.Item name="heldOn" label={s.heldOn}>
        <DatePicker allowClear={false} />
      </Form.Item>
      {visit.type === 'return_visit' ? (
        <Form.Item name="satisfaction" label={s.satisfaction} rules={[{ required: true, message: strings.common.requiredSelect(s.satisfaction) }]}>
          <Select style={{ width: 110 }} options={satisfactionOptions.map((o) => ({ ...o }))} />
        </Form.Item>
      ) : null}
      <BusyButton htmlType="submit" loading={fetcher.state !== 'idle'}>
        {s.record}
      </BusyButton>
      <FormError outcome={error} />
    </Form>
  );
}

export default function FourVisits() {
  const { month, calendar, canSchedule, matters } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs(`${month}-01`));
  const day = selected.format('YYYY-MM-DD');
  const items = (calendar.days as Record<string, FourVisit[] | undefined>)[day] ?? [];

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Calendar
              value={selected}
              onSelect={(d) => setSelected(d)}
              onPanelChange={(d) => {
                setSelected(d);
                navigate(`?month=${d.format('YYYY-MM')}`);
              }}
              cellRender={(d, info) => {
                if (info.type !== 'date') return info.originNode;
                const list = (calendar.days as Record<string, FourVisit[] | undefined>)[d.format('YYYY-MM-DD')] ?? [];
                return (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {list.map((v) => (
                      <li key={v.id}>
                        <Badge color={typeColors[v.type]} text={`${v.typeName} ${v.leaderName}`} />
                      </li>
                    ))}
                  </ul>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={s.dayList(formatDate(day))}>
              {items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.empty} />
              ) : (
                <List
                  dataSource={items}
                  renderItem={(v) => (
                    <List.Item style={{ display: 'block' }} data-testid="four-visit">
                      <Space wrap>
                        <Tag color={typeColors[v.type]}>{v.typeName}</Tag>
                        <Typography.Text strong>{v.leaderName}</Typography.Text>
                        {v.place ? <Typography.Text type="secondary">{v.place}</Typography.Text> : null}
                        {v.matterId ? <Link to={`/petitions/matters/${v.matterId}`}>{v.docNo}</Link> : null}
                        {v.held ? <Tag color="green">{`${s.held} ${formatDate(v.heldOn)}${v.satisfactionName ? ` · ${v.satisfactionName}` : ''}`}</Tag> : <Tag>{s.pending}</Tag>}
                      </Space>
                      {v.notes ? <div style={{ marginTop: 4 }}>{v.notes}</div> : null}
                      {!v.held && canSchedule ? (
                        <div style={{ marginTop: 8 }}>
                          <RecordForm visit={v} />
                        </div>
                      ) : null}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {canSchedule ? <ScheduleForm matters={matters} date={selected} key={day} /> : null}
          </Space>
        </Col>
      </Row>
    </>
  );
}
