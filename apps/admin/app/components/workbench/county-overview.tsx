// 全县概况 on the leader's workbench: the dashboard's key figures and overdue cases by unit.
import { Link } from '@remix-run/react';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { overdueByUnit, type UnitOverdue } from '../../lib/workbench.js';
import { strings } from '../../strings.js';

const s = strings.home;

export interface CountyFigures {
  total: number;
  overdue: number;
  dueThisWeek: number;
  dispatchDue: number;
  closureRate: number | null;
  byUnit: UnitOverdue[];
}

export function CountyOverview({ figures }: { figures: CountyFigures }) {
  const units = overdueByUnit(figures.byUnit);
  const stat = (title: string, value: number | string, to: string, danger = false) => (
    <Col xs={12} md={8} lg={4} xl={4}>
      <Link to={to} style={{ display: 'block' }}>
        <Statistic title={title} value={value} valueStyle={danger && Number(value) > 0 ? { color: '#cf1322' } : undefined} />
      </Link>
    </Col>
  );
  return (
    <Card title={s.overview} extra={<Link to="/cases/dashboard">{s.overviewLink}</Link>} data-testid="county-overview">
      <Row gutter={[16, 16]}>
        {stat(s.figures.total, figures.total, '/cases')}
        {stat(s.figures.overdue, figures.overdue, '/cases?overdue=1&sort=deadline&dir=asc', true)}
        {stat(s.figures.dueThisWeek, figures.dueThisWeek, '/cases?due=7&sort=deadline&dir=asc')}
        {stat(s.figures.dispatchDue, figures.dispatchDue, '/cases?dispatch=1&sort=nextDispatch&dir=asc')}
        <Col xs={12} md={8} lg={4} xl={4}>
          <Statistic title={s.figures.closureRate} value={figures.closureRate ?? s.noRate} suffix={figures.closureRate === null ? undefined : '%'} />
        </Col>
      </Row>
      <Table<UnitOverdue>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="unitId"
        pagination={false}
        title={() => s.overdueByUnit}
        locale={{ emptyText: s.overdueNone }}
        dataSource={units}
        columns={[
          { title: s.unit, dataIndex: 'name', render: (name: string, u) => <Link to={`/cases?unit=${u.unitId}&overdue=1&sort=deadline&dir=asc`}>{name}</Link> },
          { title: s.overdueCount, dataIndex: 'overdue', align: 'right', width: 96 },
          { title: s.openCount, dataIndex: 'open', align: 'right', width: 96 },
        ]}
      />
    </Card>
  );
}
