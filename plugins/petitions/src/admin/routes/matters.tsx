// 信访事项: the list. Names are masked; until routing the receiving officer is shown as the
// owner (首接责任制), afterwards the lead unit.
import { Link, useFetcher, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { App, Button, Card, Checkbox, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionOutcome, badForm, type Base64File, BusyButton, form, formatDate, PageHeader, pageLinks, type RouteArgs, saveBase64File, useActionFeedback } from '@zhengfa/ui';
import { useCallback, useEffect } from 'react';
import { load, mutate, requirePermission, type MatterListItem } from '../lib/api.js';
import dayjs, { type Dayjs } from 'dayjs';
import { isIsoDate } from '../lib/helpers.js';
import { categoryOptions, statusOptions, strings } from '../strings.js';

const s = strings.list;
type Status = (typeof statusOptions)[number]['value'];
type Category = (typeof categoryOptions)[number]['value'];

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

/** The list's filter as its address gives it (the loader's and the export's alike). */
function listFilter(q: URLSearchParams) {
  const status = statusOptions.find((o) => o.value === q.get('status'))?.value as Status | undefined;
  const category = categoryOptions.find((o) => o.value === q.get('category'))?.value as Category | undefined;
  const from = q.get('from');
  const to = q.get('to');
  return {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
    ...(q.get('unrouted') === '1' ? { unrouted: true } : {}),
    ...(q.get('mediationSettled') === '1' ? { mediationSettled: true } : {}),
    ...(q.get('accusation') === '1' ? { accusation: true } : {}),
  };
}

export async function loader(args: RouteArgs) {
  const q = new URL(args.request.url).searchParams;
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1);
  return load(args, async (c) => {
    const user = await requirePermission(c, args.request, 'petitions.read');
    const list = await c.petitions.matters.list({ page, pageSize: 20, ...listFilter(q) });
    return { list, page, canRegister: user.permissions.includes('petitions.register') };
  });
}

/** 导出 Excel: every matter of the list's filter (sent as the address's query), as the list shows them. */
export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'export') return badForm(intent);
  return mutate(args, intent, '', (c) => c.petitions.matters.export(listFilter(new URLSearchParams(form.str(fd, 'query')))));
}

/** The export button: the file is saved in the browser once the server has built it. */
function ExportXlsx({ query }: { query: string }) {
  const { message } = App.useApp();
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (!o.result) return;
      void message.success(strings.common.downloaded(saveBase64File(o.result as Base64File, 'petitions.xlsx')));
    },
    [message],
  );
  const error = useActionFeedback(fetcher, onSuccess);
  // A refusal (too many matters to export at once) is said where the button is.
  useEffect(() => {
    if (error && !error.ok) void message.error(error.error);
  }, [error, message]);
  return (
    <BusyButton icon={<FileExcelOutlined />} loading={fetcher.state !== 'idle'} data-testid="matters-export" onClick={() => fetcher.submit({ intent: 'export', query }, { method: 'post' })}>
      {s.exportXlsx}
    </BusyButton>
  );
}

interface Filters {
  status?: Status;
  category?: Category;
  range?: [Dayjs | null, Dayjs | null] | null;
  unrouted?: boolean;
  accusation?: boolean;
}

function statusColor(status: string): string {
  if (status === 'registered') return 'orange';
  if (status === 'concluded') return 'green';
  if (status === 'not_accepted') return 'default';
  return 'blue';
}

const LIST_PATH = '/petitions/matters';

/** The list's URL parameters for a filter and a page. */
function filterParams(v: Filters, page = 1): URLSearchParams {
  const q = new URLSearchParams();
  if (v.status) q.set('status', v.status);
  if (v.category) q.set('category', v.category);
  if (v.range?.[0]) q.set('from', v.range[0].format('YYYY-MM-DD'));
  if (v.range?.[1]) q.set('to', v.range[1].format('YYYY-MM-DD'));
  if (v.unrouted) q.set('unrouted', '1');
  if (v.accusation) q.set('accusation', '1');
  if (page > 1) q.set('page', String(page));
  return q;
}

