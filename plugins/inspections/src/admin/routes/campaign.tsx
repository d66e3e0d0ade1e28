// One campaign: its scope, phases, team and results per unit (grades computed on the
// campaign's current scale, with the year-end deduction), the main problems ranked, the
// problems found with their rectification state, and the units' objections; the team, the
// move to the next phase and the reviewers' assignment.
import { data, Form, Link, useActionData } from '@remix-run/react';
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { badForm, form, PageHeader, usePageData, usersWithRole, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { Outcome } from '../components/field.js';
import { FindingForm, RecheckForm } from '../components/finding-forms.js';
import { AssignForm, MemberForm, PledgeForm } from '../components/team-forms.js';
import { strings } from '../strings.js';

const s = strings.detail;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: s.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const campaign = await c.inspections.campaigns.get({ id });
    const results = campaign.scaleId ? await c.inspections.results.campaign({ campaignId: id }) : null;
    const [findings, objections, files, reviewers, orgs, settings] = await Promise.all([
      c.inspections.findings.list({ campaignId: id }),
      c.inspections.objections.list({ campaignId: id }),
      c.inspections.files.list({ campaignId: id, sampledOnly: true }),
      usersWithRole(c, 'supervisor'),
      c.orgs.tree(),
      c.inspections.settings.get(),
    ]);
    const units = orgs.filter((o) => !o.disabled).map((o) => ({ id: o.id, name: o.name }));
    return { campaign, results, findings, objections, files, reviewers, units, defectTypes: settings.defectTypes, clientKey: globalThis.crypto.randomUUID() };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const t = strings.pages;
  if (intent === 'member') {
    const kind = form.str(fd, 'kind') as 'staff' | 'external';
    return kit.mutate(args, intent, t.team.added, (c) =>
      c.inspections.members.add({
        campaignId: args.params.id ?? '',
        kind,
        role: kind === 'external' ? ((form.optStr(fd, 'role') ?? null) as 'lawyer' | null) : null,
        userId: form.optStr(fd, 'userId') ?? null,
        name: form.optStr(fd, 'name') ?? null,
        unitId: form.optStr(fd, 'unitId') ?? null,
        unitName: form.optStr(fd, 'unitName') ?? null,
        pledgeSignedOn: form.optStr(fd, 'pledgeSignedOn') ?? null,
        clientKey: form.optStr(fd, 'clientKey'),
      }),
    );
  }
  if (intent === 'pledge') {
    return kit.mutate(args, intent, t.team.pledged, (c) => c.inspections.members.recordPledge({ id: form.str(fd, 'id'), version: form.int(fd, 'version'), pledgeSignedOn: form.str(fd, 'pledgeSignedOn') }));
  }
  if (intent === 'advance') {
    return kit.mutate(args, intent, t.advance.done, (c) => c.inspections.campaigns.advance({ id: args.params.id ?? '', version: form.int(fd, 'version') }));
  }
  if (intent === 'assign') {
    const fileId = form.str(fd, 'fileId');
    const out = await kit.mutate(args, intent, t.assign.assigned, (c) => c.inspections.scoring.assign({ fileId, memberId: form.str(fd, 'memberId'), role: form.str(fd, 'role') as 'first' }));
    return { ...out, fileId };
  }
  if (intent === 'finding') {
    return kit.mutate(args, intent, t.finding.created, (c) =>
      c.inspections.findings.create({
        fileId: form.str(fd, 'fileId'),
        scope: form.str(fd, 'scope') as 'individual',
        defectType: form.str(fd, 'defectType'),
        severity: form.str(fd, 'severity') as 'general',
        description: form.str(fd, 'description'),
        responsibleName: form.str(fd, 'responsibleName'),
        deadline: form.str(fd, 'deadline'),
      }),
    );
  }
  if (intent === 'recheck') {
    const outcome = form.str(fd, 'outcome') as 'closed' | 'returned';
    return kit.mutate(args, intent, outcome === 'closed' ? t.recheck.closed : t.recheck.returned, (c) =>
      c.inspections.findings.recheck({ id: form.str(fd, 'id'), version: form.int(fd, 'version'), outcome, note: form.optStr(fd, 'note') ?? null }),
    );
  }
  return badForm(intent);
}

