// The dispute page's panels: the mediation phase (consent and acceptance, withdrawal,
// mediators, sessions, the time limit, escalation), the outcome, judicial confirmation,
// follow-up and documents. Each form posts to the page's action (dispute/actions.ts).
import { Link } from '@remix-run/react';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import {
  confirmationStateNames,
  conflictKindNames,
  decisionNames,
  openRouteNames,
  page as s,
  performanceNames,
  remedyNames,
  routeNames,
  rulingNames,
  visitMethodNames,
} from '../strings.js';
import { ActionForm, Checks, Choice, TextArea, TextInput, useKept } from './fields.js';
import type { DisputePageData } from './load.js';

const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export function TriagePanel({ d }: { d: DisputePageData }) {
  const k = useKept('triage');
  return (
    <Card size="small" title={s.triage} data-testid="triage-panel">
      <ActionForm intent="triage" version={d.dispute.version} submit={s.triageSubmit}>
        <Choice name="route" label={s.triageRoute} options={options(routeNames)} defaultValue={k.one('route', 'mediate')} />
        <Choice name="orgId" label={s.triageOrg} blank={s.noOrg} options={d.organisations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={k.one('orgId')} />
        <TextArea name="reason" label={s.triageReason} defaultValue={k.one('reason')} rows={2} />
      </ActionForm>
    </Card>
  );
}

export function MediationPanel({ d, today }: { d: DisputePageData; today: string }) {
  const { mediation: m, dispute } = d;
  const v = dispute.version;
  const parties = dispute.parties.map((p) => ({ value: p.id, label: p.name }));
  const current = m.mediators.filter((a) => !a.releasedOn);
  const mediating = dispute.status === 'mediating';
  const accept = useKept('accept');
  const withdraw = useKept('withdraw');
  const assign = useKept('assign');
  const declare = useKept('declareConflict');
  const replace = useKept('replace');
  const extend = useKept('extend');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={s.consents} data-testid="consents">
        {m.consents.map((c, i) => (
          <div key={i}>
            {c.decidedOn} {c.partyName} {decisionNames[c.decision]}
            {c.reason ? `：${c.reason}` : ''}
          </div>
        ))}
        {m.withdrawal ? <Typography.Text type="warning">{s.withdrawal(m.withdrawal.partyName, m.withdrawal.withdrawnOn, m.withdrawal.reason)}</Typography.Text> : null}
        {dispute.status === 'mediating' && !m.acceptedOn && d.can.mediate ? (
          <ActionForm intent="accept" version={v} submit={s.accept}>
            <Checks name="consentParty" label={s.consentParties} options={parties} checked={accept.refused ? accept.all('consentParty') : parties.map((p) => p.value)} />
            <TextInput name="consentedOn" type="date" label={s.consentedOn} defaultValue={accept.one('consentedOn', today)} />
            <TextInput name="acceptedOn" type="date" label={s.acceptedOnField} defaultValue={accept.one('acceptedOn', today)} />
          </ActionForm>
        ) : null}
        {mediating && d.can.mediate ? (
          <ActionForm intent="withdraw" version={v} submit={s.withdrawSubmit} danger>
            <Choice name="partyId" label={s.withdrawParty} options={parties} defaultValue={withdraw.one('partyId')} />
            <TextInput name="withdrawnOn" type="date" label={s.withdrawnOn} defaultValue={withdraw.one('withdrawnOn', today)} />
            <TextArea name="reason" label={s.withdrawReason} defaultValue={withdraw.one('reason')} rows={2} />
          </ActionForm>
        ) : null}
      </Card>
      <Card size="small" title={s.mediators} data-testid="mediators">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={m.mediators}
          locale={{ emptyText: s.none }}
          columns={[
            { title: s.mediatorName, dataIndex: 'mediatorName' },
            { title: s.assignedOn, dataIndex: 'assignedOn' },
            {
              title: s.conflict,
              key: 'conflict',
              render: (_: unknown, a) => (
                <>
                  {a.conflict ? <Tag color="orange">{`${conflictKindNames[a.conflict.kind]}：${a.conflict.detail}`}</Tag> : null}
                  {a.releasedOn ? s.released(a.releasedOn, a.releaseReason) : null}
                </>
              ),
            },
          ]}
        />
        {mediating && d.can.mediate ? (
          <>
            <ActionForm intent="assign" version={v} submit={s.assign}>
              <Checks name="mediatorIds" label={s.assignMediators} options={d.mediators.map((x) => ({ value: x.id, label: `${x.name}（${x.orgName}）` }))} checked={assign.all('mediatorIds')} />
            </ActionForm>
            {current.length ? (
              <>
                <ActionForm intent="declareConflict" version={v} submit={s.declareConflict}>
                  <Choice name="assignmentId" label={s.mediatorName} options={current.map((a) => ({ value: a.id, label: a.mediatorName }))} defaultValue={declare.one('assignmentId')} />
                  <Choice name="kind" label={s.conflictKind} options={options(conflictKindNames)} defaultValue={declare.one('kind')} />
                  <TextArea name="detail" label={s.conflictDetail} defaultValue={declare.one('detail')} rows={2} />
                  <TextInput name="declaredOn" type="date" label={s.declaredOn} defaultValue={declare.one('declaredOn', today)} />
                </ActionForm>
                <ActionForm intent="replace" version={v} submit={s.replace}>
                  <Choice name="assignmentId" label={s.mediatorName} options={m.mediators.filter((a) => a.conflict && !a.replacedBy).map((a) => ({ value: a.id, label: a.mediatorName }))} defaultValue={replace.one('assignmentId')} />
                  <Choice name="replacementId" label={s.replacement} options={d.mediators.map((x) => ({ value: x.id, label: `${x.name}（${x.orgName}）` }))} defaultValue={replace.one('replacementId')} />
                </ActionForm>
              </>
            ) : null}
          </>
        ) : null}
      </Card>
      <SessionsPanel d={d} today={today} />
      <Card size="small" title={s.timeLimit} data-testid="time-limit">
        <div>
          {s.mediationDueOn}：<span data-testid="mediation-due">{m.mediationDueOn ?? s.none}</span> {m.mediationOverdue ? <Tag color="red">{s.overdueTag}</Tag> : null}
        </div>
        {m.extensions.map((e, i) => (
          <div key={i}>{s.extension(e.previousDueOn, e.newDueOn, e.reason)}</div>
        ))}
        {mediating && m.acceptedOn && d.can.mediate ? (
          <ActionForm intent="extend" version={v} submit={s.extend}>
            <TextArea name="reason" label={s.extensionReason} defaultValue={extend.one('reason')} rows={2} />
            <TextInput name="agreedOn" type="date" label={s.agreedOn} defaultValue={extend.one('agreedOn', today)} />
            <TextInput name="newDueOn" type="date" label={s.newDueOn} defaultValue={extend.one('newDueOn')} />
            <TextInput name="days" type="number" label={s.extensionDays} defaultValue={extend.one('days')} />
          </ActionForm>
        ) : null}
      </Card>
      {m.escalation ? (
        <Card size="small" title={s.escalate}>
          {s.escalation(m.escalation.docNo, m.escalation.escalatedOn)} <Link to={`/cases/${m.escalation.caseId}`}>{s.openCase}</Link>
        </Card>
      ) : mediating && d.can.escalate ? (
        <EscalatePanel d={d} today={today} />
      ) : null}
    </Space>
  );
}

