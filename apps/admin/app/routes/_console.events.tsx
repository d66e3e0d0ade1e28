// 系统管理 → 事件投递: each subscriber's progress, and the events a subscriber failed on its
// last attempt (dead letters), which the system administrator may queue for another try.
import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { BusyButton, formatDateTime, PageHeader, useActionFeedback } from '@zhengfa/ui';
import { badForm, form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.events;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => ({
    subscribers: await trpc.system.eventSubscribers(),
    deadLetters: await trpc.system.deadLetters({ limit: 200 }),
  }));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'retry') return badForm(intent);
  return mutate(context, intent, s.retryQueued, (trpc) => trpc.system.retryDeadLetter({ subscriber: form.str(fd, 'subscriber'), eventId: form.int(fd, 'eventId') }));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Subscriber = Data['subscribers'][number];
type DeadLetter = Data['deadLetters']['items'][number];

function RetryButton({ letter }: { letter: DeadLetter }) {
  const fetcher = useFetcher<typeof action>();
  const feedback = useActionFeedback(fetcher);
  if (letter.retryRequestedAt) return <Tag color="processing">{s.queued}</Tag>;
  return (
    <>
      <Popconfirm
        title={s.retryConfirm}
        okText={strings.common.ok}
        cancelText={strings.common.cancel}
        onConfirm={() => fetcher.submit({ intent: 'retry', subscriber: letter.subscriber, eventId: String(letter.eventId) }, { method: 'post' })}
      >
        <BusyButton size="small" type="link" loading={fetcher.state !== 'idle'}>
          {s.retry}
        </BusyButton>
      </Popconfirm>
      {feedback?.error ? <Alert type="error" showIcon message={feedback.error} /> : null}
    </>
  );
}

export default function Events() {
  const { subscribers, deadLetters } = useLoaderData<typeof loader>();
  const subscriberColumns = [
    { title: s.subscriber, key: 'subscriber', render: (_: unknown, r: Subscriber) => <Typography.Text code>{r.subscriber}</Typography.Text> },
    { title: s.pending, dataIndex: 'pending', key: 'pending' },
    {
      title: s.failing,
      key: 'failing',
      render: (_: unknown, r: Subscriber) =>
        r.failingEventId === null ? (
          <Tag color="success">{s.healthy}</Tag>
        ) : (
          <>
            <Tag color="warning">{s.failingOn(r.failingEventId, r.attempts)}</Tag>
            {r.lastError ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.lastError}
              </Typography.Text>
            ) : null}
          </>
        ),
    },
    { title: s.nextAttempt, key: 'nextAttemptAt', render: (_: unknown, r: Subscriber) => (r.nextAttemptAt ? formatDateTime(r.nextAttemptAt) : strings.common.none) },
  ];
  const letterColumns = [
    { title: s.eventId, dataIndex: 'eventId', key: 'eventId', width: 90 },
    { title: s.event, key: 'name', render: (_: unknown, r: DeadLetter) => <Typography.Text code>{r.name}</Typography.Text> },
    { title: s.subscriber, key: 'subscriber', render: (_: unknown, r: DeadLetter) => <Typography.Text code>{r.subscriber}</Typography.Text> },
    { title: s.occurredAt, key: 'occurredAt', render: (_: unknown, r: DeadLetter) => formatDateTime(r.occurredAt) },
    { title: s.failedAt, key: 'failedAt', render: (_: unknown, r: DeadLetter) => formatDateTime(r.failedAt) },
    { title: s.attempts, dataIndex: 'attempts', key: 'attempts', width: 90 },
    { title: s.lastError, dataIndex: 'lastError', key: 'lastError' },
    { title: '', key: 'retry', render: (_: unknown, r: DeadLetter) => <RetryButton letter={r} /> },
  ];
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" title={s.subscribersTitle} style={{ marginBottom: 16 }}>
        <Table<Subscriber>
          rowKey="subscriber"
          dataSource={subscribers}
          columns={subscriberColumns}
          pagination={false}
          locale={{ emptyText: <Empty description={s.noSubscribers} /> }}
        />
      </Card>
      <Card size="small" title={s.deadLettersTitle(deadLetters.total)}>
        <Table<DeadLetter>
          rowKey={(r) => `${r.subscriber}#${r.eventId}`}
          dataSource={deadLetters.items}
          columns={letterColumns}
          pagination={false}
          scroll={{ x: 1100 }}
          expandable={{ expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.payload, null, 2)}</pre> }}
          locale={{ emptyText: <Empty description={s.noDeadLetters} /> }}
          data-testid="dead-letters"
        />
      </Card>
    </>
  );
}
