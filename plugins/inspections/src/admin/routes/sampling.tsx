// 抽查案卷: per unit, candidate files registered (pasted lines), random draws by case type
// with a seed (shown with what it drew, so anyone can redo the draw), targeted draws by case
// number with a reason, and manual picks. Plain forms.
import { Form, Link, useActionData } from '@remix-run/react';
import { data } from '@remix-run/react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { badForm, form, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { Field, inputStyle, Outcome } from '../components/field.js';
import { parseFileLines, parseList, parseStrata } from '../lib/file-lines.js';
import { strings } from '../strings.js';

const s = strings.pages.sampling;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.detail.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const [campaign, files, draws] = await Promise.all([c.inspections.campaigns.get({ id }), c.inspections.files.list({ campaignId: id }), c.inspections.sampling.draws({ campaignId: id })]);
    return { campaign, files, draws: draws.map((d) => ({ ...d, drawnAt: new Date(d.drawnAt).toISOString().slice(0, 16).replace('T', ' ') })) };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  return { ...(await act(args, fd)), unitId: form.str(fd, 'unitId') };
}

async function act(args: RouteArgs, fd: FormData) {
  const campaignId = args.params.id ?? '';
  const intent = form.str(fd, 'intent');
  const unitId = form.str(fd, 'unitId');
  if (intent === 'register') {
    const { files, badLines } = parseFileLines(form.str(fd, 'lines'));
    if (badLines.length) return badForm(intent, s.badLines(badLines));
    return kit.mutate(args, intent, s.registered, (c) => c.inspections.files.register({ campaignId, unitId, files }));
  }
  if (intent === 'draw') {
    const { strata, badLines } = parseStrata(form.str(fd, 'strata'));
    if (badLines.length) return badForm(intent, s.badLines(badLines));
    const out = await kit.mutate(args, intent, s.drawn, (c) => c.inspections.sampling.draw({ campaignId, unitId, strata, seed: form.optStr(fd, 'seed'), clientKey: form.optStr(fd, 'clientKey') }));
    return out.ok && out.result ? { ...out, message: s.drawResult(out.result.seed, out.result.files.map((f) => f.caseNo).join('、')) } : out;
  }
  if (intent === 'target') {
    return kit.mutate(args, intent, s.drawn, (c) => c.inspections.sampling.target({ campaignId, unitId, caseNos: parseList(form.str(fd, 'caseNos')), reason: form.str(fd, 'reason'), clientKey: form.optStr(fd, 'clientKey') }));
  }
  if (intent === 'manual') {
    return kit.mutate(args, intent, s.drawn, (c) => c.inspections.sampling.manual({ campaignId, unitId, fileIds: form.list(fd, 'fileIds'), reason: form.optStr(fd, 'reason'), clientKey: form.optStr(fd, 'clientKey') }));
  }
  return badForm(intent);
}

type Data = ReturnType<typeof usePageData<typeof loader>>;

function UnitPanel({ unit, files, draws }: { unit: Data['campaign']['units'][number]; files: Data['files']; draws: Data['draws'] }) {
  const outcome = useActionData<typeof action>();
  const mine = outcome?.unitId === unit.unitId ? outcome : null;
  const candidates = files.filter((f) => !f.drawId);
  const forms = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="unitId" value={unit.unitId} />
    </>
  );
  return (
    <Card size="small" title={unit.unitName} data-testid={`inspections-sampling-${unit.unitName}`}>
      <Space align="start" wrap size="large">
        <Form method="post">
          {forms('register')}
          <h4>{s.register}</h4>
          <Field label={s.lines} width={420}>
            <textarea name="lines" rows={5} style={inputStyle} />
          </Field>
          <div>
            <Button htmlType="submit">{s.register}</Button>
          </div>
        </Form>
        <Form method="post">
          {forms('draw')}
          <h4>{s.draw}</h4>
          <Field label={s.strata} width={260}>
            <textarea name="strata" rows={3} style={inputStyle} />
          </Field>
          <Field label={s.seed} width={260}>
            <input name="seed" style={inputStyle} maxLength={64} />
          </Field>
          <div>
            <Button htmlType="submit">{s.draw}</Button>
          </div>
        </Form>
        <Form method="post">
          {forms('target')}
          <h4>{s.target}</h4>
          <Field label={s.caseNos} width={240}>
            <textarea name="caseNos" rows={3} style={inputStyle} />
          </Field>
          <Field label={s.reason} width={240}>
            <input name="reason" style={inputStyle} maxLength={500} />
          </Field>
          <div>
            <Button htmlType="submit">{s.target}</Button>
          </div>
        </Form>
      </Space>
      {mine ? <Outcome outcome={mine} intent={mine.intent} /> : null}
      <Form method="post">
        {forms('manual')}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={files}
          locale={{ emptyText: strings.pages.none }}
          columns={[
            { title: s.manualPick, key: 'pick', width: 60, render: (_: unknown, f: { id: string; drawId: string | null; caseNo: string }) => (f.drawId ? null : <input type="checkbox" name="fileIds" value={f.id} aria-label={`${s.manualPick} ${f.caseNo}`} />) },
            { title: s.caseNo, dataIndex: 'caseNo' },
            { title: s.caseType, dataIndex: 'caseType' },
            { title: s.volumes, dataIndex: 'volumes' },
            { title: s.handler, dataIndex: 'handlerName', render: (h: string | null) => h ?? '' },
            { title: s.method, dataIndex: 'method', render: (m: string | null) => (m ? s.methods[m] : null) },
            { title: s.state, dataIndex: 'state', render: (x: string) => <Tag>{s.states[x] ?? x}</Tag> },
            { title: s.total, dataIndex: 'finalTotal', render: (t: number | null) => t ?? '' },
            { title: s.grade, dataIndex: 'grade', render: (g: string | null) => g ?? '' },
          ]}
        />
        {candidates.length ? (
          <Space style={{ marginTop: 8 }}>
            <input name="reason" placeholder={s.reason} aria-label={`${s.manual}${s.reason}`} style={{ ...inputStyle, width: 240 }} maxLength={500} />
            <Button htmlType="submit">{s.manual}</Button>
          </Space>
        ) : null}
      </Form>
      {draws.length ? (
        <Table
          size="small"
          rowKey="id"
          title={() => s.draws}
          pagination={false}
          dataSource={draws}
          columns={[
            { title: s.drawnAt, dataIndex: 'drawnAt' },
            { title: s.method, dataIndex: 'method', render: (m: string) => s.methods[m] ?? m },
            { title: s.seed, dataIndex: 'seed', render: (x: string | null) => (x ? <code data-testid="inspections-seed">{x}</code> : '') },
            { title: s.count, dataIndex: 'files' },
            { title: s.reason, dataIndex: 'reason' },
          ]}
        />
      ) : null}
    </Card>
  );
}

export default function SamplingPage() {
  const { campaign, files, draws } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title(campaign.title)} subtitle={`${campaign.year} · ${campaign.kind}`} />
      <p>
        <Link to={`/inspections/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {campaign.units.map((u) => (
          <UnitPanel key={u.unitId} unit={u} files={files.filter((f) => f.unitId === u.unitId)} draws={draws.filter((d) => d.unitId === u.unitId)} />
        ))}
      </Space>
    </>
  );
}
