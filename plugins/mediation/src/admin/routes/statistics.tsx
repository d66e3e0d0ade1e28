// 矛盾纠纷调处统计: the figures of any period (受理件数, 人次, 同比, 分流去向, 调解成功率,
// 移交转办, 电话督促) by source, type, organisation, mediator and seconded unit; charts of the
// sources, the dispute types, the monthly trend and the triage routes with the outcomes (all
// with @zhengfa/ui's Chart); and the annual table as xlsx.
import { Form as RemixForm, useFetcher, useSearchParams } from '@remix-run/react';
import { App, Button, Card, Col, Input, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useCallback, useMemo, useState } from 'react';
import { badForm, BusyButton, Chart, form, PageHeader, saveBase64File, useActionFeedback, usePageData, type ActionOutcome, type Base64File, type ChartOption, type RouteArgs } from '@zhengfa/ui';
import { kit, type StatisticsSummary } from '../api.js';
import { routeLabels, sourceLabels, strings } from '../strings.js';

const s = strings.statistics;
type FigureRow = StatisticsSummary['bySource'][number];

const isIsoDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'mediation.stats');
    // The current year on the server's clock when no valid period was asked for.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const period = isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : { from: `${year}-01-01`, to: `${year}-12-31` };
    return { period, summary: await c.mediation.statistics.summary(period) };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'annual') return kit.mutate(args, intent, '', (c) => c.mediation.statistics.exportAnnual({ year: form.int(fd, 'year') }));
  return badForm(intent);
}

const rate = (v: number | null) => (v === null ? s.empty : `${v.toFixed(1)}%`);
const change = (v: number | null) => (v === null ? s.empty : `${v > 0 ? '+' : ''}${v.toFixed(1)}%`);

function FigureTable({ rows, nameOf, testId, extra }: { rows: (FigureRow & { mediators?: number })[]; nameOf: (r: FigureRow & { name?: string | null }) => string; testId: string; extra?: boolean }) {
  return (
    <Table<FigureRow & { mediators?: number }>
      data-testid={testId}
      size="small"
      rowKey={(r) => String(r.key)}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: s.item, key: 'name', render: (_: unknown, r) => nameOf(r) },
        { title: s.disputes, dataIndex: 'disputes', align: 'right' },
        { title: s.persons, dataIndex: 'persons', align: 'right' },
        { title: s.settled, dataIndex: 'settled', align: 'right' },
        { title: s.notSettled, dataIndex: 'notSettled', align: 'right' },
        { title: s.successRate, dataIndex: 'successRate', align: 'right', render: rate },
        ...(extra ? [{ title: s.mediators, dataIndex: 'mediators', align: 'right' as const }] : []),
      ]}
    />
  );
}

function sourceChart(rows: FigureRow[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [s.disputes, s.settled] },
    grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => sourceLabels[r.key ?? ''] ?? r.key) },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#1677ff', '#52c41a'],
    series: [
      { name: s.disputes, type: 'bar', data: rows.map((r) => r.disputes) },
      { name: s.settled, type: 'bar', data: rows.map((r) => r.settled) },
    ],
  };
}

const grid = { left: 40, right: 20, top: 40, bottom: 30, containLabel: true };

/** The dispute types, most disputes first, as horizontal bars (long Chinese names stay readable). */
function typeChart(rows: FigureRow[]): ChartOption {
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [s.disputes, s.settled] },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.key ?? s.empty) },
    color: ['#1677ff', '#52c41a'],
    series: [
      { name: s.disputes, type: 'bar', data: shown.map((r) => r.disputes) },
      { name: s.settled, type: 'bar', data: shown.map((r) => r.settled) },
    ],
  };
}

function monthChart(rows: StatisticsSummary['byMonth']): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [s.disputes, s.settled, s.notSettled] },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#1677ff', '#52c41a', '#fa8c16'],
    series: [
      { name: s.disputes, type: 'line', data: rows.map((r) => r.disputes) },
      { name: s.settled, type: 'line', data: rows.map((r) => r.settled) },
      { name: s.notSettled, type: 'line', data: rows.map((r) => r.notSettled) },
    ],
  };
}

