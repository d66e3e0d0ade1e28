// The workbench cards (slots): disputes awaiting triage and those past their deadline; and
// the year's figures of the center.
import { Link } from '@remix-run/react';
import { Space, Statistic } from 'antd';
import { strings } from './strings.js';

export function TriageCard({ data }: { data: { awaiting: number; overdue: number } }) {
  return (
    <Space size="large" data-testid="mediation-card">
      <Link to="/mediation?status=registered">
        <Statistic title={strings.awaitingTriage} value={data.awaiting} />
      </Link>
      <Link to="/mediation?overdue=1">
        <Statistic title={strings.overdue} value={data.overdue} />
      </Link>
    </Space>
  );
}

export function YearCard({ data }: { data: { disputes: number; persons: number; successRate: number | null } }) {
  const y = strings.yearCard;
  return (
    <Link to="/mediation/statistics" data-testid="mediation-year-card">
      <Space size="large">
        <Statistic title={y.disputes} value={data.disputes} />
        <Statistic title={y.persons} value={data.persons} />
        <Statistic title={y.successRate} value={data.successRate === null ? strings.statistics.empty : `${data.successRate.toFixed(1)}%`} />
      </Space>
    </Link>
  );
}
