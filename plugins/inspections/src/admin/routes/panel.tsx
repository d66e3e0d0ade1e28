// 合议评定: the sampled files whose two blind scores differ by more than the campaign's margin
// (or disagree on a veto), with each reviewer's total; the panel records the decided score,
// the veto and its reason. A third reviewer is assigned on the campaign page instead.
import { data, Form, Link, useActionData } from '@remix-run/react';
import { Button, Card, Table } from 'antd';
import { badForm, form, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { inputStyle, Outcome } from '../components/field.js';
import { strings } from '../strings.js';

const s = strings.pages.panel;
const d = strings.detail;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: d.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const [campaign, files] = await Promise.all([c.inspections.campaigns.get({ id }), c.inspections.files.list({ campaignId: id, sampledOnly: true })]);
    return { campaign: { id: campaign.id, title: campaign.title }, files: files.filter((f) => f.state === 'disputed') };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'panel') return badForm(intent);
  return kit.mutate(args, intent, s.decided, (c) =>
    c.inspections.scoring.panel({
      fileId: form.str(fd, 'fileId'),
      version: form.int(fd, 'version'),
      finalTotal: Number(form.str(fd, 'finalTotal') || 'NaN'),
      vetoed: form.bool(fd, 'vetoed'),
      note: form.str(fd, 'note'),
    }),
  );
}

type File = ReturnType<typeof usePageData<typeof loader>>['files'][number];

export default function PanelPage() {
  const { campaign, files } = usePageData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={s.title(campaign.title)} subtitle={s.subtitle} />
      <p>
        <Link to={`/inspections/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <Card size="small" data-testid="inspections-panel">
        <Outcome outcome={outcome} intent="panel" />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={files}
          locale={{ emptyText: s.none }}
          columns={[
            { title: d.unitName, dataIndex: 'unitName', width: 140 },
            { title: d.caseNo, dataIndex: 'caseNo', width: 160 },
            {
              title: s.sheets,
              key: 'sheets',
              render: (_: unknown, f: File) => f.sheetTotals.map((t) => <div key={t.role}>{s.sheet(strings.pages.assign.roles[t.role] ?? t.role, t.total, t.vetoed)}</div>),
            },
            {
              title: s.submit,
              key: 'decide',
              render: (_: unknown, f: File) => (
                <Form method="post" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
                  <input type="hidden" name="intent" value="panel" />
                  <input type="hidden" name="fileId" value={f.id} />
                  <input type="hidden" name="version" value={f.version} />
                  <input name="finalTotal" type="number" min="0" step="0.1" aria-label={`${s.finalTotal} ${f.caseNo}`} placeholder={s.finalTotal} style={{ ...inputStyle, width: 120 }} required />
                  <label>
                    <input type="checkbox" name="vetoed" value="true" /> {s.vetoed}
                  </label>
                  <input name="note" aria-label={s.note(f.caseNo)} placeholder={s.note(f.caseNo)} style={{ ...inputStyle, width: 240 }} minLength={2} maxLength={2000} required />
                  <Button htmlType="submit" size="small" type="primary">
                    {s.submit}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
