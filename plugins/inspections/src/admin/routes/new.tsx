// 新建检查活动: kind, title, year, units, case types and period, phase dates, the general
// checklist, the grade scale, double scoring and its margin. A plain form (works without JS).
import { Form, redirect, useActionData } from '@remix-run/react';
import { Button, Card } from 'antd';
import { badForm, form, PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { Field, inputStyle, Outcome } from '../components/field.js';
import { parseList } from '../lib/file-lines.js';
import { strings } from '../strings.js';

const s = strings.pages.create;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const [settings, orgs, templates, scales] = await Promise.all([c.inspections.settings.get(), c.orgs.tree(), c.inspections.templates.list(), c.inspections.scales.list()]);
    return {
      kinds: settings.campaignKinds,
      units: orgs.filter((o) => o.kind !== 'committee' && !o.disabled).map((o) => ({ id: o.id, name: o.name })),
      templates: templates.map((t) => ({ id: t.id, name: `${t.name}（${strings.pages.checklists.unitTypes[t.unitType] ?? t.unitType}，${strings.pages.checklists.version(t.versionNo)}）`, unitType: t.unitType })),
      scales: scales.map((x) => ({ id: x.id, name: x.name })),
      year: Number(new Date().toISOString().slice(0, 4)),
      clientKey: globalThis.crypto.randomUUID(),
    };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'create') return badForm(intent);
  const templateId = form.optStr(fd, 'templateId');
  const templateUnitType = (form.optStr(fd, 'templateUnitType') ?? 'any') as 'any';
  const out = await kit.mutate(args, intent, s.created, (c) =>
    c.inspections.campaigns.create({
      kind: form.str(fd, 'kind'),
      title: form.str(fd, 'title'),
      year: form.int(fd, 'year'),
      unitIds: form.list(fd, 'unitIds'),
      caseTypes: parseList(form.str(fd, 'caseTypes')),
      caseFrom: form.optStr(fd, 'caseFrom') ?? null,
      caseTo: form.optStr(fd, 'caseTo') ?? null,
      selfCheckFrom: form.str(fd, 'selfCheckFrom'),
      selfCheckTo: form.str(fd, 'selfCheckTo'),
      reviewFrom: form.str(fd, 'reviewFrom'),
      reviewTo: form.str(fd, 'reviewTo'),
      rectifyFrom: form.str(fd, 'rectifyFrom'),
      rectifyTo: form.str(fd, 'rectifyTo'),
      bulletinOn: form.str(fd, 'bulletinOn'),
      templates: templateId ? [{ unitType: templateUnitType, templateId }] : [],
      scaleId: form.optStr(fd, 'scaleId') ?? null,
      doubleScoring: form.bool(fd, 'doubleScoring'),
      margin: Number(form.str(fd, 'margin') || '0'),
      clientKey: form.optStr(fd, 'clientKey'),
    }),
  );
  if (out.ok && out.result) return redirect(`/inspections/campaigns/${out.result.id}`);
  return out;
}

const dates = ['selfCheckFrom', 'selfCheckTo', 'reviewFrom', 'reviewTo', 'rectifyFrom', 'rectifyTo', 'bulletinOn'] as const;

export default function NewCampaignPage() {
  const d = usePageData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" data-testid="inspections-new-campaign">
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="clientKey" value={d.clientKey} />
          <Outcome outcome={outcome} intent="create" />
          <Field label={s.kind}>
            <select name="kind" style={inputStyle} defaultValue={d.kinds[0]}>
              {d.kinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </Field>
          <Field label={s.titleField} width={420}>
            <input name="title" style={inputStyle} maxLength={100} required />
          </Field>
          <Field label={s.year} width={100}>
            <input name="year" type="number" style={inputStyle} defaultValue={d.year} min={2000} max={2100} />
          </Field>
          <fieldset style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 12 }}>
            <legend>{s.units}</legend>
            {d.units.map((u) => (
              <label key={u.id} style={{ marginRight: 16, display: 'inline-block' }}>
                <input type="checkbox" name="unitIds" value={u.id} /> {u.name}
              </label>
            ))}
          </fieldset>
          <Field label={s.caseTypes} width={420}>
            <input name="caseTypes" style={inputStyle} />
          </Field>
          <Field label={s.caseFrom} width={160}>
            <input name="caseFrom" type="date" style={inputStyle} />
          </Field>
          <Field label={s.caseTo} width={160}>
            <input name="caseTo" type="date" style={inputStyle} />
          </Field>
          <div>
            {dates.map((k) => (
              <Field key={k} label={s[k]} width={160}>
                <input name={k} type="date" style={inputStyle} required />
              </Field>
            ))}
          </div>
          <Field label={s.template} width={420}>
            <select name="templateId" style={inputStyle} defaultValue="">
              <option value="">{s.noChoice}</option>
              {d.templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={s.scale}>
            <select name="scaleId" style={inputStyle} defaultValue="">
              <option value="">{s.noChoice}</option>
              {d.scales.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <label style={{ marginRight: 16 }}>
              <input type="checkbox" name="doubleScoring" value="true" /> {s.doubleScoring}
            </label>
            <Field label={s.margin} width={140}>
              <input name="margin" type="number" step="0.1" min="0" defaultValue="5" style={inputStyle} />
            </Field>
          </div>
          <Button type="primary" htmlType="submit">
            {s.submit}
          </Button>
        </Form>
      </Card>
    </>
  );
}
