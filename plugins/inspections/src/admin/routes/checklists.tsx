// 评查标准与等级标准: checklist templates per unit type (items grouped by aspect, points,
// 倒扣分, 一票否决) with the total checked live; saving a revision makes a new version on the
// server. Grade scales with their thresholds. Plain forms; blank rows are not saved.
import { Form, Link, useActionData } from '@remix-run/react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState, type FormEvent } from 'react';
import { badForm, form, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit, type ScaleRow } from '../api.js';
import { Field, inputStyle, Outcome } from '../components/field.js';
import { itemsTotal, type EditorItem } from '../lib/points.js';
import { strings } from '../strings.js';

const s = strings.pages.checklists;
const unitTypes = ['any', 'police', 'procuratorate', 'court', 'justice'] as const;
const kinds = ['points', 'deduction', 'veto'] as const;
const bands = ['excellent', 'good', 'pass', 'fail'] as const;
const BLANK_ROWS = 5;

export async function loader(args: RouteArgs) {
  const edit = new URL(args.request.url).searchParams.get('edit');
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const [templates, scales] = await Promise.all([c.inspections.templates.list(), c.inspections.scales.list()]);
    const editing = edit && UUID.test(edit) ? await c.inspections.templates.get({ id: edit }) : null;
    return { templates, scales, editing };
  });
}

/** The item rows of a posted editor, blank rows dropped (columns are posted in row order). */
function postedItems(fd: FormData): EditorItem[] {
  const col = (k: string) => fd.getAll(k).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const aspects = col('aspect');
  const contents = col('content');
  const kindsIn = col('kind');
  const max = col('maxPoints');
  const per = col('perDefect');
  return aspects
    .map((aspect, i) => ({
      aspect,
      content: contents[i] ?? '',
      kind: (kindsIn[i] || 'points') as EditorItem['kind'],
      maxPoints: Number(max[i] || '0'),
      perDefect: per[i] ? Number(per[i]) : null,
    }))
    .filter((it, i) => it.aspect !== '' || it.content !== '' || (max[i] ?? '') !== '');
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'template') {
    const id = form.optStr(fd, 'id');
    const fields = { name: form.str(fd, 'name'), unitType: form.str(fd, 'unitType') as (typeof unitTypes)[number], total: Number(form.str(fd, 'total') || '0'), items: postedItems(fd) };
    return id
      ? kit.mutate(args, intent, s.revised, (c) => c.inspections.templates.revise({ id, ...fields }))
      : kit.mutate(args, intent, s.created, (c) => c.inspections.templates.create(fields));
  }
  if (intent === 'scale') {
    const labels = fd.getAll('gradeLabel').map(String);
    const mins = fd.getAll('gradeMin').map(String);
    const bandsIn = fd.getAll('gradeBand').map(String);
    const grades = labels
      .map((label, i) => ({ label: label.trim(), minScore: Number(mins[i] || '0'), band: (bandsIn[i] || 'pass') as (typeof bands)[number] }))
      .filter((g, i) => g.label !== '' || (mins[i] ?? '') !== '');
    const fields = { name: form.str(fd, 'name'), total: Number(form.str(fd, 'total') || '0'), grades };
    const id = form.optStr(fd, 'id');
    return id
      ? kit.mutate(args, intent, s.scaleSaved, (c) => c.inspections.scales.update({ id, version: form.int(fd, 'version'), ...fields }))
      : kit.mutate(args, intent, s.scaleSaved, (c) => c.inspections.scales.create(fields));
  }
  return badForm(intent);
}

type Editing = NonNullable<ReturnType<typeof usePageData<typeof loader>>['editing']>;

