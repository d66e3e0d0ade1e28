// The petitions plugin's slots: a petition's own panel on the kernel's case page (what the
// petition office recorded: status, who owns it, the petitioners, masked, and the visits)
// and the workbench card of this year's figures.
import { Link } from '@remix-run/react';
import { Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { formatDate } from '@zhengfa/ui';
import type { MatterDetail, StatisticsSummary } from '../lib/api.js';
import { formatRate } from '../lib/helpers.js';
import { strings } from '../strings.js';

const s = strings.slots;

export function PetitionCasePanel({ data: m }: { data: MatterDetail }) {
  const d = strings.detail;
  const owner = m.owner.kind === 'officer' ? d.ownerOfficer(m.owner.name) : d.ownerUnit(m.owner.name);
  const petitioners = m.petitionersHidden ? d.petitionersHidden : m.petitioners.map((p) => p.name).join('、') || strings.common.none;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="petition-case-panel">
      <Space size={4} wrap>
        <Tag color={m.outcome ? 'green' : m.routedAt ? 'blue' : 'orange'}>{m.statusName}</Tag>
        {m.outcomeName ? <Tag color="green">{m.outcomeName}</Tag> : null}
        {m.isAccusation ? <Tag color="purple">{d.accusation}</Tag> : null}
        {m.collective ? <Tag color="volcano">{strings.list.collective}</Tag> : null}
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={d.owner}>{owner}</Descriptions.Item>
        <Descriptions.Item label={d.category}>{m.categoryName}</Descriptions.Item>
        <Descriptions.Item label={d.firstReceivedOn}>{formatDate(m.firstReceivedOn)}</Descriptions.Item>
        <Descriptions.Item label={d.counts}>{d.countsValue(m.visitCount, m.personVisits, m.repeatCount)}</Descriptions.Item>
        <Descriptions.Item label={d.petitioners}>{petitioners}</Descriptions.Item>
      </Descriptions>
      <Link to={`/petitions/matters/${m.id}`} data-testid="petition-link">
        {s.openMatter}
      </Link>
    </Space>
  );
}

export interface YearFigures {
  year: number;
  total: StatisticsSummary['total'];
}

export function PetitionYearCard({ data }: { data: YearFigures }) {
  const t = data.total;
  const st = strings.statistics;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="petition-year-card">
      <Typography.Text type="secondary">{s.yearFigures(data.year)}</Typography.Text>
      <Space size={24} wrap>
        <Statistic title={st.matters} value={t.matters} />
        <Statistic title={st.personVisits} value={t.personVisits} />
        <Statistic title={st.stopRate} valueRender={() => formatRate(t.stopRate)} />
      </Space>
      <Link to="/petitions/statistics">{s.openStatistics}</Link>
    </Space>
  );
}
