// 安排协调会: title, time, place, chairing leader, invited units and townships (from the
// organisation tree) and the matters to coordinate (found with the ledger's keyword search,
// in the browser). ?caseId= preselects the matter the page was opened from.
import { Link, useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Card, Col, DatePicker, Form, Input, Row, Select, Spin } from 'antd';
import { BusyButton, PageHeader, useActionFeedback } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { UnitSelect } from '../components/unit-select.js';
import { toFormData } from '../lib/form-data.js';
import { browserTrpc } from '../lib/trpc.client.js';
import { callErrorOf } from '../lib/trpc-errors.js';
import { form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.supervision;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.newMeetingTitle) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const caseId = new URL(request.url).searchParams.get('caseId');
  return load(context, request, async (trpc) => {
    const [orgs, leaders, preset] = await Promise.all([
      trpc.orgs.tree(),
      trpc.users.list({ roleKey: 'leader', pageSize: 100 }),
      caseId && UUID.test(caseId) ? trpc.cases.get({ id: caseId }).catch(() => null) : Promise.resolve(null),
    ]);
    return {
      units: orgs.filter((o) => o.kind !== 'committee').map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: o.disabled })),
      leaders: leaders.items.filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.displayName })),
      preset: preset ? { id: preset.id, label: `${preset.docNo} ${preset.title}`, unitIds: [preset.leadUnitId, ...preset.cooperatingUnits.map((u) => u.id)].filter((x): x is string => Boolean(x)) } : null,
    };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const result = await mutate(context, 'schedule', s.scheduled, (trpc) =>
    trpc.supervision.scheduleMeeting({
      title: form.str(fd, 'title'),
      scheduledAt: new Date(form.str(fd, 'scheduledAt')),
      place: form.str(fd, 'place'),
      chairId: form.optStr(fd, 'chairId') ?? null,
      orgIds: form.list(fd, 'orgIds'),
      caseIds: form.list(fd, 'caseIds'),
    }),
  );
  if (!result.ok) return result;
  return redirect(`/supervision/meetings/${result.result!.id}`);
}

interface Values {
  title: string;
  scheduledAt: Dayjs;
  place?: string;
  chairId?: string;
  orgIds: string[];
  caseIds: string[];
}

interface CaseOption {
  value: string;
  label: string;
}

/** Finds matters by the ledger's keyword search as the user types (debounced). */
function useCaseSearch(initial: CaseOption[]) {
  const [options, setOptions] = useState<CaseOption[]>(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  function search(keyword: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setBusy(true);
      try {
        const page = await browserTrpc().cases.ledger.query({ keyword: keyword.trim() || undefined, pageSize: 20 });
        if (mine !== seq.current) return;
        setProblem(null);
        setOptions((prev) => {
          const found = page.items.map((c) => ({ value: c.id, label: `${c.docNo} ${c.title}` }));
          const kept = prev.filter((o) => !found.some((f) => f.value === o.value));
          return [...found, ...kept];
        });
      } catch (err) {
        if (mine === seq.current) setProblem(callErrorOf(err)?.message ?? strings.error.network);
      } finally {
        if (mine === seq.current) setBusy(false);
      }
    }, 300);
  }
  return { options, busy, problem, search };
}

export default function NewMeeting() {
  const { units, leaders, preset } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  const [antForm] = Form.useForm<Values>();
  const cases = useCaseSearch(preset ? [{ value: preset.id, label: preset.label }] : []);
  const busy = fetcher.state !== 'idle';

  function onFinish(v: Values) {
    if (busy) return;
    void fetcher.submit(
      toFormData({
        title: v.title,
        scheduledAt: v.scheduledAt.toDate().toISOString(),
        place: v.place ?? '',
        chairId: v.chairId,
        orgIds: v.orgIds,
        caseIds: v.caseIds,
      }),
      { method: 'post' },
    );
  }

  return (
    <>
      <PageHeader title={s.newMeetingTitle} subtitle={s.newMeetingSubtitle} extra={<Link to="/supervision/meetings">{s.backMeetings}</Link>} />
      <Card size="small">
        <FormError outcome={error} />
        {cases.problem ? <FormError outcome={{ ok: false, intent: 'search', error: cases.problem }} /> : null}
          <Form<Values>
            form={antForm}
            name="scheduleMeeting"
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ scheduledAt: dayjs().add(1, 'day').hour(9).minute(0).second(0), orgIds: preset?.unitIds ?? [], caseIds: preset ? [preset.id] : [] }}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="title" label={s.meetingTitle} rules={[{ required: true, whitespace: true, message: strings.common.required(s.meetingTitle) }]}>
                  <Input maxLength={100} placeholder={s.meetingTitlePlaceholder} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="scheduledAt" label={s.scheduledAt} rules={[{ required: true, message: strings.common.requiredSelect(s.scheduledAt) }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="place" label={s.place}>
                  <Input maxLength={100} placeholder={s.placePlaceholder} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="chairId" label={s.chair}>
                  <Select allowClear placeholder={s.chairPlaceholder} options={leaders.map((l) => ({ value: l.id, label: l.name, title: l.name }))} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="orgIds" label={s.orgs} rules={[{ required: true, message: strings.common.requiredSelect(s.orgs) }]}>
                  <UnitSelect units={units} multiple placeholder={s.orgsPlaceholder} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="caseIds" label={s.cases} rules={[{ required: true, message: strings.common.requiredSelect(s.cases) }]}>
                  <Select
                    mode="multiple"
                    showSearch
                    filterOption={false}
                    onSearch={cases.search}
                    onFocus={() => cases.options.length <= (preset ? 1 : 0) && cases.search('')}
                    options={cases.options}
                    placeholder={s.casesPlaceholder}
                    notFoundContent={cases.busy ? <Spin size="small" /> : s.casesNone}
                  />
                </Form.Item>
              </Col>
            </Row>
            <BusyButton type="primary" htmlType="submit" loading={busy}>
              {s.schedule}
            </BusyButton>
          </Form>
      </Card>
    </>
  );
}