function TemplateEditor({ editing }: { editing: Editing | null }) {
  const outcome = useActionData<typeof action>();
  const rows: (Partial<EditorItem> & { key: string })[] = [...(editing?.items ?? []).map((i) => ({ ...i, key: i.id })), ...Array.from({ length: BLANK_ROWS }, (_, i) => ({ key: `blank-${i}` }))];
  const initialTotal = editing?.total ?? 100;
  const [live, setLive] = useState({ sum: itemsTotal(editing?.items ?? []), total: initialTotal });
  const recount = (e: FormEvent<HTMLFormElement>) => {
    const fd = new FormData(e.currentTarget);
    setLive({ sum: itemsTotal(postedItems(fd)), total: Number(fd.get('total') || '0') });
  };
  return (
    <Card size="small" title={editing ? s.revise(editing.name, editing.versionNo) : s.newTemplate} data-testid="inspections-template-editor">
      <Form method="post" onChange={recount} key={editing?.id ?? 'new'}>
        <input type="hidden" name="intent" value="template" />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <Outcome outcome={outcome} intent="template" />
        <Field label={s.name} width={320}>
          <input name="name" style={inputStyle} defaultValue={editing?.name} required maxLength={100} />
        </Field>
        <Field label={s.unitType} width={160}>
          <select name="unitType" style={inputStyle} defaultValue={editing?.unitType ?? 'any'}>
            {unitTypes.map((u) => (
              <option key={u} value={u}>
                {s.unitTypes[u]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={s.total} width={120}>
          <input name="total" type="number" step="0.1" min="0" style={inputStyle} defaultValue={initialTotal} />
        </Field>
        <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 8 }}>
          <thead>
            <tr>
              <th>#</th>
              <th>{s.aspect}</th>
              <th>{s.content}</th>
              <th>{s.kind}</th>
              <th>{s.maxPoints}</th>
              <th>{s.perDefect}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td>{i + 1}</td>
                <td>
                  <input name="aspect" aria-label={s.itemLabel(i + 1, s.aspect)} style={inputStyle} defaultValue={r.aspect} maxLength={50} />
                </td>
                <td>
                  <input name="content" aria-label={s.itemLabel(i + 1, s.content)} style={inputStyle} defaultValue={r.content} maxLength={500} />
                </td>
                <td>
                  <select name="kind" aria-label={s.itemLabel(i + 1, s.kind)} style={inputStyle} defaultValue={r.kind ?? 'points'}>
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {s.kinds[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name="maxPoints" aria-label={s.itemLabel(i + 1, s.maxPoints)} type="number" step="0.1" min="0" style={inputStyle} defaultValue={r.maxPoints ?? ''} />
                </td>
                <td>
                  <input name="perDefect" aria-label={s.itemLabel(i + 1, s.perDefect)} type="number" step="0.1" min="0" style={inputStyle} defaultValue={r.perDefect ?? ''} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p data-testid="inspections-live-total">
          <Tag color={live.sum === live.total ? 'green' : 'red'}>{s.liveTotal(live.sum, live.total)}</Tag>
          {live.sum === live.total ? null : s.mismatch} {s.emptyRowsHint}
        </p>
        <Button type="primary" htmlType="submit">
          {strings.pages.save}
        </Button>
      </Form>
    </Card>
  );
}

function ScaleForm({ scale }: { scale: ScaleRow | null }) {
  const outcome = useActionData<typeof action>();
  const grades = scale?.grades ?? [];
  const rows = [...grades, ...Array.from({ length: Math.max(0, 4 - grades.length) }, () => null)];
  return (
    <Form method="post" style={{ marginBottom: 16 }}>
      <input type="hidden" name="intent" value="scale" />
      {scale ? (
        <>
          <input type="hidden" name="id" value={scale.id} />
          <input type="hidden" name="version" value={scale.version} />
        </>
      ) : null}
      <Field label={s.scaleName} width={240}>
        <input name="name" style={inputStyle} defaultValue={scale?.name} required maxLength={50} />
      </Field>
      <Field label={s.total} width={120}>
        <input name="total" type="number" step="0.1" min="0" style={inputStyle} defaultValue={scale?.total ?? 100} />
      </Field>
      {rows.map((g, i) => (
        <div key={i}>
          <Field label={`${s.grade(i + 1)}${s.gradeLabel}`} width={140}>
            <input name="gradeLabel" style={inputStyle} defaultValue={g?.label} maxLength={20} />
          </Field>
          <Field label={`${s.grade(i + 1)}${s.gradeMin}`} width={140}>
            <input name="gradeMin" type="number" step="0.1" min="0" style={inputStyle} defaultValue={g?.minScore ?? ''} />
          </Field>
          <Field label={`${s.grade(i + 1)}${s.gradeBand}`} width={140}>
            <select name="gradeBand" style={inputStyle} defaultValue={g?.band ?? bands[Math.min(i, 3)]}>
              {bands.map((b) => (
                <option key={b} value={b}>
                  {s.bands[b]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ))}
      {outcome && outcome.intent === 'scale' ? <Outcome outcome={outcome} intent="scale" /> : null}
      <Button htmlType="submit">{strings.pages.save}</Button>
    </Form>
  );
}

export default function ChecklistsPage() {
  const { templates, scales, editing } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={s.templates}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={templates}
            locale={{ emptyText: strings.pages.none }}
            columns={[
              { title: s.name, dataIndex: 'name' },
              { title: s.unitType, dataIndex: 'unitType', render: (u: string) => s.unitTypes[u] ?? u },
              { title: s.total, dataIndex: 'total' },
              { title: '', dataIndex: 'versionNo', render: (v: number) => s.version(v) },
              { title: '', key: 'edit', render: (_: unknown, t: { id: string }) => <Link to={`?edit=${t.id}`}>{s.edit}</Link> },
            ]}
          />
        </Card>
        <TemplateEditor editing={editing} />
        <Card size="small" title={s.scales} data-testid="inspections-scales">
          {scales.map((x) => (
            <ScaleForm key={`${x.id}-${x.version}`} scale={x} />
          ))}
          <h4>{s.newScale}</h4>
          <ScaleForm scale={null} />
        </Card>
      </Space>
    </>
  );
}
