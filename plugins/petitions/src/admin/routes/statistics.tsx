// 信访统计: 件, 人次, 同比, 化解率, 息访率 for a period, by unit, category and channel; the
// monthly chart; the monthly ledger and annual summary as xlsx.
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { type ActionOutcome, badForm, type Base64File, BusyButton, form, FormError, PageHeader, type RouteArgs, saveBase64File, useActionFeedback } from '@zhengfa/ui';
import { load, mutate, requirePermission, type FigureRow } from '../lib/api.js';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { MonthlyChart } from '../components/monthly-chart.js';
import { formatRate, isIsoDate, presetPeriod, unitLabel, yoyTrend, type PeriodPreset } from '../lib/helpers.js';
import { categoryOptions, channelOptions, strings } from '../strings.js';

const s = strings.statistics;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const today = dayjs().format('YYYY-MM-DD');
  const fallback = presetPeriod('thisYear', today);
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  const period = isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : fallback;
  const year = Number(period.to.slice(0, 4));
  return load(args, async (c) => {
    await requirePermission(c, args.request, 'petitions.stats');
    const [summary, monthly, orgs] = await Promise.all([
      c.petitions.statistics.summary(period),
      c.petitions.statistics.monthly({ year }),
      c.orgs.tree().catch(() => []),
    ]);
    return { summary, monthly, period, today, units: orgs.map((o) => [o.id, o.name] as [string, string]) };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const year = form.int(fd, 'year');
  if (intent === 'ledger') return mutate(args, intent, '', (c) => c.petitions.statistics.exportLedger({ year, month: form.int(fd, 'month') }));
  if (intent === 'annual') return mutate(args, intent, '', (c) => c.petitions.statistics.exportAnnual({ year }));
  return badForm(intent);
}

function Yoy({ change }: { change: number | null }) {
  const { trend, percent } = yoyTrend(change);
  if (trend === 'none') return <span>{strings.common.none}</span>;
  if (trend === 'flat') return <span>{s.flat}</span>;
  return (
    <span style={{ color: trend === 'up' ? '#cf1322' : '#389e0d' }}>
      {trend === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {trend === 'up' ? s.up(percent) : s.down(percent)}
    </span>
  );
}

/** 4700.5 → ¥4,700.50 (the server sends exact decimals as strings). */
function formatMoney(v: string): string {
  const [int, dec = '00'] = v.split('.');
  return `¥${Number(int).toLocaleString('zh-CN')}.${dec.padEnd(2, '0')}`;
}

function FigureTable({ rows, nameOf, testId }: { rows: FigureRow[]; nameOf: (key: string | null) => string; testId: string }) {
  return (
    <Table<FigureRow>
      data-testid={testId}
      size="small"
      rowKey={(r) => String(r.key)}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: s.name, key: 'name', render: (_: unknown, r) => nameOf(r.key) },
        { title: s.matters, dataIndex: 'matters', align: 'right' },
        { title: s.personVisits, dataIndex: 'personVisits', align: 'right' },
        { title: s.yoyMatters, dataIndex: 'yoyMatters', align: 'right', render: (v: number | null) => <Yoy change={v} /> },
        { title: s.collective, dataIndex: 'collectiveVisits', align: 'right' },
        { title: s.repeats, dataIndex: 'repeatVisits', align: 'right' },
        { title: s.received, dataIndex: 'received', align: 'right' },
        { title: s.resolutionRate, dataIndex: 'resolutionRate', align: 'right', render: (v: number | null) => formatRate(v) },
        { title: s.stopRate, dataIndex: 'stopRate', align: 'right', render: (v: number | null) => formatRate(v) },
        { title: s.terminated, dataIndex: 'terminated', align: 'right' },
        { title: s.writtenOff, dataIndex: 'writtenOff', align: 'right' },
        { title: s.reliefAmount, dataIndex: 'reliefAmount', align: 'right', render: (v: string) => formatMoney(v) },
        { title: s.reliefMatters, dataIndex: 'reliefMatters', align: 'right' },
        { title: s.reliefTimes, dataIndex: 'reliefTimes', align: 'right' },
      ]}
    />
  );
}

