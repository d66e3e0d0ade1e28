// The panels of the matter page. Each posts an intent to the page's action.
import { Alert, App, Button, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import {
  BusyButton,
  formatDate,
  FormError,
  FourFixesFields,
  fourFixesSubmission,
  saveBase64File,
  useFormFetcher,
  type ActionOutcome,
  type Base64File,
  type FormValues,
  type FourFixesValues,
} from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import type { MatterData } from '../lib/matter-page.js';
import { categoryOptions, documentOptions, outcomeOptions, strings } from '../strings.js';

type Data = MatterData;
type Submit = FormValues;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

// ---- Petitioners (masked; reveal audited) ----

interface Revealed {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  isPrimary: boolean;
}

export function PetitionersCard({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.detail;
  const { submit, error, busy, data: outcome } = useFormFetcher();
  const revealed = outcome?.ok && outcome.intent === 'reveal' ? (outcome.result as Revealed[]) : null;
  const rows = revealed ?? m.petitioners;
  return (
    <div className="ant-card ant-card-bordered ant-card-small" style={{ background: '#fff', borderRadius: 8, border: '1px solid #f0f0f0', padding: 12 }} data-testid="petitioners">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{s.petitioners}</Typography.Text>
        {data.can.reveal && !revealed ? (
          <BusyButton size="small" icon={<EyeOutlined />} loading={busy} title={s.revealHelp} onClick={() => submit({ intent: 'reveal' })}>
            {s.reveal}
          </BusyButton>
        ) : null}
      </Space>
      {m.petitionersHidden ? (
        <Alert type="info" showIcon message={s.accuserHidden} data-testid="accuser-hidden" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {revealed ? <Typography.Text type="warning">{s.revealed}</Typography.Text> : null}
          {rows.map((p) => (
            <Descriptions key={p.id} size="small" column={1} bordered>
              <Descriptions.Item label={strings.register.name}>
                <span data-testid="petitioner-name">{p.name}</span> {p.isPrimary ? <Tag>{s.primary}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={strings.register.idNumber}>{p.idNumber ?? strings.common.none}</Descriptions.Item>
              <Descriptions.Item label={strings.register.phone}>{p.phone ?? strings.common.none}</Descriptions.Item>
              <Descriptions.Item label={strings.register.address}>{p.address ?? strings.common.none}</Descriptions.Item>
            </Descriptions>
          ))}
        </Space>
      )}
      <FormError outcome={error} />
    </div>
  );
}

// ---- Routing: 四定一包 → kernel, 立项审批, 交办 ----

export function RoutingPanel({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.routing;
  const { submit, error, busy, data: outcome } = useFormFetcher();
  const [antForm] = Form.useForm<FourFixesValues>();
  const serverNote = outcome?.ok && outcome.result && typeof outcome.result === 'object' && 'message' in outcome.result ? (outcome.result as { message: string | null }).message : null;

  if (m.routedAt) return <Alert type="success" showIcon message={s.routedAlready(m.leadUnitName ?? '')} />;
  if (!data.can.route) return <Alert type="info" showIcon message={s.notCommittee} />;
  // The four fixes are in the kernel case: routing went as far as this user may.
  const pending = ['pending_approval', 'approved'].includes(m.kernel.status);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={s.intro} />
      {serverNote ? <Alert type="warning" showIcon message={serverNote} data-testid="routing-note" /> : null}
      {pending ? (
        <Space direction="vertical">
          <Typography.Text>{s.continueHelp}（{m.kernel.statusName}）</Typography.Text>
          <BusyButton type="primary" loading={busy} onClick={() => submit({ intent: 'continueRouting', version: m.version })}>
            {s.continue}
          </BusyButton>
        </Space>
      ) : (
        <Form<FourFixesValues>
            form={antForm}
            name="routing"
            layout="vertical"
            initialValues={{ deadline: dayjs(data.today).add(60, 'day'), leadUnitId: m.involvedOrgId ?? undefined }}
            onFinish={(v) => submit({ intent: 'route', version: m.version, ...fourFixesSubmission(v) })}
          >
            <FourFixesFields leaders={data.leaders} units={data.units} />
            <BusyButton type="primary" htmlType="submit" loading={busy}>
              {s.submit}
            </BusyButton>
          </Form>
      )}
      <FormError outcome={error} />
    </Space>
  );
}

// ---- Handling: 受理, 处理意见, 复查 / 复核 ----

export function HandlingPanel({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.handling;
  const { submit, error, busy } = useFormFetcher();
  const none = strings.common.none;
  if (!m.routedAt) return <Alert type="info" showIcon message={s.notRouted} />;
  const open = !m.outcome;
  const committee = data.can.register;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={s.acceptance}>
          {m.acceptance ? s.acceptanceDone(m.acceptance === 'accepted' ? s.accepted : s.notAccepted, formatDate(m.acceptanceOn)) : none}
          {m.acceptanceNote ? `：${m.acceptanceNote}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={s.answer}>
          {m.answer ? (
            <>
              <span style={{ whiteSpace: 'pre-wrap' }}>{m.answer}</span>（{formatDate(m.answeredOn)}）
            </>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={s.review}>
          {m.reviewRequestOpenUntil ? <div>{s.reviewOpenUntil(formatDate(m.reviewRequestOpenUntil))}</div> : null}
          {m.reviewRequestedOn ? <div>{`${s.requestReview}：${formatDate(m.reviewRequestedOn)}`}</div> : null}
          {m.reviewResult ? <div>{`${s.decideReview}（${formatDate(m.reviewDecidedOn)}）：${m.reviewResult}`}</div> : null}
          {m.reReviewRequestedOn ? <div>{`${s.requestReReview}：${formatDate(m.reReviewRequestedOn)}`}</div> : null}
          {m.reReviewResult ? <div>{`${s.decideReReview}（${formatDate(m.reReviewDecidedOn)}）：${m.reReviewResult}`}</div> : null}
          {m.final ? <Tag color="red">{s.final}</Tag> : null}
          {!m.reviewRequestOpenUntil && !m.reviewRequestedOn ? none : null}
        </Descriptions.Item>
      </Descriptions>
      {open && !m.acceptance ? (
        <Form
          layout="vertical"
          name="acceptance"
          initialValues={{ accepted: true }}
          onFinish={(v: { accepted: boolean; note?: string; on?: Dayjs }) => submit({ intent: 'acceptance', version: m.version, accepted: v.accepted, note: v.note, on: day(v.on) })}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="accepted" label={s.acceptance}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: s.accepted },
                    { value: false, label: s.notAccepted },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="on" label={s.acceptanceOn}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="note" label={s.acceptanceNote}>
                <Input maxLength={5000} />
              </Form.Item>
            </Col>
          </Row>
          <BusyButton htmlType="submit" loading={busy}>
            {s.recordAcceptance}
          </BusyButton>
        </Form>
      ) : null}
      {open && m.acceptance === 'accepted' && !m.answeredOn ? (
        <Form layout="vertical" name="answer" onFinish={(v: { answer: string; on?: Dayjs }) => submit({ intent: 'answer', version: m.version, answer: v.answer, on: day(v.on) })}>
          <Form.Item name="answer" label={s.answer} rules={[{ required: true, whitespace: true, message: strings.common.required(s.answer) }]}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item name="on" label={s.answeredOn}>
            <DatePicker />
          </Form.Item>
          <BusyButton htmlType="submit" loading={busy}>
            {s.recordAnswer}
          </BusyButton>
        </Form>
      ) : null}
      {open && committee && m.answeredOn && !m.final ? <ReviewForm data={data} submit={submit} busy={busy} /> : null}
      <FormError outcome={error} />
    </Space>
  );
}

function ReviewForm({ data, submit, busy }: { data: Data; submit: (v: Submit) => void; busy: boolean }) {
  const m = data.matter;
  const s = strings.handling;
  const step =
    m.reviewStage === 'none'
      ? ('requestReview' as const)
      : m.reviewStage === 'review_requested'
        ? ('decideReview' as const)
        : m.reviewStage === 'reviewed'
          ? ('requestReReview' as const)
          : m.reviewStage === 're_review_requested'
            ? ('decideReReview' as const)
            : null;
  if (!step) return null;
  const decide = step === 'decideReview' || step === 'decideReReview';
  return (
    <Form layout="inline" name="review" onFinish={(v: { result?: string; on?: Dayjs }) => submit({ intent: step, version: m.version, result: v.result, on: day(v.on) })}>
      {decide ? (
        <Form.Item name="result" label={s.reviewResult} rules={[{ required: true, whitespace: true, message: strings.common.required(s.reviewResult) }]}>
          <Input style={{ width: 320 }} maxLength={10000} />
        </Form.Item>
      ) : null}
      <Form.Item name="on">
        <DatePicker />
      </Form.Item>
      <BusyButton htmlType="submit" loading={busy}>
        {s[step]}
      </BusyButton>
    </Form>
  );
}

// ---- Outcome: 化解 / 息访 / 终结 / 核销 ----

export function OutcomePanel({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.outcome;
  const { submit, error, busy } = useFormFetcher();
  const reported = ['submitted', 'closed', 'archived'].includes(m.kernel.status);
  // 核销 is requested and approved by two people (WriteOffPanel), never a one-step outcome.
  const options = outcomeOptions.filter((o) => o.value !== 'written_off').map((o) => ({ ...o }));

  if (m.outcome) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={s.done(m.outcomeName ?? '', formatDate(m.outcomeOn))} description={m.outcomeNote} data-testid="outcome-done" />
        {m.rating ? (
          <Typography.Text>
            {s.rating}：{s.ratingValue(m.rating)}
            {m.ratingComment ? `，${m.ratingComment}` : ''}
          </Typography.Text>
        ) : null}
      </Space>
    );
  }
  if (!data.can.conclude) return <Alert type="info" showIcon message={s.needsReport} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {!reported ? <Alert type="info" showIcon message={s.needsReport} /> : null}
      <Form
        layout="vertical"
        name="conclude"
        onFinish={(v: { outcome: string; note: string; on?: Dayjs }) => submit({ intent: 'conclude', version: m.version, outcome: v.outcome, note: v.note, on: day(v.on) })}
      >
        <Form.Item name="outcome" label={s.outcome} rules={[{ required: true, message: strings.common.requiredSelect(s.outcome) }]}>
          <Radio.Group optionType="button" options={options} />
        </Form.Item>
        <Form.Item name="note" label={s.note} rules={[{ required: true, whitespace: true, message: strings.common.required(s.note) }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="on" label={s.on}>
          <DatePicker />
        </Form.Item>
        <BusyButton type="primary" htmlType="submit" loading={busy}>
          {s.submit}
        </BusyButton>
      </Form>
      {data.can.register ? (
        <Form
          layout="inline"
          name="setCategory"
          initialValues={{ category: m.category }}
          onFinish={(v: { category: string; reason: string }) => submit({ intent: 'setCategory', version: m.version, category: v.category, reason: v.reason })}
        >
          <Form.Item name="category" label={s.setCategory}>
            <Select style={{ width: 100 }} options={categoryOptions.map((o) => ({ ...o }))} />
          </Form.Item>
          <Form.Item name="reason" label={s.categoryReason} rules={[{ required: true, whitespace: true, message: strings.common.required(s.categoryReason) }]}>
            <Input style={{ width: 260 }} maxLength={1000} />
          </Form.Item>
          <BusyButton htmlType="submit" loading={busy}>
            {strings.common.save}
          </BusyButton>
        </Form>
      ) : null}
      <FormError outcome={error} />
    </Space>
  );
}

// ---- Write-off (核销): requested by one officer, approved by another ----

export function WriteOffPanel({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.writeOff;
  const { submit, error, busy } = useFormFetcher();
  const [decision] = Form.useForm<{ note?: string }>();
  const pending = m.writeOffs.find((w) => w.status === 'pending');
  const history = m.writeOffs.filter((w) => w.status !== 'pending');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="writeoff-panel">
      <Alert type="info" showIcon message={s.help} />
      {pending ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={s.pending(pending.requestedByName, formatDate(pending.requestedOn))} description={pending.reason} data-testid="writeoff-pending" />
          {pending.requestedByMe ? (
            <Typography.Text type="secondary">{s.ownRequest}</Typography.Text>
          ) : data.can.writeoff ? (
            <Form form={decision} layout="inline" name="decideWriteOff" onFinish={(v: { note?: string }) => submit({ intent: 'decideWriteOff', version: m.version, approve: true, note: v.note })}>
              <Form.Item name="note" label={s.rejectNote}>
                <Input style={{ width: 280 }} maxLength={2000} />
              </Form.Item>
              <BusyButton type="primary" htmlType="submit" loading={busy}>
                {s.approve}
              </BusyButton>
              <BusyButton loading={busy} onClick={() => submit({ intent: 'decideWriteOff', version: m.version, approve: false, note: decision.getFieldValue('note') })}>
                {s.reject}
              </BusyButton>
            </Form>
          ) : null}
        </Space>
      ) : m.outcome ? null : m.category !== 'other' ? (
        <Typography.Text type="secondary">{s.notOther}</Typography.Text>
      ) : data.can.conclude ? (
        <Form layout="vertical" name="requestWriteOff" onFinish={(v: { reason: string; on?: Dayjs }) => submit({ intent: 'requestWriteOff', version: m.version, reason: v.reason, on: day(v.on) })}>
          <Form.Item name="reason" label={s.reason} rules={[{ required: true, whitespace: true, message: strings.common.required(s.reason) }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="on" label={strings.outcome.on}>
            <DatePicker />
          </Form.Item>
          <BusyButton htmlType="submit" loading={busy}>
            {s.request}
          </BusyButton>
        </Form>
      ) : null}
      {history.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => s.history}
          dataSource={history}
          columns={[
            { title: s.reason, dataIndex: 'reason' },
            { title: strings.outcome.on, dataIndex: 'requestedOn', render: (v: string) => formatDate(v) },
            { title: strings.relief.status, dataIndex: 'statusName' },
            { title: s.rejectNote, dataIndex: 'decisionNote' },
          ]}
        />
      ) : null}
      <FormError outcome={error} />
    </Space>
  );
}

// ---- Relief (救助) ----

export function ReliefPanel({ data }: { data: Data }) {
  const m = data.matter;
  const s = strings.relief;
  const [key, setKey] = useState(() => globalThis.crypto?.randomUUID?.() ?? String(Date.now()));
  const [antForm] = Form.useForm();
  const onSuccess = useCallback(() => {
    antForm.resetFields();
    setKey(globalThis.crypto?.randomUUID?.() ?? String(Date.now()));
  }, [antForm]);
  const { submit, error, busy } = useFormFetcher(onSuccess);
  const [paidOn, setPaidOn] = useState<Dayjs | null>(dayjs(data.today));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={m.relief}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.none} /> }}
        columns={[
          { title: s.amount, dataIndex: 'amount', align: 'right' },
          { title: s.reason, dataIndex: 'reason' },
          { title: s.status, dataIndex: 'statusName', render: (v: string) => <Tag>{v}</Tag> },
          { title: s.approvedOn, dataIndex: 'approvedOn', render: (v: string | null) => formatDate(v) },
          { title: s.paidOn, dataIndex: 'paidOn', render: (v: string | null) => formatDate(v) },
          {
            key: 'ops',
            render: (_: unknown, r) =>
              !data.can.relief ? null : r.status === 'pending' ? (
                <Space>
                  <Button size="small" onClick={() => submit({ intent: 'decideRelief', reliefId: r.id, version: r.version, approve: true })}>
                    {s.approve}
                  </Button>
                  <Button size="small" danger onClick={() => submit({ intent: 'decideRelief', reliefId: r.id, version: r.version, approve: false })}>
                    {s.reject}
                  </Button>
                </Space>
              ) : r.status === 'approved' ? (
                <Space>
                  <DatePicker size="small" value={paidOn} onChange={setPaidOn} />
                  <Popconfirm title={s.pay} onConfirm={() => submit({ intent: 'payRelief', reliefId: r.id, version: r.version, paidOn: day(paidOn) })}>
                    <Button size="small">{s.pay}</Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {data.can.relief && !m.outcome ? (
        <Form
          form={antForm}
          layout="inline"
          name="relief"
          onFinish={(v: { amount: number; reason: string }) => submit({ intent: 'requestRelief', amount: v.amount, reason: v.reason, idempotencyKey: key })}
        >
          <Form.Item name="amount" label={s.amount} rules={[{ required: true, message: strings.common.required(s.amount) }]}>
            <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" label={s.reason} rules={[{ required: true, whitespace: true, message: strings.common.required(s.reason) }]}>
            <Input style={{ width: 280 }} maxLength={2000} />
          </Form.Item>
          <BusyButton htmlType="submit" loading={busy}>
            {s.request}
          </BusyButton>
        </Form>
      ) : null}
      <FormError outcome={error} />
    </Space>
  );
}

// ---- Documents: 登记表 and the notices as docx ----

export function DocumentsPanel({ data }: { data: Data }) {
  const s = strings.documents;
  const { message } = App.useApp();
  const [reveal, setReveal] = useState(false);
  const [reason, setReason] = useState('');
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (o.intent !== 'document' || !o.result) return;
      const name = saveBase64File(o.result as Base64File, 'document.docx');
      void message.success(strings.common.downloaded(name));
    },
    [message],
  );
  const { submit, error, busy } = useFormFetcher(onSuccess);
  const hidden = data.matter.petitionersHidden;
  const kinds = useMemo(() => documentOptions.map((o) => ({ ...o })), []);
  if (hidden) return <Alert type="info" showIcon message={strings.detail.accuserHidden} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{s.help}</Typography.Text>
      {data.can.reveal ? (
        <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)}>
          {s.reveal}
        </Checkbox>
      ) : null}
      <Input placeholder={s.extensionReason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} style={{ maxWidth: 420 }} addonBefore={s.extensionReason} />
      <Space wrap>
        {kinds.map((k) => (
          <BusyButton
            key={k.value}
            icon={<DownloadOutlined />}
            loading={busy}
            data-testid={`document-${k.value}`}
            onClick={() => submit({ intent: 'document', kind: k.value, reveal, extensionReason: k.value === 'extension' ? reason : undefined })}
          >
            {s.download(k.label)}
          </BusyButton>
        ))}
      </Space>
      <FormError outcome={error} />
    </Space>
  );
}
