// 本单位自查与结果 (a unit's liaison): the campaigns covering the liaison's units, the
// self-check report of each unit (自查自纠), the unit's results once graded, and the problems
// it must rectify (整改): measures and evidence reported for the committee's re-check.
import { Form, useActionData } from '@remix-run/react';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { form, PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { Field, inputStyle, Outcome } from '../components/field.js';
import { strings } from '../strings.js';

const s = strings.pages.unit;
const r = strings.pages.rectify;
const d = strings.detail;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.unit');
    const campaigns = await c.inspections.unit.campaigns();
    const out = await Promise.all(
      campaigns.map(async (x) => {
        const selfChecks = (await c.inspections.unit.selfChecks({ campaignId: x.id })).filter((sc) => x.unitIds.includes(sc.unitId));
        const results = await c.inspections.unit.results({ campaignId: x.id }).catch(() => null);
        const published = await c.inspections.unit.files({ campaignId: x.id });
        return { ...x, selfChecks, results, published };
      }),
    );
    const findings = (await c.inspections.unit.findings()).filter((f) => f.status === 'open' || f.status === 'returned');
    return { campaigns: out, findings };
  });
}

/** The evidence files posted with a rectification report (none chosen: an empty file part). */
async function evidenceOf(fd: FormData): Promise<{ fileName: string; mime: string; base64: string }[]> {
  const files = fd.getAll('evidence').filter((x): x is File => typeof x !== 'string' && x.size > 0);
  return Promise.all(files.map(async (f) => ({ fileName: f.name, mime: f.type || 'application/octet-stream', base64: Buffer.from(await f.arrayBuffer()).toString('base64') })));
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  if (form.optStr(fd, 'intent') === 'object') {
    const fileId = form.str(fd, 'fileId');
    const out = await kit.mutate(args, 'object', s.objected, (c) => c.inspections.unit.object({ fileId, reason: form.str(fd, 'reason') }));
    return { ...out, key: fileId };
  }
  if (form.optStr(fd, 'intent') === 'rectify') {
    const attachments = await evidenceOf(fd);
    return kit.mutate(args, 'rectify', r.reported, (c) =>
      c.inspections.unit.reportRectification({ findingId: form.str(fd, 'findingId'), version: form.int(fd, 'version'), measures: form.str(fd, 'measures'), attachments }),
    );
  }
  const unitId = form.str(fd, 'unitId');
  const out = await kit.mutate(args, 'report', s.reported, (c) =>
    c.inspections.unit.reportSelfCheck({
      campaignId: form.str(fd, 'campaignId'),
      unitId,
      filesChecked: form.int(fd, 'filesChecked', -1),
      problemsFound: form.int(fd, 'problemsFound', -1),
      problemsFixed: form.int(fd, 'problemsFixed', -1),
      note: form.optStr(fd, 'note') ?? null,
      version: form.int(fd, 'version'),
    }),
  );
  return { ...out, key: `${form.str(fd, 'campaignId')}:${unitId}` };
}

