// One coordination meeting: who was invited and came, the minutes (记录会议情况), the outcome
// (a consensus opinion, or the escalation), the leader's 签发 of the opinion, and each unit's
// 签收 and 执行情况 report; the opinion document once there is one.
import { Link, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Input, Modal, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { BusyButton, CaseStatusTag, formatDateTime, MeetingStatusTag, PageHeader, useFormFetcher } from '@zhengfa/ui';
import { useState } from 'react';
import { FormError } from '../components/form-error.js';
import { DocumentButton } from '../components/supervision/document-button.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.supervision;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: strings.pageTitle(d && 'meeting' in d ? d.meeting.title : s.meetingsTitle) }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.error.notFound }, { status: 404 });
  return load(context, request, async (trpc) => {
    const [me, meeting, vocab] = await Promise.all([trpc.auth.me(), trpc.supervision.meeting({ id }), trpc.cases.vocab()]);
    const perms = new Set(me?.user.permissions ?? []);
    const committee = Boolean(me?.user.committee);
    // A unit's own invitations: the invited organisations inside the user's scope (orgs.tree is scoped).
    const scope = !committee && perms.has('cases.handle') && perms.has('orgs.read') ? new Set((await trpc.orgs.tree()).map((o) => o.id)) : new Set<string>();
    return {
      meeting,
      casesStatusNames: Object.fromEntries(vocab.statuses.map((x) => [x.value, x.label])) as Record<string, string>,
      mine: meeting.orgs.filter((o) => scope.has(o.orgId)).map((o) => o.orgId),
      can: { manage: perms.has('supervision.meetings'), sign: perms.has('supervision.sign'), handle: perms.has('cases.handle') && !committee },
      committee,
    };
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function json<T>(raw: string, fallback: T): T {
  try {
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const id = params.id ?? '';
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const version = form.int(fd, 'version');
  switch (intent) {
    case 'hold':
      return mutate(context, intent, s.held, (trpc) =>
        trpc.supervision.holdMeeting({ id, version, minutes: form.str(fd, 'minutes'), attendance: json<{ orgId: string; attended: boolean; attendees?: string }[]>(form.str(fd, 'attendance'), []) }),
      );
    case 'conclude': {
      const outcome = form.str(fd, 'outcome') === 'consensus' ? 'consensus' : 'no_consensus';
      const escalation = form.optStr(fd, 'escalation') as 'unit_superiors' | 'higher_committee' | undefined;
      return mutate(context, intent, s.concluded, (trpc) =>
        trpc.supervision.concludeMeeting({
          id,
          version,
          outcome,
          ...(outcome === 'consensus' ? { opinion: form.str(fd, 'opinion') } : {}),
          ...(outcome === 'no_consensus' && escalation ? { escalation } : {}),
          ...(form.optStr(fd, 'note') ? { note: form.optStr(fd, 'note') } : {}),
        }),
      );
    }
    case 'sign':
      return mutate(context, intent, s.signed, (trpc) => trpc.supervision.signOpinion({ id, version }));
    case 'acknowledge':
      return mutate(context, intent, s.acked, (trpc) => trpc.supervision.acknowledgeOpinion({ id }));
    case 'report':
      return mutate(context, intent, s.reported, (trpc) => trpc.supervision.reportExecution({ id, report: form.str(fd, 'report') }));
    default:
      return badForm(intent);
  }
}

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const m = d.meeting;
  const none = strings.common.none;
  const myRows = m.orgs.filter((o) => d.mine.includes(o.orgId));
  return (
    <>
      <PageHeader
        title={<span data-testid="meeting-title">{m.title}</span>}
        subtitle={
          <Space size={8} wrap data-testid="meeting-header">
            <MeetingStatusTag status={m.status} label={m.statusName} />
            {m.opinionDocNo ? <Typography.Text strong>{m.opinionDocNo}</Typography.Text> : null}
          </Space>
        }
        extra={
          <>
            {m.opinion ? <DocumentButton href={`/documents/meetings/${m.id}/opinion`} label={s.downloadOpinion} fileName={`${s.opinion}_${m.opinionDocNo ?? s.draftNo}.docx`} testId="doc-opinion" /> : null}
            <Link to="/supervision/meetings">{s.backMeetings}</Link>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={s.basic} size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={s.scheduledAt}>{formatDateTime(m.scheduledAt)}</Descriptions.Item>
              <Descriptions.Item label={s.place}>{m.place || none}</Descriptions.Item>
              <Descriptions.Item label={s.chair}>{m.chairName ?? none}</Descriptions.Item>
              <Descriptions.Item label={s.meetingStatus}>
                <MeetingStatusTag status={m.status} label={m.statusName} />
              </Descriptions.Item>
              <Descriptions.Item label={s.cases} span={2}>
                <Space direction="vertical" size={2}>
                  {m.cases.map((c) => (
                    <Space key={c.id} size={6}>
                      <Link to={`/cases/${c.id}`}>{c.title}</Link>
                      <Typography.Text type="secondary">{c.docNo}</Typography.Text>
                      <CaseStatusTag status={c.status} label={d.casesStatusNames[c.status] ?? c.status} />
                    </Space>
                  ))}
                </Space>
              </Descriptions.Item>
              {d.committee ? (
                <Descriptions.Item label={s.minutes} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes || s.noMinutes}</Typography.Paragraph>
                </Descriptions.Item>
              ) : null}
              {m.escalation ? (
                <Descriptions.Item label={s.escalation} span={2}>
                  <Space direction="vertical" size={2}>
                    <Typography.Text strong>{m.escalationName}</Typography.Text>
                    {m.escalationNote ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.escalationNote}</Typography.Text> : null}
                  </Space>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {m.opinion ? (
            <Card title={s.opinion} size="small" style={{ marginTop: 16 }} data-testid="meeting-opinion" extra={m.opinionDocNo ? <Typography.Text strong>{m.opinionDocNo}</Typography.Text> : null}>
              {m.opinionSignedAt ? (
                <Typography.Paragraph type="secondary">{s.signedBy(m.signerName, formatDateTime(m.opinionSignedAt))}</Typography.Paragraph>
              ) : (
                <Alert type="warning" showIcon message={s.opinionUnsigned} style={{ marginBottom: 12 }} />
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.opinion}</Typography.Paragraph>
              {d.can.sign && m.status === 'consensus' && !m.opinionSignedAt ? <SignButton d={d} /> : null}
            </Card>
          ) : null}
          {d.can.manage && m.status === 'scheduled' ? <HoldForm d={d} /> : null}
          {d.can.manage && m.status === 'held' ? <ConcludeForm d={d} /> : null}
          {d.can.handle && m.opinionSignedAt && myRows.length ? <UnitActions d={d} row={myRows[0]!} /> : null}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={s.units} size="small" data-testid="meeting-units">
            <Table
              size="small"
              rowKey="orgId"
              pagination={false}
              dataSource={m.orgs}
              columns={[
                {
                  title: s.orgs,
                  key: 'name',
                  render: (_, o) => (
                    <Space direction="vertical" size={0}>
                      <span>{o.name}</span>
                      {o.attendees ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {o.attendees}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: s.attendance,
                  key: 'attended',
                  width: 70,
                  render: (_, o) => (o.attended === null ? <Typography.Text type="secondary">{s.attendedUnknown}</Typography.Text> : o.attended ? <Tag color="success">{s.attended}</Tag> : <Tag>{s.absent}</Tag>),
                },
                ...(m.opinionSignedAt
                  ? [
                      {
                        title: s.ackedAt,
                        key: 'ack',
                        render: (_: unknown, o: LoaderData['meeting']['orgs'][number]) => (
                          <Space direction="vertical" size={0}>
                            <span>{o.acknowledgedAt ? formatDateTime(o.acknowledgedAt) : <Typography.Text type="warning">{s.notAcked}</Typography.Text>}</span>
                            {o.executionReport ? (
                              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: strings.common.view }} style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
                                {s.report}：{o.executionReport}
                              </Typography.Paragraph>
                            ) : (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {s.notReported}
                              </Typography.Text>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function HoldForm({ d }: { d: LoaderData }) {
  const m = d.meeting;
  const { submit, error, busy } = useFormFetcher();
  const [attendance, setAttendance] = useState(() => m.orgs.map((o) => ({ orgId: o.orgId, name: o.name, attended: o.attended ?? true, attendees: o.attendees ?? '' })));
  const [antForm] = Form.useForm<{ minutes: string }>();
  const set = (orgId: string, patch: Partial<{ attended: boolean; attendees: string }>) => setAttendance((rows) => rows.map((r) => (r.orgId === orgId ? { ...r, ...patch } : r)));
  return (
    <Card title={s.hold} size="small" style={{ marginTop: 16 }} data-testid="meeting-hold">
      <FormError outcome={error} />
      <Form
        form={antForm}
        name="holdMeeting"
        layout="vertical"
        onFinish={(v) =>
          submit({
            intent: 'hold',
            version: m.version,
            minutes: v.minutes,
            attendance: JSON.stringify(attendance.map((a) => ({ orgId: a.orgId, attended: a.attended, ...(a.attendees.trim() ? { attendees: a.attendees.trim() } : {}) }))),
          })
        }
      >
        <Form.Item label={s.attendance}>
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={attendance}
            columns={[
              { title: s.orgs, key: 'name', dataIndex: 'name' },
              {
                title: s.attended,
                key: 'attended',
                width: 80,
                render: (_, a) => <Checkbox checked={a.attended} onChange={(e) => set(a.orgId, { attended: e.target.checked })} aria-label={`${a.name} ${s.attended}`} />,
              },
              {
                title: s.attendees,
                key: 'attendees',
                render: (_, a) => <Input size="small" value={a.attendees} maxLength={200} placeholder={s.attendeesPlaceholder} onChange={(e) => set(a.orgId, { attendees: e.target.value })} aria-label={`${a.name} ${s.attendees}`} />,
              },
            ]}
          />
        </Form.Item>
        <Form.Item name="minutes" label={s.minutes} rules={[{ required: true, whitespace: true, message: strings.common.required(s.minutes) }]}>
          <Input.TextArea rows={5} maxLength={20000} placeholder={s.minutesPlaceholder} />
        </Form.Item>
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.hold}
        </BusyButton>
      </Form>
    </Card>
  );
}

interface ConcludeValues {
  outcome: 'consensus' | 'no_consensus';
  opinion?: string;
  escalation?: 'unit_superiors' | 'higher_committee';
  note?: string;
}

function ConcludeForm({ d }: { d: LoaderData }) {
  const m = d.meeting;
  const { submit, error, busy } = useFormFetcher();
  const [antForm] = Form.useForm<ConcludeValues>();
  const outcome = Form.useWatch('outcome', antForm);
  return (
    <Card title={s.conclude} size="small" style={{ marginTop: 16 }} data-testid="meeting-conclude">
      <FormError outcome={error} />
      <Form<ConcludeValues>
        form={antForm}
        name="concludeMeeting"
        layout="vertical"
        initialValues={{ outcome: 'consensus', escalation: 'unit_superiors' }}
        onFinish={(v) => submit({ intent: 'conclude', version: m.version, outcome: v.outcome, opinion: v.opinion, escalation: v.escalation, note: v.note })}
      >
        <Form.Item name="outcome" label={s.outcome}>
          <Radio.Group options={Object.entries(s.outcomes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {outcome !== 'no_consensus' ? (
          <Form.Item name="opinion" label={s.opinion} rules={[{ required: true, whitespace: true, message: strings.common.required(s.opinion) }]}>
            <Input.TextArea rows={6} maxLength={20000} placeholder={s.opinionPlaceholder} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="escalation" label={s.escalation} rules={[{ required: true, message: strings.common.requiredSelect(s.escalation) }]}>
              <Radio.Group options={Object.entries(s.escalations).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="note" label={s.escalationNote}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.conclude}
        </BusyButton>
      </Form>
    </Card>
  );
}

function SignButton({ d }: { d: LoaderData }) {
  const { submit, error, busy } = useFormFetcher();
  return (
    <>
      <Divider style={{ margin: '12px 0' }} />
      <FormError outcome={error} />
      <Popconfirm title={s.signConfirm} okText={s.signOpinion} cancelText={strings.common.cancel} onConfirm={() => submit({ intent: 'sign', version: d.meeting.version })}>
        <BusyButton type="primary" loading={busy} data-testid="sign-opinion">
          {s.signOpinion}
        </BusyButton>
      </Popconfirm>
    </>
  );
}

function UnitActions({ d, row }: { d: LoaderData; row: LoaderData['meeting']['orgs'][number] }) {
  const ack = useFormFetcher();
  const [open, setOpen] = useState(false);
  return (
    <Card title={`${s.units} · ${row.name}`} size="small" style={{ marginTop: 16 }} data-testid="meeting-unit-actions">
      <FormError outcome={ack.error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {row.acknowledgedAt ? (
            <Typography.Text type="secondary">
              {s.ackedAt}：{formatDateTime(row.acknowledgedAt)}
            </Typography.Text>
          ) : (
            <BusyButton type="primary" loading={ack.busy} onClick={() => ack.submit({ intent: 'acknowledge' })} data-testid="ack-opinion">
              {s.ackOpinion}
            </BusyButton>
          )}
          <Button onClick={() => setOpen(true)} data-testid="report-execution">
            {s.reportExecution}
          </Button>
        </Space>
        {row.executionReport ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {s.report}（{formatDateTime(row.reportedAt)}）：{row.executionReport}
          </Typography.Paragraph>
        ) : null}
      </Space>
      {open ? <ReportDialog d={d} initial={row.executionReport ?? ''} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

function ReportDialog({ initial, onClose }: { d: LoaderData; initial: string; onClose: () => void }) {
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<{ report: string }>();
  return (
    <Modal open title={s.reportExecution} okText={s.reportExecution} cancelText={strings.common.cancel} confirmLoading={busy} onOk={() => antForm.submit()} onCancel={onClose} width={640} destroyOnClose>
      <FormError outcome={error} />
      <Form form={antForm} name="reportExecution" layout="vertical" initialValues={{ report: initial }} onFinish={(v) => submit({ intent: 'report', report: v.report })}>
        <Form.Item name="report" label={s.report} rules={[{ required: true, whitespace: true, message: strings.common.required(s.report) }]}>
          <Input.TextArea rows={6} maxLength={10000} placeholder={s.reportPlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
