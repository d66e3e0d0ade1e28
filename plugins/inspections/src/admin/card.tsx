// The workbench card (a slot): how many of the county's campaigns are under way.
import { Link } from '@remix-run/react';
import { Statistic } from 'antd';
import { strings } from './strings.js';

export function CampaignsCard({ data }: { data: { count: number } }) {
  return (
    <Link to="/inspections" data-testid="inspections-card">
      <Statistic title={strings.count} value={data.count} />
    </Link>
  );
}
