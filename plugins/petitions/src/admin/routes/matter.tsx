// One petition matter: its facts, petitioners (masked; reveal audited), visits, the
// statutory clocks of its kernel case, routing (四定一包 → kernel), handling, outcome,
// relief and the petitioner's documents. An accusation hides the accuser as the server says.
import { Link, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { data } from '@remix-run/react';
import { Alert, Card, Col, Descriptions, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { badForm, form, formatDate, formatDateTime, PageHeader, readFourFixes, type RouteArgs, usePageData, UUID } from '@zhengfa/ui';
import { load, mutate, requirePermission, type DocumentKind } from '../lib/api.js';
import { loadMatterPage, type MatterData } from '../lib/matter-page.js';
import { DocumentsPanel, HandlingPanel, OutcomePanel, PetitionersCard, ReliefPanel, RoutingPanel, WriteOffPanel } from '../components/matter-panels.js';
import { MediationPanel } from '../components/mediation-panel.js';
import { strings } from '../strings.js';

const s = strings.detail;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: strings.pageTitle(d && 'matter' in d ? d.matter.docNo : s.basic) }];

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.error.unknown }, { status: 404 });
  return load(args, async (c) => {
    const user = await requirePermission(c, args.request, 'petitions.read');
    return loadMatterPage(c, id, user.permissions);
  });
}

export async function action(args: RouteArgs) {
  const id = args.params.id ?? '';
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const version = form.int(fd, 'version');
  const on = form.optStr(fd, 'on');
  const t = strings;
  switch (intent) {
    case 'route':
      return mutate(args, intent, t.routing.routed, (c) =>
        c.petitions.matters.route({ id, version, ...readFourFixes(fd) }),
      );
    case 'continueRouting':
      return mutate(args, intent, t.routing.continued, (c) => c.petitions.matters.continueRouting({ id, version }));
    case 'reveal':
      return mutate(args, intent, '', (c) => c.petitions.matters.reveal({ matterId: id }));
    case 'acceptance':
      return mutate(args, intent, t.handling.acceptanceSaved, (c) =>
        c.petitions.matters.recordAcceptance({ id, version, accepted: form.bool(fd, 'accepted'), note: form.optStr(fd, 'note'), ...(on ? { on } : {}) }),
      );
    case 'answer':
      return mutate(args, intent, t.handling.answerSaved, (c) => c.petitions.matters.recordAnswer({ id, version, answer: form.str(fd, 'answer'), ...(on ? { answeredOn: on } : {}) }));
    case 'requestReview':
    case 'requestReReview':
      return mutate(args, intent, t.handling.reviewSaved, (c) => c.petitions.matters[intent]({ id, version, ...(on ? { on } : {}) }));
    case 'decideReview':
    case 'decideReReview':
      return mutate(args, intent, t.handling.reviewSaved, (c) => c.petitions.matters[intent]({ id, version, result: form.str(fd, 'result'), ...(on ? { on } : {}) }));
    case 'conclude':
      return mutate(args, intent, t.outcome.saved, (c) =>
        c.petitions.matters.conclude({
          id,
          version,
          outcome: form.str(fd, 'outcome') as 'resolved' | 'stopped' | 'concluded',
          note: form.str(fd, 'note'),
          ...(on ? { on } : {}),
        }),
      );
    case 'referToMediation':
      return mutate(args, intent, t.mediation.referred, (c) => c.petitions.matters.referToMediation({ id, version, consent: form.bool(fd, 'consent') }));
    case 'concludeMediated':
      return mutate(args, intent, t.mediation.concluded, (c) =>
        c.petitions.matters.concludeMediated({ id, version, outcome: form.str(fd, 'outcome') === 'stopped' ? 'stopped' : 'resolved', note: form.optStr(fd, 'note') }),
      );
    case 'requestWriteOff':
      return mutate(args, intent, strings.writeOff.requested, (c) => c.petitions.matters.requestWriteOff({ id, version, reason: form.str(fd, 'reason'), ...(on ? { on } : {}) }));
    case 'decideWriteOff':
      return mutate(args, intent, strings.writeOff.decided, (c) => c.petitions.matters.decideWriteOff({ id, version, approve: form.bool(fd, 'approve'), note: form.optStr(fd, 'note') }));
    case 'setCategory':
      return mutate(args, intent, t.outcome.categorySaved, (c) =>
        c.petitions.matters.setCategory({ id, version, category: form.str(fd, 'category') as 'law' | 'litigation' | 'other', reason: form.str(fd, 'reason') }),
      );
    case 'requestRelief':
      return mutate(args, intent, t.relief.requested, (c) =>
        c.petitions.matters.requestRelief({ matterId: id, amount: Number(form.str(fd, 'amount')), reason: form.str(fd, 'reason'), idempotencyKey: form.optStr(fd, 'idempotencyKey') }),
      );
    case 'decideRelief':
      return mutate(args, intent, t.relief.decided, (c) =>
        c.petitions.matters.decideRelief({ id: form.str(fd, 'reliefId'), version, approve: form.bool(fd, 'approve'), note: form.optStr(fd, 'note') }),
      );
    case 'payRelief':
      return mutate(args, intent, t.relief.paid, (c) => c.petitions.matters.payRelief({ id: form.str(fd, 'reliefId'), version, paidOn: form.str(fd, 'paidOn') }));
    case 'document':
      return mutate(args, intent, '', (c) =>
        c.petitions.matters.document({
          id,
          kind: form.str(fd, 'kind') as DocumentKind,
          reveal: form.bool(fd, 'reveal'),
          extensionReason: form.optStr(fd, 'extensionReason'),
        }),
      );
    default:
      return badForm(intent);
  }
}

