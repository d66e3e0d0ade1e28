import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Col, Descriptions, Row, Space, Tabs, Typography } from 'antd';
import { CaseStatusTag, formatDate, formatDateTime, KeyCaseTag, OverdueTag, PageHeader, PrintButton, readFourFixes, UrgencyTag, UUID } from '@zhengfa/ui';
import { AttachmentsPanel } from '../components/case/attachments.js';
import { ClarityChecklist } from '../components/case/clarities.js';
import { ClocksPanel } from '../components/case/clocks.js';
import { DispatchPanel } from '../components/case/dispatches.js';
import { EditBasicButton } from '../components/case/edit-basic.js';
import { FollowButton } from '../components/case/follow.js';
import { FourFixesPanel } from '../components/case/four-fixes.js';
import { LinksPanel } from '../components/case/links.js';
import { PartiesPanel } from '../components/case/parties.js';
import { CaseTimeline } from '../components/case/timeline.js';
import { ChangeUrgencyButton, WorkflowCard } from '../components/case/workflow.js';
import { DocumentButton } from '../components/supervision/document-button.js';
import { InstrumentLadderCard } from '../components/supervision/instrument-ladder.js';
import { PowersCard } from '../components/supervision/powers.js';
import { filledClarities, actionLabel } from '../lib/case-actions.js';
import { CasePanels } from '../components/slots.js';
import { loadCasePage, type CaseData } from '../lib/case-page.js';
import { loadCasePanels } from '../lib/slots.js';
import type { Caller } from '../lib/trpc.server.js';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { adminPlugins, enabledModules } from '../plugins.js';
import { strings } from '../strings.js';

