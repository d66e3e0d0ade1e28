// One dispute (/mediation/:id): its facts and parties (masked; a reveal is audited by the
// server), hand-offs and triage, the mediation phase, the outcome with judicial confirmation
// and follow-up, and its documents. Every form posts without JavaScript.
import { data, Link, useActionData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Alert, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { PageHeader, UUID, usePageData, type RouteArgs } from '@zhengfa/ui';
import { disputeKit, type RevealedParty } from '../api.js';
import { disputeAction, type DisputeActionResult } from '../dispute/actions.js';
import { ActionForm, TextArea, TextInput, useKept } from '../dispute/fields.js';
import { consoleToday, loadDisputePage, type DisputePageData } from '../dispute/load.js';
import { DocumentsPanel, MediationPanel, OutcomePanel, TriagePanel } from '../dispute/panels.js';
import { disputeStatusLabels, page as s, riskLabels, routeNames, sourceLabels, strings } from '../strings.js';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: s.pageTitle(d && 'dispute' in d ? d.dispute.code : '') }];

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: s.unknown }, { status: 404 });
  return disputeKit.load(args, async (c) => {
    const user = await disputeKit.requirePermission(c, args.request, 'mediation.read');
    return { ...(await loadDisputePage(c, id, user.permissions)), today: consoleToday(new Date()) };
  });
}

export const action = disputeAction;

function PartiesCard({ d }: { d: DisputePageData }) {
  const result = useActionData<DisputeActionResult>();
  const revealed = result?.ok && result.intent === 'reveal' ? (result.result as RevealedParty[]) : null;
  const full = new Map((revealed ?? []).map((p) => [p.id, p]));
  const rows = d.dispute.parties.map((p) => {
    const r = full.get(p.id);
    return r ? { ...p, idNumber: r.idNumber, phone: r.phone, address: r.address } : p;
  });
  return (
    <Card size="small" title={s.parties} data-testid="parties">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: s.partyName, dataIndex: 'name' },
          { title: s.partyRole, dataIndex: 'role', render: (v: string) => s.partyRoles[v] ?? v },
          { title: s.partyKind, dataIndex: 'kind', render: (v: string) => s.partyKinds[v] ?? v },
          { title: s.idNumber, dataIndex: 'idNumber', render: (v: string | null) => <span data-testid="party-id-number">{v ?? ''}</span> },
          { title: s.phone, dataIndex: 'phone', render: (v: string | null) => v ?? '' },
          { title: s.address, dataIndex: 'address', render: (v: string | null) => v ?? '' },
        ]}
      />
      {d.can.reveal && !revealed ? (
        <ActionForm intent="reveal" version={d.dispute.version} submit={s.reveal}>
          <Typography.Text type="secondary">{s.revealNote}</Typography.Text>
        </ActionForm>
      ) : null}
    </Card>
  );
}

function HandoffsCard({ d }: { d: DisputePageData }) {
  const k = useKept('acknowledge');
  if (!d.dispute.handoffs.length) return null;
  return (
    <Card size="small" title={s.handoffs} data-testid="handoffs">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.dispute.handoffs}
        columns={[
          { title: s.handoffOn, dataIndex: 'recordedOn' },
          { title: s.handoffRoute, dataIndex: 'route', render: (v: string) => routeNames[v as keyof typeof routeNames] ?? v },
          { title: s.handoffOrg, dataIndex: 'orgName', render: (v: string | null) => v ?? '' },
          { title: s.handoffReason, dataIndex: 'reason', render: (v: string | null) => v ?? '' },
          { title: s.handoffBy, dataIndex: 'recordedBy' },
          {
            title: s.handoffAck,
            key: 'ack',
            render: (_: unknown, h) =>
              h.acknowledged ? (
                <Tag color="green">{s.acknowledged(h.acknowledgedBy)}</Tag>
              ) : d.can.triage ? (
                <ActionForm intent="acknowledge" version={d.dispute.version} submit={s.acknowledge}>
                  <input type="hidden" name="handoffId" value={h.id} />
                  <TextInput name="receivedBy" label={s.receivedBy} defaultValue={k.one('receivedBy')} />
                </ActionForm>
              ) : (
                s.notAcknowledged
              ),
          },
        ]}
      />
    </Card>
  );
}

