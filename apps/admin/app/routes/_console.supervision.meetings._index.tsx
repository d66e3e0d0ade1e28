// 协调会: the year's coordination meetings and the figures annual reports quote
// (召开协调会 N 次，协调事项 N 件，化解 N 件). A unit's liaison sees the meetings it was invited to.
import { Link, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Button, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDateTime, ListSearch, ListTable, MeetingStatusTag, PageHeader, type ListColumn } from '@zhengfa/ui';
import { yearOptions } from '../lib/supervision.js';
import { load } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.supervision;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.meetingsTitle) }];

/** The current year in China Standard Time. */
function chinaYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const thisYear = chinaYear();
  const params = new URL(request.url).searchParams;
  const asked = Number.parseInt(params.get('year') ?? '', 10);
  const keyword = params.get('q')?.trim().slice(0, 50) ?? '';
  const year = Number.isFinite(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  return load(context, request, async (trpc) => {
    const [me, all, figures] = await Promise.all([trpc.auth.me(), trpc.supervision.meetings({ year }), trpc.supervision.meetingFigures({ year })]);
    const items = keyword ? all.filter((m) => [m.title, m.place, m.opinionDocNo].some((t) => typeof t === 'string' && t.includes(keyword))) : all;
    return { items, figures, year, thisYear, committee: Boolean(me?.user.committee), canSchedule: Boolean(me?.user.permissions.includes('supervision.meetings')) };
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['items'][number];

export default function Meetings() {
  const { items, figures, year, thisYear, committee, canSchedule } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const keyword = params.get('q') ?? '';
  const columns: ListColumn<Row>[] = [
    {
      title: s.meetingTitle,
      key: 'title',
      width: 280,
      ellipsis: true,
      tooltip: (m) => m.title,
      render: (_, m) => (
        <Link to={`/supervision/meetings/${m.id}`} prefetch="intent">
          {m.title}
        </Link>
      ),
    },
    { title: s.scheduledAt, key: 'scheduledAt', width: 170, exportText: (m) => formatDateTime(m.scheduledAt), render: (_, m) => <span className="zf-nowrap">{formatDateTime(m.scheduledAt)}</span> },
    { title: s.place, key: 'place', dataIndex: 'place', width: 200, ellipsis: true, render: (v: string) => v || strings.common.none },
    { title: s.meetingStatus, key: 'status', width: 120, exportText: (m) => m.statusName, render: (_, m) => <MeetingStatusTag status={m.status} label={m.statusName} /> },
    { title: s.opinionDocNo, key: 'opinionDocNo', width: 200, ellipsis: true, exportText: (m) => m.opinionDocNo ?? '', render: (_, m) => m.opinionDocNo ?? strings.common.none },
  ];
  return (
    <>
      <PageHeader
        title={s.meetingsTitle}
        subtitle={committee ? s.meetingsSubtitle : s.meetingsSubtitleUnit}
        extra={
          canSchedule ? (
            <Link to="/supervision/meetings/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {s.newMeeting}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} data-testid="meeting-figures">
        <Space style={{ marginBottom: 12 }} wrap>
          <span>{s.year}</span>
          <Select
            value={year}
            aria-label={s.year}
            style={{ width: 120 }}
            onChange={(y: number) => navigate(`/supervision/meetings?year=${y}${keyword ? `&q=${encodeURIComponent(keyword)}` : ''}`)}
            options={yearOptions(thisYear, year).map((y) => ({ value: y, label: `${y} 年` }))}
            data-testid="meeting-year"
          />
          <ListSearch placeholder={s.meetingKeyword} />
          <Typography.Text strong data-testid="meeting-figures-line">
            {s.figures(figures.meetingsHeld, figures.casesCoordinated, figures.casesResolved)}
          </Typography.Text>
        </Space>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Statistic title={s.figureHeld} value={figures.meetingsHeld} />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={s.figureCoordinated} value={figures.casesCoordinated} />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={s.figureResolved} value={figures.casesResolved} />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        <ListTable<Row>
          listId="meetings"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          minWidth={960}
          csvName={`${s.meetingsTitle}_${year}`}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: s.emptyMeetings }}
          data-testid="meeting-table"
        />
      </Card>
    </>
  );
}