/** Where the period's disputes went at triage, and how the mediations that ended in it ended. */
function outcomeChart(f: StatisticsSummary): ChartOption {
  const routes = f.byRoute.map((r) => ({ name: r.key === null ? s.untriaged : (routeLabels[r.key] ?? r.key), value: r.disputes }));
  const outcomes = [
    { name: s.settled, value: f.settled },
    { name: s.notSettled, value: f.notSettled },
  ];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [s.byRoute, s.outcomes] },
    grid,
    xAxis: { type: 'category', data: [...routes, ...outcomes].map((x) => x.name) },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#1677ff', '#52c41a'],
    series: [
      { name: s.byRoute, type: 'bar', stack: 'all', data: [...routes.map((x) => x.value), ...outcomes.map(() => null)] },
      { name: s.outcomes, type: 'bar', stack: 'all', data: [...routes.map(() => null), ...outcomes.map((x) => x.value)] },
    ],
  };
}

function AnnualDownload({ year }: { year: number }) {
  const { message } = App.useApp();
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (!o.result) return;
      const name = saveBase64File(o.result as Base64File, 'annual.xlsx');
      void message.success(s.downloaded(name));
    },
    [message],
  );
  useActionFeedback(fetcher, onSuccess);
  const [value, setValue] = useState<number | null>(year);
  return (
    <Space>
      <span>{s.annual}</span>
      <InputNumber aria-label={s.year} min={1990} max={2100} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : null)} />
      <BusyButton
        icon={<DownloadOutlined />}
        loading={fetcher.state !== 'idle'}
        disabled={!value}
        data-testid="export-annual"
        onClick={() => value && fetcher.submit({ intent: 'annual', year: String(value) }, { method: 'post' })}
      >
        {s.download}
      </BusyButton>
    </Space>
  );
}