export default function UnitPage() {
  const { campaigns, findings } = usePageData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const rectifyOutcome = outcome?.intent === 'rectify' ? outcome : null;
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      {campaigns.length === 0 ? <Empty description={s.none} /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={r.title} data-testid="inspections-rectify">
          <Outcome outcome={rectifyOutcome} intent="rectify" />
          {findings.length === 0 ? (
            <Empty description={r.none} />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={findings}
              columns={[
                { title: d.caseNo, dataIndex: 'caseNo', width: 160 },
                { title: d.defectType, dataIndex: 'defectType', width: 100 },
                {
                  title: d.description,
                  key: 'description',
                  render: (_: unknown, f: (typeof findings)[number]) => (
                    <>
                      <div>{f.description}</div>
                      {f.lastRecheckNote ? <Tag color="orange">{r.lastNote(f.lastRecheckNote)}</Tag> : null}
                    </>
                  ),
                },
                { title: d.deadline, dataIndex: 'deadline', width: 110 },
                { title: d.findingStatus, dataIndex: 'status', width: 100, render: (v: string) => <Tag>{strings.findingStatuses[v] ?? v}</Tag> },
                {
                  title: r.submit,
                  key: 'report',
                  render: (_: unknown, f: (typeof findings)[number]) => (
                    <Form method="post" encType="multipart/form-data" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
                      <input type="hidden" name="intent" value="rectify" />
                      <input type="hidden" name="findingId" value={f.id} />
                      <input type="hidden" name="version" value={f.version} />
                      <input name="measures" aria-label={r.measures(f.caseNo)} placeholder={r.measures(f.caseNo)} style={{ ...inputStyle, width: 240 }} minLength={4} maxLength={5000} required />
                      <input type="file" name="evidence" multiple aria-label={`${r.evidence} ${f.caseNo}`} />
                      <Button htmlType="submit" size="small">
                        {r.submit}
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          )}
        </Card>
        {campaigns.map((c) => (
          <Card key={c.id} size="small" title={`${c.year} · ${c.title}`} extra={<Tag>{strings.statuses[c.status] ?? c.status}</Tag>} data-testid="inspections-unit-campaign">
            {c.selfChecks.map((sc) => (
              <Form method="post" key={sc.unitId} style={{ marginBottom: 12 }}>
                <h4>
                  {sc.unitName} · {s.selfCheck} {sc.reportedOn ? <Tag color="green">{s.reportedOn(sc.reportedOn)}</Tag> : null}
                </h4>
                <input type="hidden" name="campaignId" value={c.id} />
                <input type="hidden" name="unitId" value={sc.unitId} />
                <input type="hidden" name="version" value={sc.version} />
                {outcome && 'key' in outcome && outcome.key === `${c.id}:${sc.unitId}` ? <Outcome outcome={outcome} intent="report" /> : null}
                <Field label={s.filesChecked} width={140}>
                  <input name="filesChecked" type="number" min="0" style={inputStyle} defaultValue={sc.filesChecked ?? ''} required />
                </Field>
                <Field label={s.problemsFound} width={140}>
                  <input name="problemsFound" type="number" min="0" style={inputStyle} defaultValue={sc.problemsFound ?? ''} required />
                </Field>
                <Field label={s.problemsFixed} width={140}>
                  <input name="problemsFixed" type="number" min="0" style={inputStyle} defaultValue={sc.problemsFixed ?? ''} required />
                </Field>
                <Field label={s.note} width={360}>
                  <input name="note" style={inputStyle} maxLength={2000} defaultValue={sc.note ?? ''} />
                </Field>
                <Button htmlType="submit">{s.report}</Button>
              </Form>
            ))}
            <PublishedFiles published={c.published} outcome={outcome} />
            <h4>{s.results}</h4>
            {c.results && c.results.units.some((u) => u.files > 0) ? (
              <Table
                size="small"
                rowKey="unitId"
                pagination={false}
                dataSource={c.results.units}
                columns={[
                  { title: d.unitName, dataIndex: 'unitName' },
                  { title: d.files, dataIndex: 'files' },
                  ...(c.results.units[0]?.grades ?? []).map((g, i) => ({ title: g.label, key: `g${i}`, render: (_: unknown, r: { grades: { count: number }[] }) => r.grades[i]?.count ?? 0 })),
                  { title: d.passRate, dataIndex: 'passRate', render: (v: number) => v.toFixed(1) },
                  { title: d.excellentRate, dataIndex: 'excellentRate', render: (v: number) => v.toFixed(1) },
                  { title: d.combinedRate, dataIndex: 'combinedRate', render: (v: number) => v.toFixed(1) },
                ]}
              />
            ) : (
              <Empty description={s.noResults} />
            )}
          </Card>
        ))}
      </Space>
    </>
  );
}

type Published = ReturnType<typeof usePageData<typeof loader>>['campaigns'][number]['published'];

/** 评查结果与异议: the unit's decided files once published, each with its objection or the form to object within the window. */
function PublishedFiles({ published, outcome }: { published: Published; outcome: ReturnType<typeof useActionData<typeof action>> }) {
  if (!published.publishedOn || !published.objectionLastDay) return null;
  const open = published.objectionOpen;
  return (
    <div data-testid="inspections-unit-files">
      <h4>{s.files}</h4>
      <p>{open ? s.window(published.publishedOn, published.objectionLastDay) : s.windowClosed(published.objectionLastDay)}</p>
      {outcome && 'key' in outcome && published.files.some((f) => f.id === outcome.key) ? <Outcome outcome={outcome} intent="object" /> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={published.files}
        columns={[
          { title: d.unitName, dataIndex: 'unitName', width: 140 },
          { title: d.caseNo, dataIndex: 'caseNo', width: 160 },
          { title: s.total, dataIndex: 'finalTotal', width: 80 },
          { title: s.grade, dataIndex: 'grade', width: 100, render: (g: string | null) => g ?? '' },
          {
            title: s.objection,
            key: 'objection',
            render: (_: unknown, f: Published['files'][number]) =>
              f.objection ? (
                <>
                  <Tag>{strings.objectionStatuses[f.objection.status] ?? f.objection.status}</Tag>
                  {f.objection.status === 'pending' ? s.objected : s.decision(strings.objectionStatuses[f.objection.status] ?? f.objection.status, f.objection.decisionNote)}
                </>
              ) : open ? (
                <Form method="post" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                  <input type="hidden" name="intent" value="object" />
                  <input type="hidden" name="fileId" value={f.id} />
                  <input name="reason" aria-label={s.reason(f.caseNo)} placeholder={s.reason(f.caseNo)} style={{ ...inputStyle, width: 280 }} minLength={4} maxLength={2000} required />
                  <Button htmlType="submit" size="small">
                    {s.object}
                  </Button>
                </Form>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
