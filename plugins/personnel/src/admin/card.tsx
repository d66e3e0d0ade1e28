// The workbench card (a slot): how many officers the user's scope has on the registry.
import { Link } from '@remix-run/react';
import { Statistic } from 'antd';
import { strings } from './strings.js';

export function OfficersCard({ data }: { data: { count: number } }) {
  return (
    <Link to="/personnel" data-testid="personnel-card">
      <Statistic title={strings.officers} value={data.count} />
    </Link>
  );
}