const s = strings.cases;
type CaseSource = Parameters<Caller['cases']['register']>[0]['source'];
type InstrumentKind = Parameters<Caller['supervision']['draftInstrument']>[0]['kind'];
type PowerKind = Parameters<Caller['supervision']['recordPower']>[0]['power'];
/** 交办通知书 exists once the case is assigned; 督办函 while a unit is handling it. */
const assignedStatuses = ['assigned', 'in_progress', 'submitted', 'closed', 'archived'];
const openStatuses = ['assigned', 'in_progress', 'submitted'];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: strings.pageTitle(d && 'case' in d ? d.case.docNo : s.ledgerTitle) }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.error.notFound }, { status: 404 });
  return load(context, request, async (trpc) => {
    const [me, enabled] = await Promise.all([trpc.auth.me(), trpc.system.enabledPlugins()]);
    const permissions = me?.user.permissions ?? [];
    const page = await loadCasePage(trpc, id, permissions);
    // The enabled plugins' panels for this kind of case (a petition's own, beside the kernel's).
    const panels = await loadCasePanels({ request, context, caseId: id, caseKind: page.case.kind, permissions, modules: enabledModules(enabled) });
    return { ...page, panels };
  });
}

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
    case 'update':
      return mutate(context, intent, s.updated, (trpc) =>
        trpc.cases.update({
          id,
          version,
          title: form.str(fd, 'title'),
          summary: form.str(fd, 'summary'),
          source: form.str(fd, 'source') as CaseSource,
          isKey: form.bool(fd, 'isKey'),
          receivedOn: form.str(fd, 'receivedOn'),
        }),
      );
    case 'fourFixes': {
      const clarities = filledClarities(json<Record<string, string>>(form.str(fd, 'sixClarities'), {}));
      return mutate(context, intent, s.fourFixesSaved, (trpc) =>
        trpc.cases.setFourFixes({ id, version, ...readFourFixes(fd), ...(Object.keys(clarities).length ? { sixClarities: clarities } : {}) }),
      );
    }
    case 'transition': {
      const act = form.str(fd, 'action') as Parameters<Caller['cases']['transition']>[0]['action'];
      const vocab = await context.trpc.cases.vocab();
      const clarities = filledClarities(json<Record<string, string>>(form.str(fd, 'sixClarities'), {}));
      const attachmentIds = form.list(fd, 'attachmentIds');
      return mutate(context, intent, s.done(actionLabel(act, vocab)), (trpc) =>
        trpc.cases.transition({
          id,
          version,
          action: act,
          ...(form.optStr(fd, 'comment') ? { comment: form.optStr(fd, 'comment') } : {}),
          ...(form.optStr(fd, 'toUnitId') ? { toUnitId: form.optStr(fd, 'toUnitId') } : {}),
          ...(form.optStr(fd, 'report') ? { report: form.optStr(fd, 'report') } : {}),
          ...(Object.keys(clarities).length ? { sixClarities: clarities } : {}),
          ...(attachmentIds.length ? { attachmentIds } : {}),
        }),
      );
    }
    case 'follow': {
      const follow = form.bool(fd, 'follow');
      return mutate(context, intent, follow ? s.followed : s.unfollowed, (trpc) => trpc.workbench.follow({ caseId: id, follow }));
    }
    case 'dispatch':
      return mutate(context, intent, s.dispatchSaved, (trpc) =>
        trpc.cases.dispatch({ id, heldOn: form.str(fd, 'heldOn'), summary: form.str(fd, 'summary'), nextSteps: form.str(fd, 'nextSteps') }),
      );
    case 'changeUrgency':
      return mutate(context, intent, s.urgencyChanged, (trpc) =>
        trpc.cases.changeUrgency({ id, version, urgency: form.str(fd, 'urgency') as 'normal' | 'urgent' | 'critical', reason: form.str(fd, 'reason') }),
      );
    case 'pauseClock':
      return mutate(context, intent, s.paused, (trpc) => trpc.cases.pauseClock({ clockId: form.str(fd, 'clockId'), version, from: form.str(fd, 'from'), reason: form.str(fd, 'reason') }));
    case 'resumeClock':
      return mutate(context, intent, s.resumed, (trpc) => trpc.cases.resumeClock({ clockId: form.str(fd, 'clockId'), version, lastPausedDay: form.str(fd, 'lastPausedDay') }));
    case 'requestExtension':
      return mutate(context, intent, s.extensionRequested, (trpc) =>
        trpc.cases.requestExtension({ clockId: form.str(fd, 'clockId'), days: form.int(fd, 'days'), reason: form.str(fd, 'reason') }),
      );
    case 'decideExtension':
      return mutate(context, intent, s.extensionDecided, (trpc) =>
        trpc.cases.decideExtension({ extensionId: form.str(fd, 'extensionId'), approve: form.bool(fd, 'approve'), comment: form.str(fd, 'comment') }),
      );
    case 'draftInstrument':
      return mutate(context, intent, strings.supervision.drafted, (trpc) =>
        trpc.supervision.draftInstrument({
          caseId: id,
          kind: form.str(fd, 'kind') as InstrumentKind,
          recipientOrgId: form.str(fd, 'recipientOrgId'),
          officerName: form.optStr(fd, 'officerName') ?? null,
          officerPost: form.optStr(fd, 'officerPost') ?? null,
          facts: form.str(fd, 'facts'),
          legalBasis: form.str(fd, 'legalBasis'),
          requirement: form.str(fd, 'requirement'),
          responseDeadline: form.str(fd, 'responseDeadline'),
          previousId: form.optStr(fd, 'previousId') ?? null,
        }),
      );
    case 'recordPower':
      return mutate(context, intent, strings.supervision.powerRecorded, (trpc) =>
        trpc.supervision.recordPower({
          caseId: id,
          power: form.str(fd, 'power') as PowerKind,
          usedOn: form.str(fd, 'usedOn'),
          targetOrgId: form.optStr(fd, 'targetOrgId') ?? null,
          targetPerson: form.optStr(fd, 'targetPerson') ?? null,
          description: form.str(fd, 'description'),
          result: form.str(fd, 'result'),
        }),
      );
    default:
      return badForm(intent);
  }
}

