import { Link, useLoaderData, useNavigate, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CopyOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { CaseStatusTag, formatDate, KeyCaseTag, ListTable, OverdueTag, PageHeader, pageLinks, UrgencyTag, type ListColumn } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { BatchUrgeButton, BatchUrgeDialog, type UrgeSelection } from '../components/case/batch-urge.js';
import { ExportButton } from '../components/case/export-button.js';
import { UnitSelect } from '../components/unit-select.js';
import { ledgerFilter, ledgerFormNames, ledgerHiddenFields, ledgerHref, ledgerInput, parseLedgerParams, type LedgerQuery, type LedgerSort } from '../lib/case-filters.js';
import { batchUrgeAction } from '../lib/batch-urge.js';
import { load } from '../lib/trpc.server.js';
import { refuseBadAddress } from '../lib/url-params.js';
import { strings } from '../strings.js';

const s = strings.cases;
const dueOptions = [0, 3, 7, 15, 30];

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.ledgerTitle) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  refuseBadAddress(params, { days: { from: strings.urlFields.from, to: strings.urlFields.to }, texts: { q: strings.urlFields.keyword } });
  const query = parseLedgerParams(params);
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const perms = new Set(me?.user.permissions ?? []);
    const [list, vocab, orgs] = await Promise.all([trpc.cases.ledger(ledgerInput(query)), trpc.cases.vocab(), trpc.orgs.tree()]);
    return {
      list,
      vocab,
      units: orgs.filter((o) => o.kind !== 'committee').map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: false })),
      query,
      // 本单位承办 narrows a unit's ledger (a committee leads nothing); 待调度 is the office's.
      can: { register: perms.has('cases.register'), export: perms.has('cases.export'), ledByMe: me ? !me.user.committee : false, dispatchDue: perms.has('cases.urge'), urge: perms.has('cases.urge') },
    };
  });
}

