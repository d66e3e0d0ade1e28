// 三个规定月报: the liaison's unit reports each month how many 三个规定 records it made (a zero
// report when there were none). The month comes from the address (?month=YYYY-MM, the
// workbench's to-do links here with last month); the page shows the unit's count and, until the
// report is in, a plain form that submits it (it posts without JavaScript). Not a list: the
// workbench's to-do counts one report, and the page holds no table.
import { Form as RemixForm } from '@remix-run/react';
import { Alert, Button, Card, Space } from 'antd';
import { PageHeader, form, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { ActionForm, chinaToday, Field, formAction, TextArea, useKept } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.conductReport;
const isMonth = (v: string | null): v is string => v !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The month before today's (China time), as YYYY-MM. */
function lastMonth(): string {
  const [y, m] = chinaToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function loader(args: RouteArgs) {
  const asked = new URL(args.request.url).searchParams.get('month');
  const month = isMonth(asked) ? asked : lastMonth();
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.conduct_report');
    return { month, unit: await c.personnel.conduct.unitMonth({ month }) };
  });
}

export const action = formAction({
  submit: [s.done, (c, fd) => c.personnel.conduct.submitReport({ month: form.str(fd, 'month'), note: form.str(fd, 'note') || null })],
});

const control = { padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6, font: 'inherit' } as const;

export default function ConductReportPage() {
  const { month, unit } = usePageData<typeof loader>();
  const kept = useKept('submit');
  return (
    <div style={{ maxWidth: 640 }} data-testid="personnel-conduct-report">
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <RemixForm method="get">
          <Space wrap align="end">
            <Field label={s.month}>
              <input name="month" type="month" defaultValue={month} style={control} />
            </Field>
            <Button htmlType="submit">{s.query}</Button>
          </Space>
        </RemixForm>
        <Card size="small">
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 16px', margin: 0 }} data-testid="conduct-report-unit">
            <dt>{s.unit}</dt>
            <dd style={{ margin: 0 }}>{unit.unitName}</dd>
            <dt>{s.month}</dt>
            <dd style={{ margin: 0 }}>{s.monthName(unit.month)}</dd>
            <dt>{s.records}</dt>
            <dd style={{ margin: 0 }}>{unit.recordCount}</dd>
            <dt>{s.status}</dt>
            <dd style={{ margin: 0 }}>
              {unit.report ? s.submitted(unit.report.recordCount, new Date(unit.report.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })) : s.notSubmitted}
            </dd>
            {unit.report?.note ? (
              <>
                <dt>{s.note}</dt>
                <dd style={{ margin: 0 }}>{unit.report.note}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {unit.report ? null : (
          <Card size="small" title={s.formTitle}>
            {unit.recordCount === 0 ? <Alert type="info" showIcon message={s.zeroHint} style={{ marginBottom: 12 }} /> : null}
            <ActionForm intent="submit" submit={s.submit} hidden={{ month }}>
              <TextArea name="note" label={s.note} defaultValue={kept('note')} />
            </ActionForm>
          </Card>
        )}
      </Space>
    </div>
  );
}