export default function CampaignPage() {
  const { campaign: c, results, findings, objections, files, reviewers, units, defectTypes, clientKey } = usePageData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const gradeColumns = (results?.overall.grades ?? []).map((g, i) => ({ title: g.label, key: `g${i}`, render: (_: unknown, row: { grades: { count: number }[] }) => row.grades[i]?.count ?? 0 }));
  const rows = results ? [...results.units.map((u) => ({ key: u.unitId, name: u.unitName, ...u })), { key: 'overall', name: s.overall, ...results.overall }] : [];
  return (
    <>
      <PageHeader title={c.title} subtitle={`${c.year} · ${c.kind}`} />
      <Space style={{ marginBottom: 12 }}>
        <Link to={`/inspections/campaigns/${c.id}/sampling`}>{strings.pages.links.sampling}</Link>
        <Link to={`/inspections/campaigns/${c.id}/results`}>{strings.pages.links.results}</Link>
        {c.doubleScoring ? <Link to={`/inspections/campaigns/${c.id}/panel`}>{strings.pages.links.panel}</Link> : null}
        <Link to={`/inspections/campaigns/${c.id}/objections`}>{strings.pages.links.objections}</Link>
        {/* Resource routes: plain links that download the docx, with or without JavaScript. */}
        <a href={`/inspections/campaigns/${c.id}/documents/plan`} data-testid="inspections-document-plan" download>
          {strings.pages.documents.plan}
        </a>
        <a href={`/inspections/campaigns/${c.id}/documents/bulletin`} data-testid="inspections-document-bulletin" download>
          {strings.pages.documents.bulletin}
        </a>
        {c.status === 'closed' ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="advance" />
            <input type="hidden" name="version" value={c.version} />
            <Button htmlType="submit" size="small">
              {strings.pages.advance.submit}
            </Button>
          </Form>
        )}
      </Space>
      <Outcome outcome={outcome} intent="advance" />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={s.basic} data-testid="inspections-campaign">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={s.status}>
              <Tag>{strings.statuses[c.status] ?? c.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={s.caseTypes}>{c.caseTypes.join('、') || s.none}</Descriptions.Item>
            <Descriptions.Item label={s.casePeriod}>{c.caseFrom && c.caseTo ? s.range(c.caseFrom, c.caseTo) : s.none}</Descriptions.Item>
            <Descriptions.Item label={s.selfCheck}>{s.range(c.selfCheckFrom, c.selfCheckTo)}</Descriptions.Item>
            <Descriptions.Item label={s.review}>{s.range(c.reviewFrom, c.reviewTo)}</Descriptions.Item>
            <Descriptions.Item label={s.rectify}>{s.range(c.rectifyFrom, c.rectifyTo)}</Descriptions.Item>
            <Descriptions.Item label={s.bulletin}>{c.bulletinOn}</Descriptions.Item>
            <Descriptions.Item label={s.scoring}>{c.doubleScoring ? s.double(c.margin) : s.single}</Descriptions.Item>
            <Descriptions.Item label={s.units} span={2}>
              {c.units.map((u) => u.unitName).join('、')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={s.members} data-testid="inspections-members">
          <Outcome outcome={outcome} intent="pledge" />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.members}
            locale={{ emptyText: s.none }}
            columns={[
              { title: s.memberName, dataIndex: 'name' },
              { title: s.memberUnit, dataIndex: 'unitName', render: (v: string | null) => v ?? s.none },
              { title: s.memberKind, dataIndex: 'role', render: (r: string | null) => (r ? strings.memberRoles[r] : s.staff) },
              {
                title: s.pledge,
                key: 'pledge',
                render: (_: unknown, m: (typeof c.members)[number]) =>
                  m.pledgeSignedOn ?? (m.kind === 'external' && c.status !== 'closed' ? <PledgeForm member={m} /> : s.pledgeMissing),
              },
            ]}
          />
          <MemberForm reviewers={reviewers} units={units} clientKey={clientKey} />
        </Card>
        <AssignForm files={files} members={c.members} />
        <Card size="small" title={results ? `${s.results}（${results.scale}）` : s.results} data-testid="inspections-results">
          {results ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: s.unitName, dataIndex: 'name' },
                  { title: s.files, dataIndex: 'files' },
                  { title: s.volumes, dataIndex: 'volumes' },
                  ...gradeColumns,
                  { title: s.passRate, dataIndex: 'passRate', render: (v: number) => v.toFixed(1) },
                  { title: s.excellentRate, dataIndex: 'excellentRate', render: (v: number) => v.toFixed(1) },
                  { title: s.combinedRate, dataIndex: 'combinedRate', render: (v: number) => v.toFixed(1) },
                  { title: s.unrectified, dataIndex: 'unrectified', render: (v: number | undefined) => v ?? '' },
                  { title: s.deduction, dataIndex: 'deduction', render: (v: number | undefined) => (v === undefined ? '' : v.toFixed(1)) },
                ]}
              />
              <Table
                size="small"
                title={() => s.defects}
                rowKey={(d) => `${d.aspect}-${d.content}`}
                pagination={false}
                dataSource={results.defects}
                locale={{ emptyText: s.none }}
                columns={[
                  { title: s.defectAspect, dataIndex: 'aspect', width: 120 },
                  { title: s.defectContent, dataIndex: 'content' },
                  { title: s.defectFiles, dataIndex: 'files', width: 100 },
                ]}
              />
            </Space>
          ) : (
            <Empty description={s.noScale} />
          )}
        </Card>
        <FindingForm files={files.map((f) => ({ id: f.id, caseNo: f.caseNo, unitName: f.unitName }))} defectTypes={defectTypes} outcome={outcome} />
        <Card size="small" title={s.findings} data-testid="inspections-findings">
          <Outcome outcome={outcome} intent="recheck" />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={findings}
            locale={{ emptyText: s.none }}
            columns={[
              { title: s.unitName, dataIndex: 'unitName' },
              { title: s.caseNo, dataIndex: 'caseNo' },
              { title: s.defectType, dataIndex: 'defectType' },
              { title: s.findingScope, dataIndex: 'scope', render: (v: string) => strings.findingScopes[v] ?? v },
              { title: s.description, dataIndex: 'description' },
              { title: s.deadline, dataIndex: 'deadline' },
              { title: s.responsible, dataIndex: 'responsibleName' },
              {
                title: s.findingStatus,
                key: 'status',
                render: (_: unknown, f: (typeof findings)[number]) => (
                  <Space size={4}>
                    <Tag>{strings.findingStatuses[f.status] ?? f.status}</Tag>
                    {f.overdue && !f.kernelDocNo ? <Tag color="red">{s.overdue}</Tag> : null}
                    {f.kernelDocNo ? <Tag color="orange">{s.supervised(f.kernelDocNo)}</Tag> : null}
                  </Space>
                ),
              },
              { title: strings.pages.recheck.column, key: 'recheck', render: (_: unknown, f: (typeof findings)[number]) => (f.status === 'reported' ? <RecheckForm finding={f} /> : null) },
            ]}
          />
        </Card>
        <Card size="small" title={s.objections} data-testid="inspections-objections">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={objections}
            locale={{ emptyText: s.none }}
            columns={[
              { title: s.unitName, dataIndex: 'unitName' },
              { title: s.caseNo, dataIndex: 'caseNo' },
              { title: s.reason, dataIndex: 'reason' },
              { title: s.filedOn, dataIndex: 'filedOn' },
              { title: s.scoreBefore, dataIndex: 'scoreBefore' },
              { title: s.scoreAfter, dataIndex: 'scoreAfter', render: (v: number | null) => v ?? '' },
              { title: s.findingStatus, dataIndex: 'status', render: (v: string) => <Tag>{strings.objectionStatuses[v] ?? v}</Tag> },
              { title: s.decision, dataIndex: 'decisionNote', render: (v: string | null) => v ?? '' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
