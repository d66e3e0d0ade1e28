// 教育培训与纪律作风统计: for a period (a GET form: works without JavaScript, the URL carries it),
// training by unit (officers, who attended, class hours credited, average, completion against
// the county's minimum) and, for the discipline staff, clues by source and outcomes by kind
// by unit (the read is audited by the server).
import { Form as RemixForm } from '@remix-run/react';
import { Button, Card, Space, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { chinaToday, Field } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.statistics;
const isIsoDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.read', 'personnel.discipline');
    const year = chinaToday().slice(0, 4);
    const period = isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : { from: `${year}-01-01`, to: `${year}-12-31` };
    const [training, discipline] = await Promise.all([
      user.permissions.includes('personnel.read') ? c.personnel.statistics.training(period) : Promise.resolve(null),
      user.permissions.includes('personnel.discipline') ? c.personnel.statistics.discipline(period) : Promise.resolve(null),
    ]);
    return { period, training, discipline };
  });
}

const control = { padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6, font: 'inherit' } as const;

export default function StatisticsPage() {
  const { period, training, discipline } = usePageData<typeof loader>();
  const kinds = discipline ? Object.keys(discipline.totals.sanctionsByKind) : [];
  const sources = Object.keys(s.sources);
  const disciplineRows = discipline ? [...discipline.units, { unitId: 'total', unitName: s.total, ...discipline.totals }] : [];
  const trainingRows = training ? [...training.units, { unitId: 'total', unitName: s.total, ...training.totals }] : [];
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-statistics">
        <RemixForm method="get">
          <Space wrap align="end">
            <Field label={s.from}>
              <input name="from" type="date" defaultValue={period.from} style={control} />
            </Field>
            <Field label={s.to}>
              <input name="to" type="date" defaultValue={period.to} style={control} />
            </Field>
            <Button htmlType="submit" type="primary" data-testid="statistics-query">
              {s.query}
            </Button>
          </Space>
        </RemixForm>
        {training && (
          <Card size="small" title={s.trainingTitle(training.required)}>
            <Table
              data-testid="statistics-training"
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={trainingRows}
              onRow={(r) => ({ 'data-testid': `training-row-${r.unitName}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: s.unit, dataIndex: 'unitName' },
                { title: s.officers, dataIndex: 'officers', align: 'right' },
                { title: s.attended, dataIndex: 'attended', align: 'right' },
                { title: s.hours, dataIndex: 'hours', align: 'right' },
                { title: s.averageHours, dataIndex: 'averageHours', align: 'right' },
                { title: s.completed, dataIndex: 'completed', align: 'right' },
                { title: s.completionRate, dataIndex: 'completionRate', align: 'right', render: (v: number) => `${v.toFixed(1)}%` },
              ]}
            />
          </Card>
        )}
        {discipline && (
          <Card size="small" title={s.disciplineTitle}>
            <Table
              data-testid="statistics-discipline"
              size="small"
              rowKey="unitId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={disciplineRows}
              onRow={(r) => ({ 'data-testid': `discipline-row-${r.unitName ?? ''}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: s.unit, dataIndex: 'unitName' },
                { title: s.clues, dataIndex: 'clues', align: 'right' },
                ...sources.map((k) => ({ title: s.sources[k as keyof typeof s.sources], key: `source-${k}`, align: 'right' as const, render: (_: unknown, r: (typeof disciplineRows)[number]) => r.cluesBySource[k] ?? 0 })),
                { title: s.sanctions, dataIndex: 'sanctions', align: 'right' },
                ...kinds.map((k) => ({ title: s.kinds[k as keyof typeof s.kinds] ?? k, key: `kind-${k}`, align: 'right' as const, render: (_: unknown, r: (typeof disciplineRows)[number]) => r.sanctionsByKind[k] ?? 0 })),
              ]}
            />
          </Card>
        )}
      </Space>
    </>
  );
}