export default function StatisticsPage() {
  const { period, summary: f } = usePageData<typeof loader>();
  const [params] = useSearchParams();
  const option = useMemo(() => sourceChart(f.bySource), [f.bySource]);
  const types = useMemo(() => typeChart(f.byType), [f.byType]);
  const months = useMemo(() => monthChart(f.byMonth), [f.byMonth]);
  const outcomes = useMemo(() => outcomeChart(f), [f]);
  const pairHeight = Math.max(280, 40 + f.byType.length * 36);
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="mediation-statistics">
        <Card size="small">
          <Space wrap size={24}>
            <RemixForm method="get">
              <Space>
                <Input type="date" name="from" aria-label={s.from} defaultValue={params.get('from') ?? period.from} />
                <Input type="date" name="to" aria-label={s.to} defaultValue={params.get('to') ?? period.to} />
                <Button htmlType="submit" type="primary">
                  {s.show}
                </Button>
              </Space>
            </RemixForm>
            <AnnualDownload year={Number(period.to.slice(0, 4))} />
          </Space>
        </Card>
        <Card size="small">
          <Row gutter={16}>
            <Col span={4}><div data-testid="stat-disputes"><Statistic title={s.disputes} value={f.disputes} /></div></Col>
            <Col span={4}><div data-testid="stat-persons"><Statistic title={s.persons} value={f.persons} /></div></Col>
            <Col span={4}><Statistic title={s.lastYear} value={f.lastYear.disputes} suffix={<small>{`${s.yoy} ${change(f.yoyDisputes)}`}</small>} /></Col>
            <Col span={4}><div data-testid="stat-settled"><Statistic title={s.settled} value={f.settled} /></div></Col>
            <Col span={4}><div data-testid="stat-notSettled"><Statistic title={s.notSettled} value={f.notSettled} /></div></Col>
            <Col span={4}><div data-testid="stat-successRate"><Statistic title={s.successRate} value={rate(f.successRate)} /></div></Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={4}><div data-testid="stat-confirmationsApplied"><Statistic title={s.confirmationsApplied} value={f.confirmationsApplied} /></div></Col>
            <Col span={4}><div data-testid="stat-confirmationsConfirmed"><Statistic title={s.confirmationsConfirmed} value={f.confirmationsConfirmed} /></div></Col>
            <Col span={4}><div data-testid="stat-obligationsDue"><Statistic title={s.obligationsDue} value={f.obligationsDue} /></div></Col>
            <Col span={4}><div data-testid="stat-obligationsPerformed"><Statistic title={s.obligationsPerformed} value={f.obligationsPerformed} /></div></Col>
            <Col span={4}><div data-testid="stat-performanceRate"><Statistic title={s.performanceRate} value={rate(f.performanceRate)} /></div></Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={4}><div data-testid="stat-transferred"><Statistic title={s.transferred} value={f.transferred} /></div></Col>
            <Col span={4}><div data-testid="stat-urgedByPhone"><Statistic title={s.urgedByPhone} value={f.urgedByPhone} /></div></Col>
            <Col span={4}><div data-testid="stat-phoneUrgings"><Statistic title={s.phoneUrgings} value={f.phoneUrgings} /></div></Col>
          </Row>
        </Card>
        <Card size="small" title={s.chartTitle}>
          <Chart option={option} height={280} testId="mediation-source-chart" />
        </Card>
        <Row gutter={16}>
          <Col span={12}>
            <Card size="small" title={s.typeChartTitle}>
              <Chart option={types} height={pairHeight} testId="mediation-type-chart" />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title={s.outcomeChartTitle}>
              <Chart option={outcomes} height={pairHeight} testId="mediation-outcome-chart" />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={s.monthChartTitle}>
          <Chart option={months} height={280} testId="mediation-month-chart" />
        </Card>
        <Card size="small" title={s.bySource}>
          <FigureTable testId="by-source" rows={f.bySource} nameOf={(r) => sourceLabels[r.key ?? ''] ?? String(r.key)} />
        </Card>
        <Card size="small" title={s.byType}>
          <FigureTable testId="by-type" rows={f.byType} nameOf={(r) => r.key ?? s.empty} />
        </Card>
        <Card size="small" title={s.byOrganisation}>
          <FigureTable testId="by-organisation" rows={f.byOrganisation} extra nameOf={(r) => (r.key === null ? s.unassigned : (r.name ?? s.empty))} />
        </Card>
        <Card size="small" title={s.byMediator}>
          <Table<StatisticsSummary['byMediator'][number]>
            data-testid="by-mediator"
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={f.byMediator}
            columns={[
              { title: s.item, dataIndex: 'name' },
              { title: s.mediatorOrg, dataIndex: 'orgName' },
              { title: s.disputes, dataIndex: 'disputes', align: 'right' },
              { title: s.persons, dataIndex: 'persons', align: 'right' },
              { title: s.settled, dataIndex: 'settled', align: 'right' },
              { title: s.notSettled, dataIndex: 'notSettled', align: 'right' },
              { title: s.successRate, dataIndex: 'successRate', align: 'right', render: rate },
            ]}
          />
        </Card>
        <Card size="small" title={s.byUnit}>
          <Table<StatisticsSummary['byUnit'][number]>
            data-testid="by-unit"
            size="small"
            rowKey={(r) => String(r.key)}
            pagination={false}
            dataSource={f.byUnit}
            columns={[
              { title: s.item, key: 'name', render: (_: unknown, r) => r.key ?? s.unrecordedUnit },
              { title: s.unitStaff, dataIndex: 'staff', align: 'right', render: (v: number, r) => (r.key === null ? s.empty : v) },
              { title: s.disputes, dataIndex: 'disputes', align: 'right' },
              { title: s.persons, dataIndex: 'persons', align: 'right' },
              { title: s.settled, dataIndex: 'settled', align: 'right' },
              { title: s.notSettled, dataIndex: 'notSettled', align: 'right' },
              { title: s.successRate, dataIndex: 'successRate', align: 'right', render: rate },
            ]}
          />
        </Card>
        <Card size="small" title={s.byRoute}>
          <Table
            data-testid="by-route"
            size="small"
            rowKey={(r) => String(r.key)}
            pagination={false}
            dataSource={f.byRoute}
            columns={[
              { title: s.item, key: 'name', render: (_: unknown, r: { key: string | null }) => (r.key === null ? s.untriaged : (routeLabels[r.key] ?? r.key)) },
              { title: s.disputes, dataIndex: 'disputes', align: 'right' },
              { title: s.persons, dataIndex: 'persons', align: 'right' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