function Downloads({ year }: { year: number }) {
  const { message } = App.useApp();
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (!o.result) return;
      const name = saveBase64File(o.result as Base64File, `${o.intent}.xlsx`);
      void message.success(strings.common.downloaded(name));
    },
    [message],
  );
  const error = useActionFeedback(fetcher, onSuccess);
  const [month, setMonth] = useState<Dayjs | null>(dayjs().startOf('month'));
  const [annualYear, setAnnualYear] = useState<Dayjs | null>(dayjs(`${year}-01-01`));
  const busy = fetcher.state !== 'idle';
  return (
    <Card size="small" title={s.exports}>
      <Space wrap size={24}>
        <Space>
          <Typography.Text>{s.ledger}</Typography.Text>
          <DatePicker picker="month" value={month} onChange={setMonth} allowClear={false} aria-label={s.ledgerMonth} />
          <BusyButton
            icon={<DownloadOutlined />}
            loading={busy}
            data-testid="export-ledger"
            disabled={!month}
            onClick={() => month && fetcher.submit({ intent: 'ledger', year: String(month.year()), month: String(month.month() + 1) }, { method: 'post' })}
          >
            {s.downloadXlsx}
          </BusyButton>
        </Space>
        <Space>
          <Typography.Text>{s.annual}</Typography.Text>
          <DatePicker picker="year" value={annualYear} onChange={setAnnualYear} allowClear={false} aria-label={s.annualYear} />
          <BusyButton
            icon={<DownloadOutlined />}
            loading={busy}
            data-testid="export-annual"
            disabled={!annualYear}
            onClick={() => annualYear && fetcher.submit({ intent: 'annual', year: String(annualYear.year()) }, { method: 'post' })}
          >
            {s.downloadXlsx}
          </BusyButton>
        </Space>
      </Space>
      <div style={{ marginTop: 12 }}>
        <FormError outcome={error} />
      </div>
    </Card>
  );
}

export default function Statistics() {
  const { summary, monthly, period, today, units } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const unitNames = useMemo(() => new Map(units), [units]);
  const t = summary.total;
  const periodSearch = (p: { from: string; to: string }) => {
    const q = new URLSearchParams(params);
    q.set('from', p.from);
    q.set('to', p.to);
    return `?${q.toString()}`;
  };
  const go = (p: { from: string; to: string }) => navigate(periodSearch(p));
  const presets: PeriodPreset[] = ['thisYear', 'thisQuarter', 'thisMonth', 'lastYear'];
  const channelName = (k: string | null) => channelOptions.find((o) => o.value === k)?.label ?? String(k);
  const categoryName = (k: string | null) => categoryOptions.find((o) => o.value === k)?.label ?? String(k);

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text>{s.period}</Typography.Text>
          <DatePicker.RangePicker
            data-testid="period"
            value={[dayjs(period.from), dayjs(period.to)]}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) go({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
            }}
          />
          {/* Links, so the presets work without JavaScript too. */}
          {presets.map((p) => (
            <Button
              key={p}
              size="small"
              href={periodSearch(presetPeriod(p, today))}
              onClick={(e) => {
                e.preventDefault();
                go(presetPeriod(p, today));
              }}
            >
              {s[p]}
            </Button>
          ))}
        </Space>
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={4}>
          <Card size="small">
            <div data-testid="stat-matters">
              <Statistic title={s.matters} value={t.matters} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.lastYearValue(t.lastYearMatters)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <div data-testid="stat-persons">
              <Statistic title={s.personVisits} value={t.personVisits} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.lastYearValue(t.lastYearPersonVisits)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <div data-testid="stat-yoy">
              <Statistic title={s.yoyMatters} valueRender={() => <Yoy change={t.yoyMatters} />} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.personVisits}：<Yoy change={t.yoyPersonVisits} />
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <div data-testid="stat-resolution">
              <Statistic title={s.resolutionRate} valueRender={() => formatRate(t.resolutionRate)} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.received} {t.received}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <div data-testid="stat-stop">
              <Statistic title={s.stopRate} valueRender={() => formatRate(t.stopRate)} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.stopRateFormula}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title={s.collective} value={t.collectiveVisits} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.repeats} {t.repeatVisits}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card size="small" data-testid="relief-total">
            <Statistic title={s.reliefAmount} valueRender={() => formatMoney(t.reliefAmount)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.reliefSummary(t.reliefMatters, t.reliefTimes)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title={s.terminated} value={t.terminated} />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title={s.writtenOff} value={t.writtenOff} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`${s.monthly}（${s.chartYear(monthly.year)}）`} style={{ marginBottom: 16 }}>
        <MonthlyChart year={monthly.year} months={monthly.months} />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Tabs
          items={[
            { key: 'unit', label: s.byUnit, children: <FigureTable testId="by-unit" rows={summary.byUnit} nameOf={(k) => unitLabel(k, unitNames, s.unitUnknown, s.unitOther)} /> },
            { key: 'category', label: s.byCategory, children: <FigureTable testId="by-category" rows={summary.byCategory} nameOf={categoryName} /> },
            { key: 'channel', label: s.byChannel, children: <FigureTable testId="by-channel" rows={summary.byChannel} nameOf={channelName} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {s.definitions}
        </Typography.Paragraph>
      </Card>
      <Downloads year={monthly.year} />
    </>
  );
}

