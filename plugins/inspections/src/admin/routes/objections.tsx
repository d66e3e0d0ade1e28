// 结果公布与异议: the committee publishes a campaign's results to its units (the objection
// window, in working days, starts the next working day) and records the panel's decision
// (合议) on each objection: upheld with the new score, or dismissed, always with its reason.
// Plain forms: they work before and without JavaScript.
import { data, Form, Link, useActionData } from '@remix-run/react';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { badForm, form, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { Field, inputStyle, Outcome } from '../components/field.js';
import { strings } from '../strings.js';

const s = strings.pages.objections;
const d = strings.detail;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: d.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const [campaign, objections] = await Promise.all([c.inspections.campaigns.get({ id }), c.inspections.objections.list({ campaignId: id })]);
    return { campaign, objections };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'publish') {
    return kit.mutate(args, intent, s.publishedDone, (c) =>
      c.inspections.campaigns.publish({ id: args.params.id ?? '', version: form.int(fd, 'version'), objectionDays: form.int(fd, 'objectionDays', 0) }),
    );
  }
  if (intent === 'decide') {
    const outcome = form.str(fd, 'outcome') as 'upheld' | 'dismissed';
    const total = form.optStr(fd, 'finalTotal');
    return kit.mutate(args, intent, s.decided, (c) =>
      c.inspections.objections.decide({
        id: form.str(fd, 'id'),
        version: form.int(fd, 'version'),
        outcome,
        finalTotal: total === undefined ? null : Number(total),
        vetoed: form.bool(fd, 'vetoed'),
        note: form.str(fd, 'note'),
      }),
    );
  }
  return badForm(intent);
}

type Objection = ReturnType<typeof usePageData<typeof loader>>['objections'][number];

function DecideForm({ o }: { o: Objection }) {
  return (
    <Form method="post" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="id" value={o.id} />
      <input type="hidden" name="version" value={o.version} />
      <select name="outcome" aria-label={`${s.outcome} ${o.caseNo}`} style={{ ...inputStyle, width: 120 }} defaultValue="dismissed">
        <option value="upheld">{strings.objectionStatuses.upheld}</option>
        <option value="dismissed">{strings.objectionStatuses.dismissed}</option>
      </select>
      <input name="finalTotal" type="number" min="0" step="0.1" aria-label={`${s.finalTotal} ${o.caseNo}`} placeholder={s.finalTotal} style={{ ...inputStyle, width: 200 }} />
      <label>
        <input type="checkbox" name="vetoed" value="true" /> {s.vetoed}
      </label>
      <input name="note" aria-label={s.note(o.caseNo)} placeholder={s.note(o.caseNo)} style={{ ...inputStyle, width: 240 }} minLength={2} maxLength={2000} required />
      <Button htmlType="submit" size="small" type="primary">
        {s.decide}
      </Button>
    </Form>
  );
}

export default function ObjectionsPage() {
  const { campaign: c, objections } = usePageData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={s.title(c.title)} subtitle={s.subtitle} />
      <p>
        <Link to={`/inspections/campaigns/${c.id}`}>{c.title}</Link>
      </p>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={s.publication} data-testid="inspections-publication">
          <Outcome outcome={outcome} intent="publish" />
          {c.resultsPublishedOn && c.objectionLastDay ? (
            <Alert type="info" showIcon message={s.published(c.resultsPublishedOn, c.objectionLastDay)} />
          ) : (
            <Form method="post">
              <p>{s.notPublished}</p>
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="version" value={c.version} />
              <Field label={s.objectionDays} width={160}>
                <input name="objectionDays" type="number" min="1" max="30" defaultValue={c.objectionDays} style={inputStyle} required />
              </Field>
              <div>
                <Button htmlType="submit" type="primary">
                  {s.publish}
                </Button>
              </div>
            </Form>
          )}
        </Card>
        <Card size="small" title={s.list} data-testid="inspections-objection-list">
          <Outcome outcome={outcome} intent="decide" />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={objections}
            locale={{ emptyText: s.none }}
            columns={[
              { title: d.unitName, dataIndex: 'unitName', width: 140 },
              { title: d.caseNo, dataIndex: 'caseNo', width: 140 },
              { title: d.reason, dataIndex: 'reason' },
              { title: d.filedOn, dataIndex: 'filedOn', width: 110 },
              { title: d.scoreBefore, dataIndex: 'scoreBefore', width: 80 },
              { title: d.scoreAfter, dataIndex: 'scoreAfter', width: 100, render: (v: number | null) => v ?? '' },
              { title: d.findingStatus, dataIndex: 'status', width: 100, render: (v: string) => <Tag>{strings.objectionStatuses[v] ?? v}</Tag> },
              { title: d.decision, key: 'decision', render: (_: unknown, o: Objection) => (o.status === 'pending' ? <DecideForm o={o} /> : (o.decisionNote ?? '')) },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
