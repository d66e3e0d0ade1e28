// 矛盾纠纷台账: the disputes list, with filters (status, overdue triage) and search.
import { Link, Form as RemixForm, useSearchParams } from '@remix-run/react';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit, type DisputeListRow } from '../api.js';
import { disputeStatusLabels, intake, riskLabels, sourceLabels, strings, workbench } from '../strings.js';
import { listFilters } from '../workbench/filters.js';

const statusLabels = disputeStatusLabels;
const STATUSES = Object.keys(disputeStatusLabels);

export async function loader(args: RouteArgs) {
  const filters = listFilters(new URL(args.request.url).searchParams);
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'mediation.read');
    const rows = await c.mediation.disputes.list(filters.input);
    return {
      disputes: filters.receivedOn ? rows.filter((r) => r.receivedOn === filters.receivedOn) : rows,
      filterLabel: filters.label,
      canRegister: user.permissions.includes('mediation.intake'),
    };
  });
}

export default function DisputesPage() {
  const { disputes, filterLabel, canRegister } = usePageData<typeof loader>();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const c = strings.columns;
  return (
    <>
      <PageHeader
        title={strings.title}
        subtitle={strings.subtitle}
        extra={
          canRegister ? (
            <Link to="/mediation/register" data-testid="register-dispute">
              {intake.open}
            </Link>
          ) : null
        }
      />
      <Card size="small" data-testid="mediation-page">
        {filterLabel ? (
          <Alert
            type="info"
            data-testid="list-filter"
            style={{ marginBottom: 12 }}
            message={
              <Space>
                {workbench.filtered(filterLabel)}
                <Link to="/mediation">{workbench.clearFilter}</Link>
              </Space>
            }
          />
        ) : null}
        <RemixForm method="get">
          <Space wrap style={{ marginBottom: 12 }}>
            <Input name="q" defaultValue={params.get('q') ?? ''} placeholder={strings.search} aria-label={strings.search} allowClear style={{ width: 260 }} />
            <Select
              aria-label={c.status}
              value={status}
              style={{ width: 160 }}
              options={[{ value: '', label: strings.allStatuses }, ...STATUSES.map((s) => ({ value: s, label: statusLabels[s] }))]}
              onChange={setStatus}
            />
            <input type="hidden" name="status" value={status} />
            <Checkbox name="overdue" value="1" defaultChecked={params.get('overdue') === '1'}>
              {strings.overdueOnly}
            </Checkbox>
            <Button htmlType="submit" type="primary">
              {strings.searchButton}
            </Button>
          </Space>
        </RemixForm>
        <Table<DisputeListRow>
          size="small"
          rowKey="id"
          dataSource={disputes}
          locale={{ emptyText: strings.none }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: c.code, dataIndex: 'code', render: (v: string, row) => <Link to={`/mediation/${row.id}`}>{v}</Link> },
            { title: c.receivedOn, dataIndex: 'receivedOn' },
            { title: c.source, dataIndex: 'source', render: (v: string) => sourceLabels[v] ?? v },
            { title: c.type, dataIndex: 'disputeType' },
            { title: c.parties, dataIndex: 'partyNames', render: (v: string[]) => v.join('、') },
            { title: c.personCount, dataIndex: 'personCount' },
            { title: c.risk, dataIndex: 'riskLevel', render: (v: string) => (v === 'high' ? <Tag color="red">{riskLabels[v]}</Tag> : riskLabels[v] ?? v) },
            { title: c.status, dataIndex: 'status', render: (v: string) => statusLabels[v] ?? v },
            {
              title: c.triageDueOn,
              dataIndex: 'triageDueOn',
              render: (v: string, row) => (row.overdue ? <Tag color="red">{`${v} ${strings.overdue}`}</Tag> : row.status === 'registered' ? v : ''),
            },
          ]}
        />
      </Card>
    </>
  );
}
