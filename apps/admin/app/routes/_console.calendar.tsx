import { useFetcher, useLoaderData, useNavigate } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { BusyButton, formatDate, PageHeader, useActionFeedback } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError } from '../components/form-error.js';
import { toFormData } from '../lib/form-data.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.calendar;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const raw = Number.parseInt(new URL(request.url).searchParams.get('year') ?? '', 10);
  const thisYear = Number(dayjs().format('YYYY'));
  const year = Number.isFinite(raw) && raw >= 2000 && raw <= 2100 ? raw : thisYear;
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const [cal, cadence] = await Promise.all([trpc.calendar.year({ year }), trpc.calendar.cadence()]);
    return { cal, cadence, thisYear, canManage: Boolean(me?.user.permissions.includes('calendar.manage')) };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'dispatchCounting') {
    const urgency = form.str(fd, 'urgency');
    const counting = form.str(fd, 'counting');
    if (!['normal', 'urgent', 'critical'].includes(urgency) || !['working', 'natural'].includes(counting)) return badForm(intent);
    return mutate(context, intent, s.countingSaved, (trpc) =>
      trpc.calendar.setDispatchCounting({ urgency: urgency as 'normal' | 'urgent' | 'critical', counting: counting as 'working' | 'natural' }),
    );
  }
  const kind = form.str(fd, 'kind');
  if (intent !== 'set' || !['holiday', 'workday', 'official'].includes(kind)) return badForm(intent);
  return mutate(context, intent, kind === 'official' ? s.restored : s.saved, (trpc) =>
    trpc.calendar.set({ date: form.str(fd, 'date'), kind: kind as 'holiday' | 'workday' | 'official', name: form.str(fd, 'name') }),
  );
}

type Day = ReturnType<typeof useLoaderData<typeof loader>>['cal']['days'][number];
type CadenceRow = ReturnType<typeof useLoaderData<typeof loader>>['cadence'][number];

function CountingSelect({ row }: { row: CadenceRow }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  return (
    <Space direction="vertical" size={4}>
      <Select
        value={row.counting}
        disabled={fetcher.state !== 'idle'}
        aria-label={`${row.urgencyName}${s.counting}`}
        style={{ width: 240 }}
        status={error ? 'error' : undefined}
        options={(['working', 'natural'] as const).map((c) => ({ value: c, label: s.countingNames[c] }))}
        onChange={(counting: string) => fetcher.submit(toFormData({ intent: 'dispatchCounting', urgency: row.urgency, counting }), { method: 'post' })}
      />
      <FormError outcome={error} />
    </Space>
  );
}

function CadenceCard({ rows, canManage }: { rows: CadenceRow[]; canManage: boolean }) {
  return (
    <Card size="small" title={s.cadence} extra={<Typography.Text type="secondary">{s.cadenceHelp}</Typography.Text>} style={{ marginBottom: 16 }}>
      <Table<CadenceRow>
        rowKey="urgency"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: s.urgency, key: 'urgency', render: (_, r) => r.urgencyName },
          { title: s.dispatch, key: 'dispatch', render: (_, r) => r.dispatchLabel },
          { title: s.counting, key: 'counting', render: (_, r) => (canManage ? <CountingSelect row={r} /> : s.countingNames[r.counting]) },
          { title: s.report, key: 'report', render: (_, r) => r.reportLabel },
        ]}
      />
    </Card>
  );
}

function kindTag(working: boolean) {
  return working ? <Tag color="orange">{s.workday}</Tag> : <Tag color="green">{s.holiday}</Tag>;
}

function RestoreButton({ date }: { date: string }) {
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  return (
    <Popconfirm title={s.restore} okText={strings.common.ok} cancelText={strings.common.cancel} onConfirm={() => fetcher.submit(toFormData({ intent: 'set', date, kind: 'official', name: '' }), { method: 'post' })}>
      <BusyButton size="small" type="link" loading={fetcher.state !== 'idle'} danger={Boolean(error)} title={error?.error}>
        {s.restore}
      </BusyButton>
    </Popconfirm>
  );
}

function SetDayForm() {
  const [antForm] = Form.useForm<{ date: Dayjs; kind: 'holiday' | 'workday'; name?: string }>();
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher, () => antForm.resetFields());
  return (
    <Card size="small" title={s.setDay} style={{ marginBottom: 16 }}>
      <FormError outcome={error} />
      <Form
        form={antForm}
        name="calendarSet"
        layout="inline"
        initialValues={{ kind: 'holiday' }}
        style={{ rowGap: 12 }}
        onFinish={(v) => fetcher.submit(toFormData({ intent: 'set', date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name ?? '' }), { method: 'post' })}
      >
        <Form.Item name="date" label={s.date} rules={[{ required: true, message: strings.common.requiredSelect(s.date) }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={s.setKind}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: s.holiday },
              { value: 'workday', label: s.workday },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={s.setName}>
          <Input maxLength={20} placeholder={s.setNamePlaceholder} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <BusyButton type="primary" htmlType="submit" loading={fetcher.state !== 'idle'}>
            {strings.common.save}
          </BusyButton>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function CalendarPage() {
  const { cal, cadence, thisYear, canManage } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 2 + i);
  if (!years.includes(cal.year)) years.push(cal.year);

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          <Space>
            <Typography.Text>{s.year}</Typography.Text>
            <Select
              value={cal.year}
              options={years.sort().map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(y: number) => navigate(y === thisYear ? '/calendar' : `/calendar?year=${y}`)}
              style={{ width: 110 }}
              aria-label={s.year}
            />
          </Space>
        }
      />
      {!cal.hasOfficial ? <Alert type="warning" showIcon message={s.noOfficial(cal.year)} style={{ marginBottom: 16 }} /> : null}
      <CadenceCard rows={cadence} canManage={canManage} />
      {canManage ? <SetDayForm /> : null}
      <Card size="small" title={s.workingDays(cal.workingDays)}>
        <Table<Day>
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={cal.days}
          locale={{ emptyText: s.empty }}
          columns={[
            { title: s.date, key: 'date', render: (_, d) => formatDate(d.date) },
            { title: s.weekday, key: 'weekday', render: (_, d) => s.weekdays[dayjs(d.date).day()] },
            { title: s.kind, key: 'kind', render: (_, d) => kindTag(d.working) },
            { title: s.name, key: 'name', render: (_, d) => d.correction?.name || d.official?.name || strings.common.none },
            {
              title: s.source,
              key: 'source',
              render: (_, d) =>
                d.correction ? (
                  <Space size={4} wrap>
                    <Tag color="purple">{s.adjusted}</Tag>
                    {d.official ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s.officialWas(d.official.kind === 'holiday' ? s.holiday : s.workday)}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ) : (
                  <Tag>{s.official}</Tag>
                ),
            },
            ...(canManage ? [{ title: strings.common.actions, key: 'actions', render: (_: unknown, d: Day) => (d.correction ? <RestoreButton date={d.date} /> : null) }] : []),
          ]}
        />
      </Card>
    </>
  );
}