function SessionsPanel({ d, today }: { d: DisputePageData; today: string }) {
  const k = useKept('recordSession');
  const current = d.mediation.mediators.filter((a) => !a.releasedOn);
  return (
    <Card size="small" title={s.sessions} data-testid="sessions">
      {d.sessions.length === 0 ? <Typography.Text type="secondary">{s.noSessions}</Typography.Text> : null}
      {d.sessions.map((x) => (
        <div key={x.id} data-testid="session" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{s.session(x.seq)}</Typography.Text> {x.heldOn} {x.place} · {s.partiesPresent}：{x.partiesPresent.join('、')} · {s.mediatorsPresent}：
          {x.mediatorsPresent.join('、')}{' '}
          <a href={`/mediation/${d.dispute.id}/documents/session_record?session=${x.seq}`} download data-testid={`document-session-${x.seq}`}>
            {s.download(s.documentNames.session_record ?? '')}
          </a>
          <div style={{ whiteSpace: 'pre-wrap' }}>{x.record}</div>
        </div>
      ))}
      {d.dispute.status === 'mediating' && d.mediation.acceptedOn && d.can.mediate ? (
        <ActionForm intent="recordSession" version={d.dispute.version} submit={s.recordSession}>
          <TextInput name="heldOn" type="date" label={s.heldOn} defaultValue={k.one('heldOn', today)} />
          <TextInput name="place" label={s.place} defaultValue={k.one('place')} />
          <Checks name="partyIds" label={s.partiesPresent} options={d.dispute.parties.map((p) => ({ value: p.id, label: p.name }))} checked={k.refused ? k.all('partyIds') : d.dispute.parties.map((p) => p.id)} />
          <Checks
            name="mediatorIds"
            label={s.mediatorsPresent}
            options={current.map((a) => ({ value: a.mediatorId, label: a.mediatorName }))}
            checked={k.refused ? k.all('mediatorIds') : current.map((a) => a.mediatorId)}
          />
          <TextArea name="record" label={s.record} defaultValue={k.one('record')} rows={4} />
        </ActionForm>
      ) : null}
    </Card>
  );
}

