// 监督文书: every instrument the user may see (the office and leaders all; a unit's liaison
// those addressed to it, once issued), filtered by status through the address bar.
import { Link, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Card, Select, Space, Tag, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { formatDate, InstrumentStatusTag, ListSearch, ListTable, OverdueTag, PageHeader, type ListColumn } from '@zhengfa/ui';
import { recipientLine } from '../components/supervision/instrument-ladder.js';
import { load, type Caller } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.supervision;
type InstrumentStatus = NonNullable<Exclude<Parameters<Caller['supervision']['instruments']>[0], void | undefined>['status']>[number];
const statuses = Object.keys(s.instrumentStatuses) as InstrumentStatus[];

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.instrumentsTitle) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const status = params.getAll('status').filter((x): x is InstrumentStatus => (statuses as string[]).includes(x));
  const keyword = params.get('q')?.trim().slice(0, 50) ?? '';
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const all = await trpc.supervision.instruments(status.length ? { status } : {});
    const items = keyword ? all.filter((r) => [r.docNo, r.kindName, r.caseTitle, r.caseDocNo, recipientLine(r)].some((t) => typeof t === 'string' && t.includes(keyword))) : all;
    return { items, status, committee: Boolean(me?.user.committee) };
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['items'][number];

export default function Instruments() {
  const { items, status, committee } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const keyword = params.get('q') ?? '';

  const columns: ListColumn<Row>[] = [
    {
      title: s.docNo,
      key: 'docNo',
      width: 190,
      exportText: (r) => r.docNo ?? s.draftNo,
      render: (_, r) => (
        <Link to={`/supervision/instruments/${r.id}`} prefetch="intent" style={{ whiteSpace: 'nowrap' }}>
          {r.docNo ?? s.draftNo}
        </Link>
      ),
    },
    { title: s.kind, key: 'kind', dataIndex: 'kindName', width: 120 },
    {
      title: s.case,
      key: 'case',
      width: 230,
      ellipsis: true,
      tooltip: (r) => `${r.caseTitle}（${r.caseDocNo}）`,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Link to={`/cases/${r.caseId}`}>{r.caseTitle}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.caseDocNo}
          </Typography.Text>
        </Space>
      ),
    },
    { title: s.recipient, key: 'recipient', width: 180, ellipsis: true, tooltip: (r) => recipientLine(r), render: (_, r) => recipientLine(r) },
    {
      title: s.responseDeadline,
      key: 'deadline',
      width: 170,
      exportText: (r) => formatDate(r.responseDeadline),
      render: (_, r) => (
        <Space size={4}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.responseDeadline)}</span>
          {r.overdue ? <OverdueTag label={s.overdue} /> : null}
        </Space>
      ),
    },
    {
      title: s.status,
      key: 'status',
      width: 170,
      exportText: (r) => r.statusName,
      render: (_, r) => (
        <Space size={4} wrap>
          <InstrumentStatusTag status={r.status} label={r.statusName} />
          {r.suggestedNextName && committee ? (
            <Tag color="red" icon={<ArrowUpOutlined />}>
              {s.suggested(r.suggestedNextName)}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={s.instrumentsTitle} subtitle={committee ? s.instrumentsSubtitle : s.instrumentsSubtitleUnit} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{s.status}</span>
          <Select
            mode="multiple"
            allowClear
            aria-label={s.status}
            style={{ minWidth: 320 }}
            placeholder={s.allStatuses}
            value={status}
            onChange={(v: string[]) => {
              const q = new URLSearchParams();
              v.forEach((x) => q.append('status', x));
              if (keyword) q.set('q', keyword);
              navigate(`/supervision/instruments${q.size ? `?${q}` : ''}`);
            }}
            options={statuses.map((x) => ({ value: x, label: s.instrumentStatuses[x], title: s.instrumentStatuses[x] }))}
            data-testid="instrument-status-filter"
          />
          <ListSearch placeholder={s.instrumentKeyword} />
          <Typography.Text type="secondary">{strings.common.total(items.length)}</Typography.Text>
        </Space>
      </Card>
      <Card size="small">
        <ListTable<Row>
          listId="instruments"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          minWidth={960}
          csvName={s.instrumentsTitle}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: s.empty }}
          data-testid="instrument-table"
        />
      </Card>
    </>
  );
}