export default function CasePage() {
  const loaderData = useLoaderData<typeof loader>();
  const { case: c, can } = loaderData;
  const [params] = useSearchParams();
  const notice = params.get('registered') ? s.registered(c.docNo) : params.get('duplicate') ? s.duplicate : null;

  const tabs = [
    { key: 'basic', label: s.tabs.basic, children: <BasicInfo data={loaderData} /> },
    { key: 'parties', label: `${s.tabs.parties}（${c.parties.length}）`, children: <PartiesPanel c={c} /> },
    { key: 'fourFixes', label: s.tabs.fourFixes, children: <FourFixesPanel data={loaderData} /> },
    ...(c.isKey ? [{ key: 'clarities', label: s.tabs.clarities, children: <ClarityChecklist c={c} /> }] : []),
    { key: 'dispatches', label: `${s.tabs.dispatches}（${c.dispatches.length}）`, children: <DispatchPanel data={loaderData} /> },
    { key: 'clocks', label: s.tabs.clocks, children: <ClocksPanel data={loaderData} /> },
    { key: 'attachments', label: `${s.tabs.attachments}（${c.attachments.length}）`, children: <AttachmentsPanel c={c} /> },
    { key: 'links', label: `${s.tabs.links}（${c.links.length}）`, children: <LinksPanel c={c} /> },
  ];
  const tab = params.get('tab');

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="case-title">{c.title}</span>
          </Space>
        }
        subtitle={
          <Space size={8} wrap data-testid="case-header">
            <Typography.Text strong data-testid="case-docno">
              {c.docNo}
            </Typography.Text>
            <CaseStatusTag status={c.status} label={c.statusName} />
            <UrgencyTag urgency={c.urgency} label={c.urgencyName} />
            {c.isKey ? <KeyCaseTag /> : null}
            {c.overdue ? <OverdueTag /> : null}
          </Space>
        }
        extra={
          <>
            <FollowButton following={loaderData.following} />
            <PrintButton />
            {can.urge && c.status !== 'archived' ? <ChangeUrgencyButton c={c} vocab={loaderData.vocab} /> : null}
            {can.register && !c.materialWithheld ? <EditBasicButton c={c} vocab={loaderData.vocab} /> : null}
            {assignedStatuses.includes(c.status) ? (
              <DocumentButton href={`/documents/cases/${c.id}/assignment-notice`} label={strings.supervision.assignmentNotice} fileName={`${strings.supervision.assignmentNotice}_${c.docNo}.docx`} testId="doc-assignment-notice" />
            ) : null}
            {openStatuses.includes(c.status) ? (
              <DocumentButton href={`/documents/cases/${c.id}/urging-letter`} label={strings.supervision.urgingLetter} fileName={`${strings.supervision.urgingLetter}_${c.docNo}.docx`} testId="doc-urging-letter" />
            ) : null}
            {can.meetings && c.status !== 'archived' ? <Link to={`/supervision/meetings/new?caseId=${c.id}`}>{strings.supervision.newMeeting}</Link> : null}
            <Link to="/cases">{s.back}</Link>
          </>
        }
      />
      {notice ? <Alert type="success" showIcon closable message={notice} style={{ marginBottom: 16 }} data-testid="case-notice" /> : null}
      {c.materialWithheld ? <Alert type="info" showIcon message={s.materialWithheld} style={{ marginBottom: 16 }} data-testid="case-material-withheld" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <WorkflowCard data={loaderData} />
          <Card size="small" style={{ marginTop: 16 }}>
            <Tabs items={tabs} defaultActiveKey={tab && tabs.some((t) => t.key === tab) ? tab : 'basic'} />
          </Card>
          <InstrumentLadderCard data={loaderData} />
          <PowersCard data={loaderData} />
        </Col>
        <Col xs={24} xl={8}>
          <CasePanels panels={loaderData.panels} modules={adminPlugins} caseId={c.id} />
          <Card title={s.tabs.timeline} size="small" style={{ marginTop: 0 }}>
            <CaseTimeline c={c} vocab={loaderData.vocab} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function BasicInfo({ data: d }: { data: CaseData }) {
  const c = d.case;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={s.docNo}>{c.docNo}</Descriptions.Item>
      <Descriptions.Item label={s.kind}>{c.kindName}</Descriptions.Item>
      <Descriptions.Item label={s.source}>{c.sourceName}</Descriptions.Item>
      <Descriptions.Item label={s.receivedOn}>
        <span className="zf-nowrap">{formatDate(c.receivedOn)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={s.registeredAt}>
        <span className="zf-nowrap">{formatDateTime(c.registeredAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={s.isKey}>{c.isKey ? strings.common.yes : strings.common.no}</Descriptions.Item>
      <Descriptions.Item label={s.leadUnit}>{c.leadUnitName ?? strings.common.none}</Descriptions.Item>
      <Descriptions.Item label={s.deadline}>
        <span className="zf-nowrap">
          {formatDate(c.deadline, s.noDeadline)}
          {c.overdue ? <OverdueTag /> : null}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={s.nextDispatch}>
        <span className="zf-nowrap">{formatDate(c.nextDispatchOn, strings.common.none)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={s.nextReport}>
        <span className="zf-nowrap">{formatDate(c.nextReportOn, strings.common.none)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={s.summary} span={2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.summary || strings.common.none}</Typography.Paragraph>
      </Descriptions.Item>
      {c.resultReport ? (
        <Descriptions.Item label={s.resultReport} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="result-report">
            {c.resultReport}
          </Typography.Paragraph>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
