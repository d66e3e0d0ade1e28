// 每日摘要: what reached the user on one day, grouped (事项, 监督文书, 协调会), with what is
// still unread, beside what still waits (the workbench's to-dos). Days page back and forth.
import { Link, useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Badge, Card, Col, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import { CheckOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { BusyButton, formatDate, formatDateTime, PageHeader, useActionFeedback } from '@zhengfa/ui';
import { TodoBoard } from '../components/workbench/todo-board.js';
import { load } from '../lib/trpc.server.js';
import { mergeTodos } from '../lib/workbench.js';
import { strings } from '../strings.js';

const s = strings.digest;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('day') ?? '';
  return load(context, request, async (trpc) => {
    const [digest, kernelTodos, pluginTodos] = await Promise.all([trpc.notifications.digest(DAY.test(asked) ? { day: asked } : {}), trpc.workbench.kernelTodos(), trpc.workbench.todos()]);
    return { digest, todos: mergeTodos(kernelTodos, strings.home.kernelSource, pluginTodos) };
  });
}

function MarkDayRead({ ids }: { ids: string[] }) {
  const fetcher = useFetcher();
  useActionFeedback(fetcher);
  return (
    <fetcher.Form method="post" action="/inbox">
      <input type="hidden" name="intent" value="markRead" />
      {ids.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      <BusyButton htmlType="submit" size="small" icon={<CheckOutlined />} loading={fetcher.state !== 'idle'}>
        {s.markDayRead}
      </BusyButton>
    </fetcher.Form>
  );
}

export default function Digest() {
  const { digest, todos } = useLoaderData<typeof loader>();
  const unreadIds = digest.groups.flatMap((g) => g.items.filter((i) => !i.read).map((i) => i.id));
  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle(formatDate(digest.day))}
        extra={
          <Space>
            <Link to={`/inbox/digest?day=${digest.previousDay}`}>
              <LeftOutlined /> {s.previousDay}
            </Link>
            {digest.nextDay ? (
              <Link to={`/inbox/digest?day=${digest.nextDay}`}>
                {s.nextDay} <RightOutlined />
              </Link>
            ) : null}
            <Link to="/inbox">{s.allMessages}</Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={s.received}
            data-testid="digest"
            extra={unreadIds.length ? <MarkDayRead ids={unreadIds} /> : null}
          >
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}>
                <Statistic title={s.total} value={digest.total} />
              </Col>
              <Col span={8}>
                <Statistic title={s.unread} value={digest.unread} valueStyle={digest.unread ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
            {digest.groups.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.empty} />
            ) : (
              digest.groups.map((g) => (
                <div key={g.key} data-testid={`digest-${g.key}`} style={{ marginBottom: 16 }}>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {s.group(g.label, g.count, g.unread)}
                  </Typography.Title>
                  <List
                    size="small"
                    dataSource={g.items}
                    renderItem={(n) => (
                      <List.Item key={n.id} extra={n.link ? <Link to={n.link}>{s.open}</Link> : null}>
                        <Space size={8}>
                          <Badge status={n.read ? 'default' : 'processing'} />
                          <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                            {formatDateTime(n.createdAt)}
                          </Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <TodoBoard items={todos.items} failed={todos.failed} />
        </Col>
      </Row>
    </>
  );
}