function EscalatePanel({ d, today }: { d: DisputePageData; today: string }) {
  const k = useKept('escalate');
  return (
    <Card size="small" title={s.escalate} data-testid="escalate">
      <Typography.Paragraph type="secondary">{s.escalateNote}</Typography.Paragraph>
      <ActionForm intent="escalate" version={d.dispute.version} submit={s.escalateSubmit} danger>
        <Choice name="urgency" label={s.urgency} options={options(s.urgencies)} defaultValue={k.one('urgency', 'normal')} />
        <Choice name="leadLeaderId" label={s.leadLeader} blank={s.choose} options={d.leaders.map((u) => ({ value: u.id, label: u.orgName ? `${u.name}（${u.orgName}）` : u.name }))} defaultValue={k.one('leadLeaderId')} />
        <Choice name="leadUnitId" label={s.leadUnit} blank={s.choose} options={d.units.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))} defaultValue={k.one('leadUnitId')} />
        <Checks name="cooperatingUnitIds" label={s.cooperatingUnits} options={d.units.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))} checked={k.all('cooperatingUnitIds')} />
        <TextInput name="handlerName" label={s.handlerName} defaultValue={k.one('handlerName')} />
        <TextInput name="handlerPhone" label={s.handlerPhone} defaultValue={k.one('handlerPhone')} />
        <TextArea name="resolutionPlan" label={s.resolutionPlan} defaultValue={k.one('resolutionPlan')} />
        <TextInput name="deadline" type="date" label={s.deadline} defaultValue={k.one('deadline', today)} />
        <TextArea name="flagReason" label={s.flagReason} defaultValue={k.one('flagReason')} rows={2} />
      </ActionForm>
    </Card>
  );
}

/** The agreement form's obligation rows (blank rows are no obligation). */
const OBLIGATION_ROWS = 5;

