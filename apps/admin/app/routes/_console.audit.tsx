import { useLoaderData, useNavigation, useRevalidator, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { BusyButton, formatDateTime, ListTable, OutcomeTag, PageHeader, saveBase64File, type AuditOutcome, type ListColumn } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { callErrorOf } from '../lib/trpc-errors.js';
import { browserTrpc } from '../lib/trpc.client.js';
import { load, pageParam } from '../lib/trpc.server.js';
import { refuseBadAddress } from '../lib/url-params.js';
import { strings } from '../strings.js';

const s = strings.audit;
const PAGE_SIZE = 20;
const outcomes: AuditOutcome[] = ['success', 'failure', 'denied'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

/** Start of a calendar day in China Standard Time. */
function chinaDayStart(day: string, addDays = 0): Date {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return d;
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = url.searchParams;
  refuseBadAddress(q, { days: { from: strings.urlFields.from, to: strings.urlFields.to }, texts: { action: s.action, q: s.keyword } });
  const actorId = q.get('actor') || undefined;
  const action = q.get('action') || undefined;
  const keyword = q.get('q')?.trim().slice(0, 50) || undefined;
  const outcomeParam = q.get('outcome');
  const outcome = outcomes.find((o) => o === outcomeParam);
  const from = DAY.test(q.get('from') ?? '') ? q.get('from')! : undefined;
  const to = DAY.test(q.get('to') ?? '') ? q.get('to')! : undefined;
  const page = pageParam(url, 'page', 1);
  const pageSize = pageParam(url, 'size', PAGE_SIZE, 100);
  return load(context, request, async (trpc) => {
    const [list, actions, users] = await Promise.all([
      trpc.audit.list({
        ...(actorId ? { actorId } : {}),
        ...(action ? { action } : {}),
        ...(keyword ? { keyword } : {}),
        ...(outcome ? { outcome } : {}),
        ...(from ? { from: chinaDayStart(from) } : {}),
        // The picked end day is included: the query's upper bound is the next midnight.
        ...(to ? { to: chinaDayStart(to, 1) } : {}),
        page,
        pageSize,
      }),
      trpc.audit.actions(),
      trpc.users.list({ page: 1, pageSize: 100 }),
    ]);
    return {
      list,
      actions,
      actors: users.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
      filter: { actorId: actorId ?? null, action: action ?? null, keyword: keyword ?? null, outcome: outcome ?? null, from: from ?? null, to: to ?? null, page, pageSize },
    };
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Entry = LoaderData['list']['items'][number];

interface FilterValues {
  keyword?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type VerifyState = { state: 'idle' } | { state: 'running' } | { state: 'done'; ok: boolean; text: string } | { state: 'failed'; text: string };

function VerifyButton() {
  const [status, setStatus] = useState<VerifyState>({ state: 'idle' });
  const revalidator = useRevalidator();
  async function verify() {
    setStatus({ state: 'running' });
    try {
      const result = await browserTrpc().audit.verify.mutate();
      setStatus(
        result.ok
          ? { state: 'done', ok: true, text: s.verifyOk(result.checked) }
          : { state: 'done', ok: false, text: s.verifyBroken(result.firstBroken?.seq ?? 0, s.verifyReasons[result.firstBroken?.reason ?? ''] ?? result.firstBroken?.reason ?? '') },
      );
      // Verifying is itself recorded; show the new record.
      revalidator.revalidate();
    } catch (err) {
      setStatus({ state: 'failed', text: callErrorOf(err)?.message ?? strings.error.network });
    }
  }
  return (
    <Space direction="vertical" align="end">
      <BusyButton icon={<SafetyOutlined />} onClick={verify} loading={status.state === 'running'} data-testid="audit-verify">
        {status.state === 'running' ? s.verifying : s.verify}
      </BusyButton>
      {status.state === 'done' ? <Alert type={status.ok ? 'success' : 'error'} showIcon message={status.text} data-testid="audit-verify-result" /> : null}
      {status.state === 'failed' ? <Alert type="error" showIcon message={s.verifyFailed} description={status.text} data-testid="audit-verify-result" /> : null}
    </Space>
  );
}

/** 导出 Excel: the log as the filter selects it (every page, newest first), built by the server. */
function AuditExportButton({ filter }: { filter: LoaderData['filter'] }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  async function run() {
    setBusy(true);
    try {
      const file = await browserTrpc().audit.export.mutate({
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.keyword ? { keyword: filter.keyword } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
        ...(filter.from ? { from: chinaDayStart(filter.from) } : {}),
        ...(filter.to ? { to: chinaDayStart(filter.to, 1) } : {}),
      });
      message.success(s.exported(saveBase64File(file, 'audit.xlsx')));
    } catch (err) {
      message.error(callErrorOf(err)?.message ?? strings.error.network);
    } finally {
      setBusy(false);
    }
  }
  return (
    <BusyButton icon={<FileExcelOutlined />} onClick={run} loading={busy} data-testid="audit-export">
      {s.export}
    </BusyButton>
  );
}

function targetLabel(e: Entry): string {
  if (!e.targetType) return strings.common.none;
  const type = s.targetTypes[e.targetType] ?? e.targetType;
  return e.targetId ? `${type} ${e.targetId.slice(0, 8)}` : type;
}

export default function Audit() {
  const { list, actions, actors, filter } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const [antForm] = Form.useForm<FilterValues>();

  function apply(values: FilterValues) {
    const next = new URLSearchParams();
    if (values.keyword?.trim()) next.set('q', values.keyword.trim());
    if (values.actor) next.set('actor', values.actor);
    if (values.action) next.set('action', values.action);
    if (values.outcome) next.set('outcome', values.outcome);
    const [from, to] = values.range ?? [];
    if (from) next.set('from', from.format('YYYY-MM-DD'));
    if (to) next.set('to', to.format('YYYY-MM-DD'));
    const size = params.get('size');
    if (size) next.set('size', size);
    setParams(next);
  }

  function reset() {
    antForm.resetFields();
    setParams(new URLSearchParams());
  }

  function setPage(page: number, size: number) {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    if (size !== PAGE_SIZE) next.set('size', String(size));
    else next.delete('size');
    setParams(next);
  }

  const columns: ListColumn<Entry>[] = [
    { title: s.seq, dataIndex: 'seq', key: 'seq', width: 90 },
    { title: s.at, key: 'at', width: 170, render: (_: unknown, e: Entry) => <span className="zf-nowrap">{formatDateTime(e.at)}</span> },
    { title: s.actor, key: 'actor', width: 140, ellipsis: true, render: (_: unknown, e: Entry) => e.actorName ?? s.system },
    { title: s.action, dataIndex: 'actionName', key: 'action', width: 180, ellipsis: true },
    { title: s.target, key: 'target', width: 160, ellipsis: true, render: (_: unknown, e: Entry) => targetLabel(e) },
    { title: s.outcome, key: 'outcome', width: 80, render: (_: unknown, e: Entry) => <OutcomeTag outcome={e.outcome} /> },
    { title: s.ip, dataIndex: 'ip', key: 'ip', width: 140, ellipsis: true, render: (ip: string | null) => ip ?? strings.common.none },
    { title: s.userAgent, dataIndex: 'userAgent', key: 'userAgent', width: 200, ellipsis: true, hiddenByDefault: true, render: (ua: string | null) => ua ?? strings.common.none },
  ];

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} extra={<VerifyButton />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FilterValues>
          form={antForm}
          name="auditFilter"
          layout="inline"
          onFinish={apply}
          initialValues={{
            keyword: filter.keyword ?? undefined,
            actor: filter.actorId ?? undefined,
            action: filter.action ?? undefined,
            outcome: filter.outcome ?? undefined,
            range: filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : null,
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="keyword" label={s.keyword}>
            <Input allowClear placeholder={s.keywordPlaceholder} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="actor" label={s.actor}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={s.actorPlaceholder} options={actors} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="action" label={s.action}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={s.actionPlaceholder} options={actions} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="outcome" label={s.outcome}>
            <Select allowClear placeholder={s.outcomePlaceholder} options={outcomes.map((o) => ({ value: o, label: strings.auditOutcomes[o] }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="range" label={s.dateRange}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {strings.common.search}
              </Button>
              <Button onClick={reset}>{strings.common.reset}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <ListTable<Entry>
          listId="audit"
          rowKey="seq"
          size="middle"
          data-testid="audit-table"
          dataSource={list.items}
          columns={columns}
          toolbar={<AuditExportButton filter={filter} />}
          loading={navigation.state === 'loading' && navigation.location.pathname === '/audit'}
          minWidth={980}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={s.userAgent}>{e.userAgent ?? strings.common.none}</Descriptions.Item>
                <Descriptions.Item label={s.target}>{e.targetId ?? strings.common.none}</Descriptions.Item>
                <Descriptions.Item label={s.detail}>
                  <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {e.detail ? JSON.stringify(e.detail, null, 2) : strings.common.none}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.total,
            showTotal: (n) => strings.common.total(n),
            showSizeChanger: true,
            onChange: setPage,
          }}
        />
      </Card>
    </>
  );
}
