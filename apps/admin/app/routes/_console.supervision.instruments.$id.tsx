// One supervision instrument: its content, the step buttons the user's role allows now
// (提交签批; 签批 approve or return with a comment; 签收; 书面回复; 采纳/不采纳), its document,
// its place on the ladder (previous and following instruments) and, when the answer is
// late or rejected, the suggested next rung.
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Space, Timeline, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime, InstrumentStatusTag, OverdueTag, PageHeader, useFormFetcher } from '@zhengfa/ui';
import { useCallback, useState } from 'react';
import { FormError } from '../components/form-error.js';
import { DocumentButton } from '../components/supervision/document-button.js';
import { recipientLine } from '../components/supervision/instrument-ladder.js';
import { eventLabel, type CaseVocabNames } from '../lib/case-actions.js';
import { instrumentButtons, instrumentStepOf, type InstrumentButton } from '../lib/supervision.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.supervision;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: strings.pageTitle(d && 'instrument' in d ? s.instrumentTitle(d.instrument.kindName, d.instrument.docNo) : s.instrumentsTitle) }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.error.notFound }, { status: 404 });
  return load(context, request, async (trpc) => {
    const [me, instrument] = await Promise.all([trpc.auth.me(), trpc.supervision.instrument({ id })]);
    const [onCase, history, caseVocab] = await Promise.all([
      trpc.supervision.instruments({ caseId: instrument.caseId }),
      // The steps are events on the case's timeline; a user who cannot open the case sees none.
      trpc.cases
        .get({ id: instrument.caseId })
        .then((c) => c.timeline.filter((e) => (e.data as { instrumentId?: string } | null)?.instrumentId === id))
        .catch(() => []),
      trpc.cases.vocab(),
    ]);
    const permissions = me?.user.permissions ?? [];
    return {
      instrument,
      caseVocab,
      previous: onCase.find((i) => i.id === instrument.previousId) ?? null,
      following: onCase.filter((i) => i.previousId === id),
      history: history.map((e) => ({ id: String(e.id), type: e.type, actorName: e.actorName, at: e.at, comment: e.comment })),
      buttons: instrumentButtons(instrument.status, { permissions, committee: Boolean(me?.user.committee) }),
      canDraft: permissions.includes('supervision.instruments'),
    };
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export async function action({ context, request, params }: ActionFunctionArgs) {
  const id = params.id ?? '';
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const button = form.str(fd, 'button') as InstrumentButton;
  const spec = instrumentStepOf[button];
  if (intent !== 'step' || !spec) return badForm(intent);
  return mutate(context, intent, s.stepDone[button], (trpc) =>
    trpc.supervision.instrumentStep({
      id,
      version: form.int(fd, 'version'),
      step: spec.step,
      ...(spec.approve !== undefined ? { approve: spec.approve } : {}),
      ...(form.optStr(fd, 'comment') ? { comment: form.optStr(fd, 'comment') } : {}),
      ...(spec.answer ? { answer: form.str(fd, 'answer') } : {}),
    }),
  );
}

export default function InstrumentPage() {
  const d = useLoaderData<typeof loader>();
  const i = d.instrument;
  const [params] = useSearchParams();
  const [open, setOpen] = useState<InstrumentButton | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const none = strings.common.none;
  const suggestionOpen = Boolean(i.suggestedNext) && d.following.length === 0;

  return (
    <>
      <PageHeader
        title={<span data-testid="instrument-title">{s.instrumentTitle(i.kindName, i.docNo)}</span>}
        subtitle={
          <Space size={8} wrap data-testid="instrument-header">
            <InstrumentStatusTag status={i.status} label={i.statusName} />
            {i.overdue ? <OverdueTag label={s.overdue} /> : null}
            <span>
              {s.case}：<Link to={`/cases/${i.caseId}`}>{i.caseTitle}</Link>（{i.caseDocNo}）
            </span>
          </Space>
        }
        extra={
          <>
            <DocumentButton href={`/documents/instruments/${i.id}`} label={s.download} fileName={`${i.kindName}_${i.docNo ?? s.draftNo}.docx`} testId="doc-instrument" />
            <Link to="/supervision/instruments">{s.back}</Link>
          </>
        }
      />
      {params.get('drafted') && i.status === 'draft' ? <Alert type="success" showIcon closable message={s.drafted} style={{ marginBottom: 16 }} /> : null}
      {i.status === 'draft' && i.decisionComment ? (
        <Alert type="warning" showIcon message={s.signoffReturned} description={i.decisionComment} style={{ marginBottom: 16 }} data-testid="signoff-returned" />
      ) : null}
      {suggestionOpen && i.suggestedNextName ? (
        <Alert
          type="error"
          showIcon
          icon={<ArrowUpOutlined />}
          data-testid="suggested-next"
          style={{ marginBottom: 16 }}
          message={s.suggestedHelp(i.suggestedNextName, i.status === 'rejected' ? s.whyRejected : s.whyOverdue)}
          action={
            d.canDraft ? (
              <Link to={`/cases/${i.caseId}?draftNext=${i.id}`}>
                <Button type="primary" danger size="small" data-testid="draft-next">
                  {s.draftNext}
                </Button>
              </Link>
            ) : null
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={strings.cases.workflow} size="small" data-testid="instrument-steps">
            {d.buttons.length === 0 ? (
              <Typography.Text type="secondary">{s.noSteps}</Typography.Text>
            ) : (
              <Space wrap>
                {d.buttons.map((b) => (
                  <Button key={b} type={instrumentStepOf[b].danger ? 'default' : 'primary'} danger={instrumentStepOf[b].danger} onClick={() => setOpen(b)} data-step={b}>
                    {s.steps[b]}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="instrument-details">
              <Descriptions.Item label={s.docNo}>
                <span data-testid="instrument-docno">{i.docNo ?? s.draftNo}</span>
              </Descriptions.Item>
              <Descriptions.Item label={s.kind}>{i.kindName}</Descriptions.Item>
              <Descriptions.Item label={s.recipient} span={2}>
                {recipientLine(i)}
              </Descriptions.Item>
              <Descriptions.Item label={s.issuedOn}>{formatDate(i.issuedOn, none)}</Descriptions.Item>
              <Descriptions.Item label={s.responseDeadline}>
                <Space size={4}>
                  {formatDate(i.responseDeadline)}
                  {i.overdue ? <OverdueTag label={s.overdue} /> : null}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={s.previous}>
                {d.previous ? <Link to={`/supervision/instruments/${d.previous.id}`}>{s.instrumentTitle(d.previous.kindName, d.previous.docNo)}</Link> : none}
              </Descriptions.Item>
              <Descriptions.Item label={s.next}>
                {d.following.length ? (
                  <Space direction="vertical" size={0}>
                    {d.following.map((f) => (
                      <Link key={f.id} to={`/supervision/instruments/${f.id}`}>
                        {s.instrumentTitle(f.kindName, f.docNo)}
                      </Link>
                    ))}
                  </Space>
                ) : (
                  none
                )}
              </Descriptions.Item>
              <Descriptions.Item label={s.facts} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{i.facts}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={s.legalBasis} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{i.legalBasis || none}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={s.requirement} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{i.requirement}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={s.answer} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="instrument-answer">
                  {i.answer || none}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={s.answeredAt}>{formatDateTime(i.answeredAt, none)}</Descriptions.Item>
              <Descriptions.Item label={s.decisionComment}>{['accepted', 'rejected'].includes(i.status) ? i.decisionComment || none : none}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={s.history} size="small">
            <History items={d.history} vocab={d.caseVocab} />
          </Card>
        </Col>
      </Row>
      {open ? <StepDialog key={open} d={d} button={open} onClose={close} /> : null}
    </>
  );
}

function History({ items, vocab }: { items: LoaderData['history']; vocab: CaseVocabNames }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={strings.cases.noTimeline} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={[...items].reverse().map((e) => ({
        key: e.id,
        color: e.type === 'instrument.reject' || e.type === 'instrument.signoff.reject' ? 'red' : e.type === 'instrument.accept' ? 'green' : 'blue',
        children: (
          <Space direction="vertical" size={2} data-testid="instrument-history-item">
            <Typography.Text strong>{eventLabel(e.type, vocab)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.comment ? (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: strings.common.view }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {e.comment}
              </Typography.Paragraph>
            ) : null}
          </Space>
        ),
      }))}
    />
  );
}

function StepDialog({ d, button, onClose }: { d: LoaderData; button: InstrumentButton; onClose: () => void }) {
  const i = d.instrument;
  const spec = instrumentStepOf[button];
  const { submit, error, busy } = useFormFetcher(onClose);
  const [antForm] = Form.useForm<{ comment?: string; answer?: string }>();
  const label = s.steps[button];
  const commentLabel = button === 'decline' ? s.declineComment : button === 'reject' ? s.rejectComment : button === 'approve' ? s.signComment : s.acceptComment;
  return (
    <Modal
      open
      title={`${label} · ${s.instrumentTitle(i.kindName, i.docNo)}`}
      okText={label}
      okButtonProps={{ danger: Boolean(spec.danger) }}
      cancelText={strings.common.cancel}
      confirmLoading={busy}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      width={spec.answer ? 720 : 520}
      destroyOnClose
    >
      <FormError outcome={error} />
      <Form form={antForm} name={`instrument-${button}`} layout="vertical" onFinish={(v) => submit({ intent: 'step', button, version: i.version, comment: v.comment, answer: v.answer })}>
        {spec.answer ? (
          <Form.Item name="answer" label={s.answer} rules={[{ required: true, whitespace: true, message: strings.common.required(s.answer) }]}>
            <Input.TextArea rows={6} maxLength={10000} showCount placeholder={s.answerPlaceholder} />
          </Form.Item>
        ) : null}
        {spec.comment !== 'none' ? (
          <Form.Item name="comment" label={commentLabel} rules={spec.comment === 'required' ? [{ required: true, whitespace: true, message: strings.common.required(commentLabel) }] : []}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <Typography.Paragraph>{s.instrumentTitle(i.kindName, i.docNo)} · {recipientLine(i)}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