export function OutcomePanel({ d, today }: { d: DisputePageData; today: string }) {
  const { outcome: o, dispute } = d;
  const settle = useKept('settle');
  const terminate = useKept('terminate');
  const parties = o.parties.map((p) => ({ value: p.id, label: p.name }));
  const open = dispute.status === 'mediating' && d.mediation.acceptedOn && d.can.outcomes && !o.agreement && !o.termination;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {o.agreement ? (
        <Card size="small" title={s.outcome} data-testid="agreement">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={s.agreementForm}>{s.agreementForms[o.agreement.form]}</Descriptions.Item>
            <Descriptions.Item label={s.agreementDate}>{o.agreement.agreedOn}</Descriptions.Item>
            <Descriptions.Item label={s.effectiveOn}>{o.agreement.effectiveOn ?? s.none}</Descriptions.Item>
            <Descriptions.Item label={s.terms}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{o.agreement.terms}</span>
            </Descriptions.Item>
            <Descriptions.Item label={s.signedBy}>{o.agreement.signatures.map((x) => `${x.partyName}（${x.signedOn}）`).join('、') || s.none}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {o.termination ? (
        <Card size="small" title={s.terminate} data-testid="termination">
          <div>{s.termination(o.termination.terminatedOn, o.termination.reason)}</div>
          <div>
            {s.openRoutes}：{o.termination.routes.map((r) => openRouteNames[r as keyof typeof openRouteNames] ?? r).join('；')}
          </div>
        </Card>
      ) : null}
      {open ? (
        <>
          <Card size="small" title={s.settle} data-testid="settle">
            <ActionForm intent="settle" version={dispute.version} submit={s.settleSubmit}>
              <Choice name="form" label={s.agreementForm} options={options(s.agreementForms)} defaultValue={settle.one('form', 'written')} />
              <TextInput name="agreedOn" type="date" label={s.agreementDate} defaultValue={settle.one('agreedOn', today)} />
              <TextArea name="terms" label={s.terms} defaultValue={settle.one('terms')} rows={4} />
              <Typography.Text strong>{s.obligations}</Typography.Text>
              <table style={{ width: '100%' }} data-testid="obligation-rows">
                <thead>
                  <tr>
                    <th>{s.obligor}</th>
                    <th>{s.obligationContent}</th>
                    <th>{s.obligationAmount}</th>
                    <th>{s.dueOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: OBLIGATION_ROWS }, (_, i) => (
                    <tr key={i}>
                      <td>
                        <select name="obligor" defaultValue={settle.at('obligor', i)} aria-label={s.obligor}>
                          {parties.map((p) => (
                            <option key={p.value} value={p.value}>
                              {p.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input name="content" defaultValue={settle.at('content', i)} aria-label={s.obligationContent} style={{ width: '100%' }} />
                      </td>
                      <td>
                        <input name="amount" defaultValue={settle.at('amount', i)} aria-label={s.obligationAmount} style={{ width: 100 }} />
                      </td>
                      <td>
                        <input name="dueOn" type="date" defaultValue={settle.at('dueOn', i)} aria-label={s.dueOn} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Checks name="signedParty" label={s.signatures} options={parties} checked={settle.refused ? settle.all('signedParty') : parties.map((p) => p.value)} />
              <TextInput name="signedOn" type="date" label={s.signedOn} defaultValue={settle.one('signedOn', today)} />
            </ActionForm>
          </Card>
          <Card size="small" title={s.terminate} data-testid="terminate">
            <ActionForm intent="terminate" version={dispute.version} submit={s.terminateSubmit} danger>
              <TextInput name="terminatedOn" type="date" label={s.terminatedOn} defaultValue={terminate.one('terminatedOn', today)} />
              <TextArea name="reason" label={s.terminationReason} defaultValue={terminate.one('reason')} rows={2} />
              <Checks name="routes" label={s.openRoutes} options={options(openRouteNames)} checked={terminate.all('routes')} />
            </ActionForm>
          </Card>
        </>
      ) : null}
      {o.agreement?.form === 'written' ? <ConfirmationPanel d={d} today={today} /> : null}
      {o.agreement ? <FollowUpPanel d={d} today={today} /> : null}
    </Space>
  );
}

function ConfirmationPanel({ d, today }: { d: DisputePageData; today: string }) {
  const c = d.outcome.agreement!.confirmation;
  const apply = useKept('apply');
  const rule = useKept('rule');
  const v = d.dispute.version;
  return (
    <Card size="small" title={s.confirmation} data-testid="confirmation">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={s.confirmationState}>{confirmationStateNames[c.state]}</Descriptions.Item>
        <Descriptions.Item label={s.confirmationDue}>
          <span data-testid="confirmation-due">{c.dueOn ?? s.none}</span>
        </Descriptions.Item>
        {c.daysLeft !== null && c.dueOn ? (
          <Descriptions.Item label={s.confirmation}>
            <Tag color={c.daysLeft < 0 ? 'red' : c.daysLeft <= 7 ? 'orange' : 'blue'} data-testid="confirmation-countdown">
              {s.countdown(c.daysLeft, c.dueOn)}
            </Tag>
          </Descriptions.Item>
        ) : null}
        {c.appliedOn ? <Descriptions.Item label={s.appliedOn}>{`${c.appliedOn} ${c.court ?? ''}`}</Descriptions.Item> : null}
        {c.ruling ? <Descriptions.Item label={s.ruling}>{`${rulingNames[c.ruling]}（${c.ruledOn ?? ''} ${c.rulingNo ?? ''}）`}</Descriptions.Item> : null}
      </Descriptions>
      {d.can.outcomes && d.dispute.status === 'agreed' && !c.appliedOn ? (
        <ActionForm intent="apply" version={v} submit={s.apply}>
          <TextInput name="appliedOn" type="date" label={s.appliedOn} defaultValue={apply.one('appliedOn', today)} />
          <TextInput name="court" label={s.court} defaultValue={apply.one('court')} />
        </ActionForm>
      ) : null}
      {d.can.outcomes && c.state === 'applied' ? (
        <ActionForm intent="rule" version={v} submit={s.rule}>
          <Choice name="ruling" label={s.ruling} options={options(rulingNames)} defaultValue={rule.one('ruling', 'confirmed')} />
          <TextInput name="ruledOn" type="date" label={s.ruledOn} defaultValue={rule.one('ruledOn', today)} />
          <TextInput name="rulingNo" label={s.rulingNo} defaultValue={rule.one('rulingNo')} />
        </ActionForm>
      ) : null}
    </Card>
  );
}

function FollowUpPanel({ d, today }: { d: DisputePageData; today: string }) {
  const o = d.outcome;
  const k = useKept('visit');
  const v = d.dispute.version;
  const open = d.can.outcomes && d.dispute.status === 'agreed';
  const unperformed = o.obligations.filter((x) => (x.performance === 'none' || x.performance === 'partial') && !x.escalation);
  return (
    <Card size="small" title={s.followUp} data-testid="follow-up">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={o.obligations}
        locale={{ emptyText: s.none }}
        columns={[
          { title: s.obligor, dataIndex: 'obligorName' },
          { title: s.obligationContent, dataIndex: 'content' },
          { title: s.obligationAmount, dataIndex: 'amount', render: (x: string | null) => x ?? '' },
          { title: s.dueOn, dataIndex: 'dueOn' },
          {
            title: s.performance,
            dataIndex: 'performance',
            render: (p: keyof typeof performanceNames, row) => (
              <>
                <Tag color={p === 'full' ? 'green' : row.followUpDue ? 'orange' : undefined} data-testid="performance">
                  {performanceNames[p]}
                </Tag>
                {row.remedies.map((r) => (
                  <div key={r} style={{ fontSize: 12 }}>
                    {remedyNames[r]}
                  </div>
                ))}
                {row.escalation ? (
                  <div style={{ fontSize: 12 }} data-testid="obligation-escalation">
                    {s.obligationEscalation(row.escalation.docNo, row.escalation.escalatedOn)} <Link to={`/cases/${row.escalation.caseId}`}>{s.openCase}</Link>
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {s.visits}
      </Typography.Text>
      {o.followUps.map((f) => (
        <div key={f.id} data-testid="visit">
          {f.visitedOn} {visitMethodNames[f.method as keyof typeof visitMethodNames] ?? f.method} {f.visitor} · {performanceNames[f.result as keyof typeof performanceNames] ?? f.result}
          {f.note ? `：${f.note}` : ''}
        </div>
      ))}
      {o.agreement?.closedOn ? <Tag color="green">{s.closedOn(o.agreement.closedOn)}</Tag> : null}
      {open ? (
        <>
          <ActionForm intent="visit" version={v} submit={s.visit}>
            <Choice
              name="obligationId"
              label={s.visitObligation}
              blank={s.wholeAgreement}
              options={o.obligations.map((x) => ({ value: x.id, label: `${x.obligorName}：${x.content}` }))}
              defaultValue={k.one('obligationId', o.obligations[0]?.id ?? '')}
            />
            <TextInput name="visitedOn" type="date" label={s.visitedOn} defaultValue={k.one('visitedOn', today)} />
            <Choice name="method" label={s.visitMethod} options={options(visitMethodNames)} defaultValue={k.one('method', 'phone')} />
            <TextInput name="visitor" label={s.visitor} defaultValue={k.one('visitor')} />
            <Choice name="result" label={s.visitResult} options={options({ full: performanceNames.full, partial: performanceNames.partial, none: performanceNames.none })} defaultValue={k.one('result', 'full')} />
            <TextArea name="note" label={s.visitNote} defaultValue={k.one('note')} rows={2} />
          </ActionForm>
          <ActionForm intent="close" version={v} submit={s.close} />
          {d.can.escalate && unperformed.length > 0 ? <EscalateObligationForm d={d} today={today} obligations={unperformed} /> : null}
        </>
      ) : null}
    </Card>
  );
}

/** An obligation a return visit found unperformed, to a kernel matter with its four fixes. */
function EscalateObligationForm({ d, today, obligations }: { d: DisputePageData; today: string; obligations: DisputePageData['outcome']['obligations'] }) {
  const k = useKept('escalateObligation');
  const units = d.units.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }));
  return (
    <div data-testid="escalate-obligation" style={{ marginTop: 12 }}>
      <Typography.Text strong>{s.escalateObligation}</Typography.Text>
      <Typography.Paragraph type="secondary">{s.escalateObligationNote}</Typography.Paragraph>
      <ActionForm intent="escalateObligation" version={d.dispute.version} submit={s.escalateSubmit} danger>
        <Choice name="obligationId" label={s.visitObligation} options={obligations.map((x) => ({ value: x.id, label: `${x.obligorName}：${x.content}` }))} defaultValue={k.one('obligationId', obligations[0]?.id ?? '')} />
        <Choice name="urgency" label={s.urgency} options={options(s.urgencies)} defaultValue={k.one('urgency', 'normal')} />
        <Choice name="leadLeaderId" label={s.leadLeader} blank={s.choose} options={d.leaders.map((u) => ({ value: u.id, label: u.orgName ? `${u.name}（${u.orgName}）` : u.name }))} defaultValue={k.one('leadLeaderId')} />
        <Choice name="leadUnitId" label={s.leadUnit} blank={s.choose} options={units} defaultValue={k.one('leadUnitId')} />
        <Checks name="cooperatingUnitIds" label={s.cooperatingUnits} options={units} checked={k.all('cooperatingUnitIds')} />
        <TextInput name="handlerName" label={s.handlerName} defaultValue={k.one('handlerName')} />
        <TextInput name="handlerPhone" label={s.handlerPhone} defaultValue={k.one('handlerPhone')} />
        <TextArea name="resolutionPlan" label={s.resolutionPlan} defaultValue={k.one('resolutionPlan')} />
        <TextInput name="deadline" type="date" label={s.deadline} defaultValue={k.one('deadline', today)} />
      </ActionForm>
    </div>
  );
}

export function DocumentsPanel({ d }: { d: DisputePageData }) {
  return (
    <Card size="small" title={s.documents} data-testid="documents">
      <Space wrap>
        {d.documents.map((kind) => (
          <a key={kind} href={`/mediation/${d.dispute.id}/documents/${kind}`} download data-testid={`document-${kind}`}>
            {s.download(s.documentNames[kind] ?? kind)}
          </a>
        ))}
        {d.can.reveal
          ? d.documents.map((kind) => (
              <a key={`r-${kind}`} href={`/mediation/${d.dispute.id}/documents/${kind}?reveal=1`} download>
                {`${s.download(s.documentNames[kind] ?? kind)}（${s.revealDocuments}）`}
              </a>
            ))
          : null}
      </Space>
    </Card>
  );
}