export default function Matters() {
  const { list, page, canRegister } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();

  function apply(v: Filters, nextPage = 1) {
    navigate(`?${filterParams(v, nextPage).toString()}`);
  }

  const current: Filters = {
    status: (params.get('status') as Status) || undefined,
    category: (params.get('category') as Category) || undefined,
    range: params.get('from') || params.get('to') ? [params.get('from') ? dayjs(params.get('from')) : null, params.get('to') ? dayjs(params.get('to')) : null] : null,
    unrouted: params.get('unrouted') === '1',
    accusation: params.get('accusation') === '1',
  };

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          <Space wrap>
            <ExportXlsx query={params.toString()} />
            {canRegister ? (
              <Link to="/petitions/register">
                <Button type="primary" icon={<PlusOutlined />}>
                  {s.register}
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {/* A GET form: without JavaScript the browser sends the two boxes as ticked, and the
            status, category and dates already chosen as hidden fields. */}
        <Form<Filters> layout="inline" action={LIST_PATH} method="get" initialValues={current} onFinish={(v) => apply(v)} key={params.toString()}>
          {[...filterParams({ ...current, unrouted: false, accusation: false }).entries()].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Form.Item name="status" label={s.filterStatus}>
            <Select allowClear style={{ width: 130 }} options={statusOptions.map((o) => ({ ...o }))} />
          </Form.Item>
          <Form.Item name="category" label={s.filterCategory}>
            <Select allowClear style={{ width: 100 }} options={categoryOptions.map((o) => ({ ...o }))} />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker placeholder={[s.from, s.to]} allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="unrouted" valuePropName="checked">
            <Checkbox name="unrouted" value="1">
              {s.filterUnrouted}
            </Checkbox>
          </Form.Item>
          <Form.Item name="accusation" valuePropName="checked">
            <Checkbox name="accusation" value="1">
              {s.filterAccusation}
            </Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {s.search}
            </Button>
            <Button
              href={LIST_PATH}
              onClick={(e) => {
                e.preventDefault();
                navigate('?');
              }}
            >
              {s.reset}
            </Button>
          </Space>
        </Form>
      </Card>
      <Table<MatterListItem>
        data-testid="matters-table"
        rowKey="id"
        size="middle"
        dataSource={list.items}
        locale={{ emptyText: s.empty }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.total,
          showTotal: s.total,
          showSizeChanger: false,
          onChange: (p) => apply(current, p),
          itemRender: pageLinks({ current: page, lastPage: Math.ceil(list.total / 20), hrefOf: (p) => `${LIST_PATH}?${filterParams(current, p).toString()}` }),
        }}
        columns={[
          {
            title: s.docNo,
            dataIndex: 'docNo',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/petitions/matters/${r.id}`}>{v}</Link>
                <Space size={2} wrap>
                  {r.isAccusation ? <Tag color="purple">{s.accusation}</Tag> : null}
                  {r.collective ? <Tag color="volcano">{s.collective}</Tag> : null}
                  {r.repeatCount > 0 ? <Tag color="red">{s.repeat(r.repeatCount)}</Tag> : null}
                </Space>
              </Space>
            ),
          },
          { title: s.receivedOn, dataIndex: 'firstReceivedOn', width: 110, render: (v: string) => formatDate(v) },
          { title: s.channel, dataIndex: 'channelName', width: 90 },
          { title: s.category, dataIndex: 'categoryName', width: 70 },
          { title: s.petitioners, dataIndex: 'petitioners', width: 140 },
          { title: s.excerpt, dataIndex: 'excerpt', ellipsis: true },
          { title: s.persons, dataIndex: 'personVisits', width: 70, align: 'right' },
          {
            title: s.owner,
            key: 'owner',
            width: 170,
            render: (_: unknown, r) => (
              <Typography.Text type={r.owner.kind === 'officer' ? 'warning' : undefined}>
                {r.owner.kind === 'officer' ? s.ownerOfficer(r.owner.name) : s.ownerUnit(r.owner.name)}
              </Typography.Text>
            ),
          },
          {
            title: s.status,
            dataIndex: 'statusName',
            width: 110,
            render: (v: string, r) => (
              <Space size={2}>
                <Tag color={statusColor(r.status)}>{v}</Tag>
                {r.outcomeName ? <Tag color="green">{r.outcomeName}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
