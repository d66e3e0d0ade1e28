import { Link, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Badge, Card, List, Space, Switch, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { BusyButton, formatDateTime, PageHeader, useActionFeedback } from '@zhengfa/ui';
import { toFormData } from '../lib/form-data.js';
import { badForm, form, load, mutate, pageParam } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.inbox;
const PAGE_SIZE = 20;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const unreadOnly = url.searchParams.get('unread') === '1';
  const page = pageParam(url, 'page', 1);
  return load(context, request, async (trpc) => {
    const [list, unread] = await Promise.all([trpc.notifications.list({ unreadOnly, page, pageSize: PAGE_SIZE }), trpc.notifications.unreadCount()]);
    return { list, unread, unreadOnly, page };
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'markRead') {
    const ids = form.list(fd, 'ids');
    return mutate(context, intent, s.marked, (trpc) => trpc.notifications.markRead(form.bool(fd, 'all') ? {} : { ids }));
  }
  return badForm(intent);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['list']['items'][number];

function MarkReadButton({ ids, all, label }: { ids?: string[]; all?: boolean; label: string }) {
  const fetcher = useFetcher<typeof action>();
  useActionFeedback(fetcher);
  return (
    <BusyButton
      size="small"
      type={all ? 'default' : 'link'}
      icon={<CheckOutlined />}
      loading={fetcher.state !== 'idle'}
      onClick={() => fetcher.submit(toFormData({ intent: 'markRead', ids: ids ?? [], all: all ? 'true' : undefined }), { method: 'post' })}
    >
      {label}
    </BusyButton>
  );
}

function OpenLink({ item }: { item: Item }) {
  const fetcher = useFetcher<typeof action>();
  if (!item.link) return null;
  // Opening the case marks the message read.
  return (
    <Link
      to={item.link}
      onClick={() => {
        if (!item.read) fetcher.submit(toFormData({ intent: 'markRead', ids: [item.id] }), { method: 'post', action: '/inbox' });
      }}
    >
      {s.open}
    </Link>
  );
}

export default function Inbox() {
  const { list, unread, unreadOnly, page } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();

  function set(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          <Space>
            <Link to="/inbox/digest">{s.digest}</Link>
            {unread > 0 ? <MarkReadButton all label={s.markAllRead} /> : null}
          </Space>
        }
      />
      <Card
        size="small"
        title={
          <Space>
            <Switch size="small" checked={unreadOnly} onChange={(v) => set({ unread: v ? '1' : null, page: null })} aria-label={s.unreadOnly} />
            <Typography.Text>{s.unreadOnly}</Typography.Text>
            <Badge count={unread} />
          </Space>
        }
      >
        <List<Item>
          data-testid="inbox-list"
          loading={navigation.state === 'loading' && navigation.location.pathname === '/inbox'}
          dataSource={list.items}
          locale={{ emptyText: s.empty }}
          pagination={
            list.total > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: list.total, showTotal: (n) => strings.common.total(n), onChange: (p) => set({ page: p > 1 ? String(p) : null }) }
              : false
          }
          renderItem={(n) => (
            <List.Item actions={[<OpenLink key="open" item={n} />, n.read ? null : <MarkReadButton key="read" ids={[n.id]} label={s.markRead} />].filter(Boolean)}>
              <List.Item.Meta
                avatar={<Badge status={n.read ? 'default' : 'processing'} />}
                title={<Typography.Text strong={!n.read}>{n.title}</Typography.Text>}
                description={
                  <Space direction="vertical" size={0}>
                    {n.body ? <span>{n.body}</span> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)} · {n.read ? s.read : s.unread}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
