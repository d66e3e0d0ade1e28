// 评查结果: the grade distribution per unit and the defect types ranked (charts), and the
// per-unit table with 合格率, 优秀率 and 优良率; grades on the campaign's current scale.
import { Link } from '@remix-run/react';
import { data } from '@remix-run/react';
import { Card, Empty, Space, Table } from 'antd';
import { useMemo } from 'react';
import { Chart, PageHeader, usePageData, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { defectRanking, gradeDistribution } from '../lib/charts.js';
import { strings } from '../strings.js';

const s = strings.pages.results;
const d = strings.detail;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: d.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    const campaign = await c.inspections.campaigns.get({ id });
    const results = campaign.scaleId ? await c.inspections.results.campaign({ campaignId: id }) : null;
    return { campaign: { id: campaign.id, title: campaign.title, year: campaign.year, kind: campaign.kind }, results };
  });
}

const rate = (v: number) => v.toFixed(1);

export default function ResultsPage() {
  const { campaign, results } = usePageData<typeof loader>();
  const labels = useMemo(() => (results?.overall.grades ?? []).map((g) => g.label), [results]);
  const gradesOption = useMemo(() => (results ? gradeDistribution(results.units, labels) : null), [results, labels]);
  const defectsOption = useMemo(() => (results ? defectRanking(results.defects, s.filesSeries) : null), [results]);
  const rows = results ? [...results.units.map((u) => ({ key: u.unitId, name: u.unitName, ...u })), { key: 'overall', name: d.overall, ...results.overall }] : [];
  return (
    <>
      <PageHeader title={s.title(campaign.title)} subtitle={`${campaign.year} · ${campaign.kind}`} />
      <p>
        <Link to={`/inspections/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      {results && gradesOption && defectsOption ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card size="small" title={`${s.gradesChart}（${results.scale}）`}>
            <Chart option={gradesOption} testId="inspections-grades-chart" />
          </Card>
          <Card size="small" title={s.defectsChart}>
            {results.defects.length ? <Chart option={defectsOption} testId="inspections-defects-chart" /> : <Empty description={strings.pages.none} />}
          </Card>
          <Card size="small" title={s.table} data-testid="inspections-results-table">
            <Table
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: d.unitName, dataIndex: 'name' },
                { title: d.files, dataIndex: 'files' },
                { title: d.volumes, dataIndex: 'volumes' },
                ...labels.map((label, i) => ({ title: label, key: `g${i}`, render: (_: unknown, r: { grades: { count: number }[] }) => r.grades[i]?.count ?? 0 })),
                { title: d.passRate, dataIndex: 'passRate', render: rate },
                { title: d.excellentRate, dataIndex: 'excellentRate', render: rate },
                { title: d.combinedRate, dataIndex: 'combinedRate', render: rate },
              ]}
            />
            <Table
              size="small"
              title={() => d.defects}
              rowKey={(x) => `${x.aspect}-${x.content}`}
              pagination={false}
              dataSource={results.defects}
              locale={{ emptyText: d.none }}
              columns={[
                { title: d.defectAspect, dataIndex: 'aspect', width: 120 },
                { title: d.defectContent, dataIndex: 'content' },
                { title: d.defectFiles, dataIndex: 'files', width: 100 },
              ]}
            />
          </Card>
        </Space>
      ) : (
        <Empty description={s.noScale} />
      )}
    </>
  );
}