function ClocksCard({ matter, today }: { matter: MatterData['matter']; today: string }) {
  const clocks = matter.kernel.clocks;
  return (
    <Card
      size="small"
      title={s.clocks}
      data-testid="clocks"
      extra={
        <Link to={`/cases/${matter.caseId}`} data-testid="case-link">
          {s.openCase}
        </Link>
      }
    >
      {clocks.length === 0 ? (
        <Typography.Text type="secondary">{s.noClocks}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={clocks}
          columns={[
            { title: s.clockName, dataIndex: 'name' },
            { title: s.clockDue, dataIndex: 'dueOn', render: (v: string | null) => formatDate(v) },
            {
              title: s.clockState,
              key: 'state',
              render: (_: unknown, c) =>
                c.stoppedOn ? (
                  <Tag color="green">{s.clockStopped(formatDate(c.stoppedOn))}</Tag>
                ) : c.dueOn && c.dueOn < today ? (
                  <Tag color="red">{s.clockOverdue}</Tag>
                ) : (
                  <Tag color="blue">{s.clockRunning}</Tag>
                ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {s.kernelStatus}：{matter.kernel.statusName}
      </Typography.Paragraph>
    </Card>
  );
}

export default function Matter() {
  const d = usePageData<typeof loader>();
  const m = d.matter;
  const [params] = useSearchParams();
  const notice = params.get('registered') ? strings.register.registered(m.docNo) : params.get('repeat') ? strings.register.registeredRepeat(m.docNo) : null;
  const none = strings.common.none;
  const owner = m.owner.kind === 'officer' ? s.ownerOfficer(m.owner.name) : s.ownerUnit(m.owner.name);

  const tabs = [
    { key: 'routing', label: s.tabs.routing, children: <RoutingPanel data={d} /> },
    { key: 'handling', label: s.tabs.handling, children: <HandlingPanel data={d} /> },
    { key: 'outcome', label: s.tabs.outcome, children: <OutcomePanel data={d} /> },
    ...(d.matter.writeOffs.length || d.can.conclude || d.can.writeoff ? [{ key: 'writeOff', label: strings.writeOff.title, children: <WriteOffPanel data={d} /> }] : []),
    ...(m.mediation || d.can.refer ? [{ key: 'mediation', label: s.tabs.mediation, children: <MediationPanel data={d} /> }] : []),
    { key: 'relief', label: s.tabs.relief, children: <ReliefPanel data={d} /> },
    { key: 'documents', label: s.tabs.documents, children: <DocumentsPanel data={d} /> },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space data-testid="matter-header">
            <span data-testid="matter-docno">{m.docNo}</span>
            <Tag color={m.outcome ? 'green' : m.routedAt ? 'blue' : 'orange'}>{m.statusName}</Tag>
            {m.outcomeName ? <Tag color="green">{m.outcomeName}</Tag> : null}
            {m.isAccusation ? <Tag color="purple">{s.accusation}</Tag> : null}
            {m.collective ? <Tag color="volcano">{strings.list.collective}</Tag> : null}
          </Space>
        }
        subtitle={owner}
        extra={<Link to="/petitions/matters">{s.back}</Link>}
      />
      {notice ? <Alert type="success" showIcon message={notice} data-testid="matter-notice" style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={s.basic}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={s.docNo}>{m.docNo}</Descriptions.Item>
                <Descriptions.Item label={s.queryCode}>
                  <Typography.Text copyable data-testid="query-code">
                    {m.queryCode}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={s.firstReceivedOn}>{formatDate(m.firstReceivedOn)}</Descriptions.Item>
                <Descriptions.Item label={s.category}>{m.categoryName}</Descriptions.Item>
                <Descriptions.Item label={s.officer}>{m.receivingOfficerName}</Descriptions.Item>
                <Descriptions.Item label={s.owner}>
                  <span data-testid="matter-owner">{owner}</span>
                </Descriptions.Item>
                <Descriptions.Item label={s.involvedOrg}>{m.involvedOrgName ?? none}</Descriptions.Item>
                <Descriptions.Item label={s.leadUnit}>{m.leadUnitName ?? none}</Descriptions.Item>
                <Descriptions.Item label={s.counts} span={2}>
                  <span data-testid="matter-counts">{s.countsValue(m.visitCount, m.personVisits, m.repeatCount)}</span>
                </Descriptions.Item>
                {m.isAccusation && (m.accusedOrgName || m.accusedPerson) ? (
                  <Descriptions.Item label={s.accused} span={2}>
                    {[m.accusedOrgName, m.accusedPerson].filter(Boolean).join('，')}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={s.content} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{m.content}</span>
                </Descriptions.Item>
                <Descriptions.Item label={s.demands} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{m.demands || none}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={s.visitsTitle}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={m.visits}
                columns={[
                  { title: s.visitOn, dataIndex: 'receivedOn', width: 110, render: (v: string) => formatDate(v) },
                  { title: s.visitChannel, dataIndex: 'channelName', width: 90 },
                  { title: s.visitPersons, dataIndex: 'personCount', width: 70, align: 'right' },
                  { title: s.visitRepeat, dataIndex: 'isRepeat', width: 90, render: (v: boolean) => (v ? <Tag color="red">{s.visitRepeat}</Tag> : null) },
                  { title: s.visitContent, dataIndex: 'content', render: (v: string) => v || none },
                ]}
              />
            </Card>
            <Card size="small">
              <Tabs items={tabs} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <PetitionersCard data={d} />
            <ClocksCard matter={m} today={d.today} />
            {m.fourVisits.length ? (
              <Card size="small" title={s.tabs.fourVisits}>
                {m.fourVisits.map((v) => (
                  <div key={v.id}>
                    {formatDate(v.scheduledOn)} {v.typeName} {v.leaderName} {v.held ? (v.satisfactionName ?? strings.fourVisits.held) : strings.fourVisits.pending}
                  </div>
                ))}
              </Card>
            ) : null}
            {m.routedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {strings.routing.routedAlready(m.leadUnitName ?? '')} · {formatDateTime(m.routedAt)}
              </Typography.Text>
            ) : null}
          </Space>
        </Col>
      </Row>
    </>
  );
}