/** 电话督促: the calls made to the receiving side or a party, and a form to record one. */
function UrgingsCard({ d, today }: { d: DisputePageData; today: string }) {
  const k = useKept('urge');
  const handedOn = d.dispute.handoffs.length > 0 || d.dispute.status !== 'registered';
  if (!d.dispute.urgings.length && !(d.can.triage && handedOn)) return null;
  return (
    <Card size="small" title={s.urgings} data-testid="urgings">
      {d.dispute.urgings.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.dispute.urgings}
          columns={[
            { title: s.urgedOn, dataIndex: 'urgedOn' },
            { title: s.urgedParty, dataIndex: 'urgedParty' },
            { title: s.urgeNote, dataIndex: 'note', render: (v: string | null) => v ?? '' },
            { title: s.urgedBy, dataIndex: 'recordedBy' },
          ]}
        />
      ) : null}
      {d.can.triage && handedOn ? (
        <ActionForm intent="urge" version={d.dispute.version} submit={s.urge}>
          <TextInput name="urgedOn" type="date" label={s.urgedOn} defaultValue={k.one('urgedOn', today)} />
          <TextInput name="urgedParty" label={s.urgedParty} defaultValue={k.one('urgedParty')} />
          <TextArea name="note" label={s.urgeNote} defaultValue={k.one('note')} rows={2} />
        </ActionForm>
      ) : null}
    </Card>
  );
}

export default function DisputePage() {
  const d = usePageData<typeof loader>();
  const x = d.dispute;
  const none = s.none;
  const inMediation = x.acceptedOn !== null || x.status === 'mediating' || d.mediation.consents.length > 0;
  return (
    <>
      <PageHeader
        title={
          <Space data-testid="dispute-header">
            <span data-testid="dispute-code">{x.code}</span>
            <Tag color="blue" data-testid="dispute-status">
              {disputeStatusLabels[x.status] ?? x.status}
            </Tag>
            {x.riskLevel === 'high' ? <Tag color="red">{riskLabels.high}</Tag> : null}
          </Space>
        }
        extra={<Link to="/mediation">{s.back}</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={s.basic}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={s.code}>{x.code}</Descriptions.Item>
                <Descriptions.Item label={strings.columns.receivedOn}>{x.receivedOn}</Descriptions.Item>
                <Descriptions.Item label={strings.columns.source}>{sourceLabels[x.source] ?? x.source}</Descriptions.Item>
                <Descriptions.Item label={s.referenceNo}>{x.referenceNo ?? none}</Descriptions.Item>
                <Descriptions.Item label={strings.columns.type}>{x.disputeType}</Descriptions.Item>
                <Descriptions.Item label={s.amount}>{x.amount ?? none}</Descriptions.Item>
                <Descriptions.Item label={s.personCount}>{x.personCount}</Descriptions.Item>
                <Descriptions.Item label={s.risk}>{riskLabels[x.riskLevel] ?? x.riskLevel}</Descriptions.Item>
                <Descriptions.Item label={s.receivedByStaff}>{x.receivedBy ? s.receiverLabel(x.receivedBy.name, x.receivedBy.unit) : none}</Descriptions.Item>
                <Descriptions.Item label={s.triageDueOn}>
                  {x.triageDueOn} {x.overdue ? <Tag color="red">{s.overdueTag}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label={s.triagedOn}>{x.triagedOn ?? none}</Descriptions.Item>
                <Descriptions.Item label={s.acceptedOn}>{x.acceptedOn ?? none}</Descriptions.Item>
                <Descriptions.Item label={s.mediationDueOn}>
                  {x.mediationDueOn ?? none} {x.mediationOverdue ? <Tag color="red">{s.overdueTag}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label={s.summary} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{x.summary}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <PartiesCard d={d} />
            <HandoffsCard d={d} />
            <UrgingsCard d={d} today={d.today} />
            {x.status === 'registered' && d.can.triage ? <TriagePanel d={d} /> : null}
            {inMediation ? <MediationPanel d={d} today={d.today} /> : null}
            <OutcomePanel d={d} today={d.today} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <DocumentsPanel d={d} />
            {x.kernelCaseId ? (
              <Alert type="warning" message={<Link to={`/cases/${x.kernelCaseId}`}>{`${s.openCase} ${x.kernelCaseDocNo ?? ''}`}</Link>} />
            ) : null}
          </Space>
        </Col>
      </Row>
    </>
  );
}
