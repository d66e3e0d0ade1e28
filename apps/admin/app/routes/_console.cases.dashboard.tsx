import { Link, useLoaderData, useNavigate } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Card, Col, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { AlertOutlined, CalendarOutlined, CheckCircleOutlined, ClockCircleOutlined, FileTextOutlined } from '@ant-design/icons';
import { CaseStatusTag, PageHeader, UrgencyTag } from '@zhengfa/ui';
import type { ReactNode } from 'react';
import { TrendChart } from '../components/trend-chart.js';
import { dashboardLinks } from '../lib/case-filters.js';
import { load } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.cases;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.dashboardTitle) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const kindParam = new URL(request.url).searchParams.get('kind')?.trim() || undefined;
  return load(context, request, async (trpc) => {
    const vocab = await trpc.cases.vocab();
    const kind = kindParam && vocab.kinds.some((k) => k.value === kindParam) ? kindParam : undefined;
    const dashboard = await trpc.cases.dashboard(kind ? { kind } : {});
    return { dashboard, kinds: vocab.kinds, kind: kind ?? null };
  });
}

type D = ReturnType<typeof useLoaderData<typeof loader>>['dashboard'];

function StatCard({ title, value, to, icon, danger, suffix, extra, testId }: { title: string; value: ReactNode; to: string; icon: ReactNode; danger?: boolean; suffix?: string; extra?: ReactNode; testId: string }) {
  return (
    <Link to={to} style={{ display: 'block' }} data-testid={testId}>
      <Card size="small" hoverable>
        <Statistic title={title} value={value as number} prefix={icon} suffix={suffix} valueStyle={danger ? { color: '#cf1322' } : undefined} />
        {extra}
      </Card>
    </Link>
  );
}

export default function Dashboard() {
  const { dashboard: d, kinds, kind } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const k = kind ?? undefined;
  const st = s.stat;
  return (
    <>
      <PageHeader
        title={s.dashboardTitle}
        subtitle={s.dashboardSubtitle}
        extra={
          kinds.length > 1 ? (
            <Select
              allowClear
              aria-label={s.kind}
              placeholder={s.allKinds}
              value={kind ?? undefined}
              options={kinds}
              style={{ width: 180 }}
              onChange={(v?: string) => navigate(v ? `/cases/dashboard?kind=${encodeURIComponent(v)}` : '/cases/dashboard')}
            />
          ) : null
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}>
          <StatCard testId="stat-total" title={st.total} value={d.total} to={dashboardLinks.total(k)} icon={<FileTextOutlined />} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <StatCard testId="stat-overdue" title={st.overdue} value={d.overdue} to={dashboardLinks.overdue(k)} icon={<AlertOutlined />} danger={d.overdue > 0} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <StatCard testId="stat-due" title={st.dueThisWeek} value={d.dueThisWeek} to={dashboardLinks.dueThisWeek(k)} icon={<ClockCircleOutlined />} />
        </Col>
        <Col xs={12} md={12} xl={5}>
          <StatCard testId="stat-dispatch" title={st.dispatchDue} value={d.dispatchDue} to={dashboardLinks.dispatchDue(k)} icon={<CalendarOutlined />} danger={d.dispatchDue > 0} />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <StatCard
            testId="stat-closure"
            title={st.closureRate}
            value={d.closureRate ?? st.noRate}
            suffix={d.closureRate === null ? undefined : '%'}
            to={dashboardLinks.closed(k)}
            icon={<CheckCircleOutlined />}
            extra={<Typography.Text type="secondary">{st.closed(d.closed)}</Typography.Text>}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={s.monthly} size="small">
            <TrendChart data={d.monthly} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={s.byUrgency} size="small" style={{ marginBottom: 16 }}>
            <CountTable rows={d.byUrgency.map((u) => ({ key: u.urgency, label: <UrgencyTag urgency={u.urgency} label={u.name} />, count: u.count, to: dashboardLinks.urgency(u.urgency, k) }))} />
          </Card>
          <Card title={s.byStatus} size="small">
            <CountTable rows={d.byStatus.map((x) => ({ key: x.status, label: <CaseStatusTag status={x.status} label={x.name} />, count: x.count, to: dashboardLinks.status(x.status, k) }))} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={s.byUnit} size="small">
            <UnitTable rows={d.byUnit} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function CountTable({ rows }: { rows: { key: string; label: ReactNode; count: number; to: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      showHeader={false}
      dataSource={rows}
      columns={[
        { key: 'label', width: 110, render: (_: unknown, r: (typeof rows)[number]) => r.label },
        { key: 'bar', render: (_: unknown, r: (typeof rows)[number]) => <Progress percent={(r.count / max) * 100} showInfo={false} size="small" strokeColor="#b71c1c" aria-label={String(r.count)} /> },
        {
          key: 'count',
          width: 60,
          align: 'right' as const,
          render: (_: unknown, r: (typeof rows)[number]) => <Link to={r.to}>{r.count}</Link>,
        },
      ]}
    />
  );
}

function UnitTable({ rows }: { rows: D['byUnit'] }) {
  type U = D['byUnit'][number];
  return (
    <Table<U>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: s.empty }}
      columns={[
        { title: s.leadUnit, key: 'name', render: (_, u) => <Link to={dashboardLinks.unit(u.unitId)}>{u.name}</Link> },
        { title: s.unitTotal, key: 'total', align: 'right', render: (_, u) => <Link to={dashboardLinks.unit(u.unitId)}>{u.total}</Link> },
        { title: s.unitOpen, key: 'open', align: 'right', render: (_, u) => <Link to={dashboardLinks.unit(u.unitId, { status: ['assigned', 'in_progress', 'submitted'] })}>{u.open}</Link> },
        {
          title: s.unitOverdue,
          key: 'overdue',
          align: 'right',
          render: (_, u) => (
            <Link to={dashboardLinks.unit(u.unitId, { overdue: true })}>
              <Typography.Text type={u.overdue > 0 ? 'danger' : undefined}>{u.overdue}</Typography.Text>
            </Link>
          ),
        },
        { title: s.unitClosed, key: 'closed', align: 'right', render: (_, u) => <Link to={dashboardLinks.unit(u.unitId, { status: ['closed', 'archived'] })}>{u.closed}</Link> },
        {
          title: s.stat.closureRate,
          key: 'rate',
          width: 200,
          render: (_, u) => <Progress percent={u.total ? Math.round((u.closed / u.total) * 1000) / 10 : 0} size="small" aria-label={u.name} />,
        },
      ]}
    />
  );
}
