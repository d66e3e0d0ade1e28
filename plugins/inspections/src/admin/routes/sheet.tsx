// One file's score sheet: the template's items in order, grouped by aspect; each score input
// labelled with the item and its maximum, a note beside it. Tab goes through the inputs in
// order, Enter submits, Alt+← / Alt+→ open the previous / next file. The total and the grade
// it gives follow as the reviewer types (the grade when the campaign's scale is readable).
import { Form, Link, useActionData, useNavigate } from '@remix-run/react';
import { data } from '@remix-run/react';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { form, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { inputStyle, Outcome } from '../components/field.js';
import { byAspect, gradeFor, sheetTotal, type SheetEntry, type SheetItem } from '../lib/points.js';
import { strings } from '../strings.js';

const s = strings.pages.review;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: strings.detail.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'inspections.review');
    const [sheet, mine] = await Promise.all([c.inspections.scoring.sheet({ assignmentId: id }), c.inspections.scoring.mine()]);
    // Previous and next in a stable order (the task list puts the submitted last).
    const tasks = [...mine].sort((a, b) => a.campaignTitle.localeCompare(b.campaignTitle, 'zh-CN') || a.campaignId.localeCompare(b.campaignId) || a.caseNo.localeCompare(b.caseNo, 'zh-CN'));
    const at = tasks.findIndex((t) => t.id === id);
    let grades: { label: string; minScore: number }[] = [];
    const campaignId = tasks[at]?.campaignId;
    if (campaignId && user.permissions.includes('inspections.manage')) {
      const campaign = await c.inspections.campaigns.get({ id: campaignId }).catch(() => null);
      const scale = campaign?.scaleId ? (await c.inspections.scales.list()).find((x) => x.id === campaign.scaleId) : undefined;
      grades = scale?.grades ?? [];
    }
    return { sheet, grades, previous: at > 0 ? tasks[at - 1]!.id : null, next: at >= 0 && at < tasks.length - 1 ? tasks[at + 1]!.id : null };
  });
}

/** The posted entries of a sheet: `p:<item>` points, `d:<item>` defects, `v:<item>` veto, `n:<item>` note. */
function entriesOf(fd: FormData, items: SheetItem[]): Record<string, SheetEntry & { note?: string }> {
  const num = (k: string) => {
    const v = form.str(fd, k).trim();
    return v === '' ? null : Number(v);
  };
  return Object.fromEntries(items.map((i) => [i.id, { points: num(`p:${i.id}`), defects: num(`d:${i.id}`), vetoed: form.bool(fd, `v:${i.id}`), note: form.optStr(fd, `n:${i.id}`) }]));
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const assignmentId = args.params.id ?? '';
  const itemIds = form.list(fd, 'itemIds');
  const kinds = form.list(fd, 'itemKinds');
  const entries = entriesOf(
    fd,
    itemIds.map((id, i) => ({ id, kind: (kinds[i] ?? 'points') as SheetItem['kind'], maxPoints: 0, perDefect: null })),
  );
  return kit.mutate(args, 'submit', s.submitted, (c) =>
    c.inspections.scoring.submit({
      assignmentId,
      version: form.int(fd, 'version'),
      scores: itemIds.map((itemId, i) => {
        const e = entries[itemId]!;
        const kind = kinds[i];
        return {
          itemId,
          points: kind === 'points' ? (e.points ?? null) : null,
          defects: kind === 'deduction' ? (e.defects ?? 0) : null,
          ...(kind === 'veto' ? { vetoed: !!e.vetoed } : {}),
          note: e.note ?? null,
        };
      }),
    }),
  );
}

type PageData = ReturnType<typeof usePageData<typeof loader>>;

export default function SheetPage() {
  const d = usePageData<typeof loader>();
  // Keyed by the task: moving to another file starts from its own (uncontrolled) inputs.
  return <SheetView key={d.sheet.id} {...d} />;
}