/** 批量催办 (the batch bar's dialog posts here): one dispatch on each selected matter, all or none. */
export async function action({ context, request }: ActionFunctionArgs) {
  return batchUrgeAction(context, await request.formData());
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = LoaderData['list']['items'][number];

interface FilterValues {
  keyword?: string;
  kind?: string[];
  status?: string[];
  urgency?: string[];
  unitId?: string;
  due?: number | null;
  overdue?: boolean;
  ledByMe?: boolean;
  dispatchDue?: boolean;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const sortKeys: Record<string, LedgerSort> = { docNo: 'docNo', deadline: 'deadline', nextDispatchOn: 'nextDispatch', registeredAt: 'registeredAt' };

/** Batch action: the selected matters' 文号, one a line, onto the clipboard (for a report or a notice). */
function CopyDocNos({ docNos }: { docNos: string[] }) {
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      icon={<CopyOutlined />}
      onClick={() => {
        void navigator.clipboard.writeText(docNos.join('\n')).then(
          () => message.success(s.docNosCopied(docNos.length)),
          () => message.error(s.docNosCopyFailed),
        );
      }}
    >
      {s.copyDocNos}
    </Button>
  );
}

export default function Ledger() {
  const { list, vocab, units, query, can } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [antForm] = Form.useForm<FilterValues>();
  const [urging, setUrging] = useState<UrgeSelection | null>(null);

  const go = (next: Partial<LedgerQuery>) => navigate(ledgerHref({ ...query, ...next }));

  function apply(v: FilterValues) {
    const [from, to] = v.range ?? [];
    go({
      keyword: v.keyword ?? '',
      kind: v.kind ?? [],
      status: (v.status ?? []) as LedgerQuery['status'],
      urgency: (v.urgency ?? []) as LedgerQuery['urgency'],
      unitId: v.unitId ?? null,
      dueWithinDays: typeof v.due === 'number' ? v.due : null,
      overdue: Boolean(v.overdue),
      ledByMe: Boolean(v.ledByMe),
      dispatchDue: Boolean(v.dispatchDue),
      from: from ? from.format('YYYY-MM-DD') : null,
      to: to ? to.format('YYYY-MM-DD') : null,
      page: 1,
    });
  }

  function reset() {
    antForm.resetFields();
    navigate(ledgerHref({ sort: query.sort, dir: query.dir, pageSize: query.pageSize }));
  }

  const order = (key: LedgerSort) => (query.sort === key ? (query.dir === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);

  // Fits 1440 px without sideways scrolling (处理期限 included): text columns are cut with
  // an ellipsis and shown whole in a tooltip; 当事人 is one click away in 列设置.
  const columns: ListColumn<Row>[] = [
    { title: s.docNo, key: 'docNo', dataIndex: 'docNo', sorter: true, sortOrder: order('docNo'), width: 140, ellipsis: true, locked: true },
    {
      title: s.title,
      key: 'title',
      ellipsis: true,
      tooltip: (r) => r.title,
      locked: true,
      render: (_, r) => (
        <>
          {r.isKey ? <KeyCaseTag /> : null}
          <Link to={`/cases/${r.id}`} prefetch="intent">
            {r.title}
          </Link>
        </>
      ),
    },
    { title: s.kind, key: 'kind', dataIndex: 'kindName', width: 84, ellipsis: true },
    { title: s.urgency, key: 'urgency', width: 84, render: (_, r) => <UrgencyTag urgency={r.urgency} label={r.urgencyName} /> },
    { title: s.status, key: 'status', width: 84, render: (_, r) => <CaseStatusTag status={r.status} label={r.statusName} /> },
    { title: s.leadUnit, key: 'leadUnit', width: 110, ellipsis: true, tooltip: (r) => r.leadUnitName, render: (_, r) => r.leadUnitName ?? <Typography.Text type="secondary">{s.noDeadline}</Typography.Text> },
    {
      title: s.deadline,
      key: 'deadline',
      sorter: true,
      sortOrder: order('deadline'),
      width: 150,
      render: (_, r) => (
        <span className="zf-nowrap">
          {formatDate(r.deadline, s.noDeadline)}
          {r.overdue ? <OverdueTag /> : null}
        </span>
      ),
    },
    {
      title: s.nextDispatch,
      key: 'nextDispatchOn',
      sorter: true,
      sortOrder: order('nextDispatch'),
      width: 110,
      render: (_, r) =>
        r.nextDispatchOn ? (
          <Typography.Text type={r.dispatchOverdue ? 'danger' : undefined} className="zf-nowrap">
            {formatDate(r.nextDispatchOn)}
          </Typography.Text>
        ) : (
          strings.common.none
        ),
    },
    { title: s.parties, key: 'parties', dataIndex: 'parties', width: 140, ellipsis: true, hiddenByDefault: true, render: (v: string) => v || strings.common.none },
    { title: s.registeredAt, key: 'registeredAt', sorter: true, sortOrder: order('registeredAt'), width: 106, render: (_, r) => <span className="zf-nowrap">{formatDate(r.registeredAt)}</span> },
  ];

  const onTableChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey ? sortKeys[String(one.columnKey)] : undefined;
      if (key && one?.order) go({ sort: key, dir: one.order === 'ascend' ? 'asc' : 'desc', page: 1 });
      else go({ sort: 'registeredAt', dir: 'desc', page: 1 });
      return;
    }
    go({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
  };

  return (
    <>
      <PageHeader
        title={s.ledgerTitle}
        subtitle={s.ledgerSubtitle}
        extra={
          <>
            {can.register ? (
              <Link to="/cases/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {s.register}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {/* A GET form: without JavaScript the browser sends the keyword and the overdue box
            with the other filters as hidden fields; with it, `apply` builds the URL. */}
        <Form<FilterValues>
          form={antForm}
          key={JSON.stringify(ledgerFilter(query))}
          name="ledgerFilter"
          layout="inline"
          action="/cases"
          method="get"
          onFinish={apply}
          style={{ rowGap: 12 }}
          initialValues={{
            keyword: query.keyword,
            kind: query.kind,
            status: query.status,
            urgency: query.urgency,
            unitId: query.unitId ?? undefined,
            due: query.dueWithinDays,
            overdue: query.overdue,
            ledByMe: query.ledByMe,
            dispatchDue: query.dispatchDue,
            range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null,
          }}
        >
          {ledgerHiddenFields(query, { lead: can.ledByMe, dispatch: can.dispatchDue }).map(([name, value]) => (
            <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
          ))}
          <Form.Item name="keyword" label={s.keyword}>
            <Input name={ledgerFormNames.keyword} allowClear placeholder={s.keywordPlaceholder} style={{ width: 240 }} />
          </Form.Item>
          {vocab.kinds.length > 1 ? (
            <Form.Item name="kind" label={s.kind}>
              <Select mode="multiple" allowClear placeholder={s.allKinds} options={vocab.kinds} style={{ minWidth: 160 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="status" label={s.status}>
            <Select mode="multiple" allowClear placeholder={s.allStatuses} options={vocab.statuses} style={{ minWidth: 160 }} />
          </Form.Item>
          <Form.Item name="urgency" label={s.urgency}>
            <Select mode="multiple" allowClear placeholder={s.allUrgencies} options={vocab.urgencies} style={{ minWidth: 140 }} />
          </Form.Item>
          <Form.Item name="unitId" label={s.leadUnit}>
            <UnitSelect units={units} allowClear placeholder={s.allUnits} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="due" label={s.dueWithin}>
            <Select allowClear placeholder={s.dueWithinPlaceholder} options={dueOptions.map((d) => ({ value: d, label: s.dueWithinOption(d) }))} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="range" label={s.receivedRange}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox name={ledgerFormNames.overdue} value="1">
              {s.onlyOverdue}
            </Checkbox>
          </Form.Item>
          {can.ledByMe ? (
            <Form.Item name="ledByMe" valuePropName="checked">
              <Checkbox name={ledgerFormNames.lead} value="mine">
                {s.onlyLedByMe}
              </Checkbox>
            </Form.Item>
          ) : null}
          {can.dispatchDue ? (
            <Form.Item name="dispatchDue" valuePropName="checked">
              <Checkbox name={ledgerFormNames.dispatch} value="1">
                {s.onlyDispatchDue}
              </Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {strings.common.search}
              </Button>
              <Button
                href={ledgerHref({ sort: query.sort, dir: query.dir, pageSize: query.pageSize })}
                onClick={(e) => {
                  e.preventDefault();
                  reset();
                }}
              >
                {strings.common.reset}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <ListTable<Row>
          listId="cases"
          rowKey="id"
          size="middle"
          data-testid="ledger-table"
          dataSource={list.items}
          columns={columns}
          minWidth={1100}
          loading={navigation.state === 'loading' && navigation.location.pathname === '/cases'}
          locale={{ emptyText: s.empty }}
          onChange={onTableChange}
          toolbar={can.export ? <ExportButton filter={ledgerFilter(query)} /> : null}
          batchActions={({ rows }) => (
            <>
              {can.urge ? <BatchUrgeButton onClick={() => setUrging({ ids: rows.map((r) => r.id), docNos: rows.map((r) => r.docNo) })} /> : null}
              <CopyDocNos docNos={rows.map((r) => r.docNo)} />
            </>
          )}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.total,
            showTotal: (n) => (list.totalCapped ? strings.common.totalAtLeast(n) : strings.common.total(n)),
            showSizeChanger: true,
            itemRender: pageLinks({ current: query.page, lastPage: Math.ceil(list.total / query.pageSize), hrefOf: (page) => ledgerHref({ ...query, page }) }),
          }}
        />
      </Card>
      {can.urge ? <BatchUrgeDialog selection={urging} onClose={() => setUrging(null)} /> : null}
    </>
  );
}