function SheetView({ sheet, grades, previous, next }: PageData) {
  const outcome = useActionData<typeof action>();
  const navigate = useNavigate();
  const given = new Map(sheet.scores.map((x) => [x.itemId, x]));
  const [live, setLive] = useState(() =>
    sheetTotal(sheet.items, Object.fromEntries(sheet.items.map((i) => [i.id, { points: given.get(i.id)?.points ?? null, defects: given.get(i.id)?.defects ?? null, vetoed: given.get(i.id)?.vetoed ?? false }]))),
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      if (e.key === 'ArrowLeft' && previous) navigate(`/inspections/review/${previous}`);
      if (e.key === 'ArrowRight' && next) navigate(`/inspections/review/${next}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previous, next, navigate]);
  const recount = (e: FormEvent<HTMLFormElement>) => setLive(sheetTotal(sheet.items, entriesOf(new FormData(e.currentTarget), sheet.items)));
  const grade = gradeFor(grades, live.total, live.vetoed);
  const locked = sheet.submitted;
  return (
    <>
      <PageHeader title={s.sheet(sheet.file.caseNo)} subtitle={s.subtitle} />
      <Space style={{ marginBottom: 12 }}>
        <Link to="/inspections/review">{s.back}</Link>
        {previous ? (
          <Link to={`/inspections/review/${previous}`} data-testid="inspections-previous">
            {s.previous}
          </Link>
        ) : null}
        {next ? (
          <Link to={`/inspections/review/${next}`} data-testid="inspections-next">
            {s.next}
          </Link>
        ) : null}
      </Space>
      <Card size="small" title={s.file}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={s.caseNo}>{sheet.file.caseNo}</Descriptions.Item>
          <Descriptions.Item label={s.unit}>{sheet.file.unitName}</Descriptions.Item>
          <Descriptions.Item label={strings.pages.sampling.caseType}>{sheet.file.caseType}</Descriptions.Item>
          <Descriptions.Item label={s.role}>{strings.pages.assign.roles[sheet.role]}</Descriptions.Item>
          <Descriptions.Item label={strings.pages.sampling.volumes}>{sheet.file.volumes}</Descriptions.Item>
          <Descriptions.Item label={strings.pages.sampling.handler}>{sheet.file.handlerName ?? ''}</Descriptions.Item>
          <Descriptions.Item label="">{s.template(sheet.template.name, sheet.template.versionNo, sheet.template.total)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" style={{ marginTop: 12 }} data-testid="inspections-sheet">
        <Outcome outcome={outcome} intent="submit" />
        {locked ? <Alert type="info" showIcon message={s.readOnly} style={{ marginBottom: 12 }} /> : null}
        <Form method="post" onChange={recount}>
          <input type="hidden" name="version" value={sheet.version} />
          {byAspect(sheet.items).map((g) => (
            <fieldset key={g.aspect} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }} disabled={locked}>
              <legend>{g.aspect}</legend>
              {g.items.map((i) => {
                const was = given.get(i.id);
                return (
                  <div key={i.id} style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 6 }}>
                    <input type="hidden" name="itemIds" value={i.id} />
                    <input type="hidden" name="itemKinds" value={i.kind} />
                    <label style={{ flex: 1 }}>
                      <span style={{ display: 'block' }}>{i.kind === 'points' ? s.score(i.content, i.maxPoints) : i.kind === 'deduction' ? s.defects(i.content, i.maxPoints, i.perDefect ?? 0) : s.veto(i.content)}</span>
                      {i.kind === 'veto' ? (
                        <input type="checkbox" name={`v:${i.id}`} value="true" defaultChecked={was?.vetoed ?? false} />
                      ) : i.kind === 'points' ? (
                        <input name={`p:${i.id}`} type="number" step="0.1" min="0" max={i.maxPoints} required style={{ ...inputStyle, width: 120 }} defaultValue={was?.points ?? ''} />
                      ) : (
                        <input name={`d:${i.id}`} type="number" step="1" min="0" required style={{ ...inputStyle, width: 120 }} defaultValue={was?.defects ?? 0} />
                      )}
                    </label>
                    <label style={{ flex: 2 }}>
                      <span style={{ display: 'block' }}>{s.note(i.content)}</span>
                      <input name={`n:${i.id}`} style={inputStyle} maxLength={1000} defaultValue={was?.note ?? ''} />
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <p data-testid="inspections-sheet-total">
            <Tag color="blue">{s.total(live.total)}</Tag>
            {live.vetoed ? <Tag color="red">{s.vetoed}</Tag> : null}
            {grade ? <Tag color="purple">{s.grade(grade)}</Tag> : null}
          </p>
          {locked ? null : (
            <Button type="primary" htmlType="submit">
              {s.submit}
            </Button>
          )}
        </Form>
      </Card>
    </>
  );
}
