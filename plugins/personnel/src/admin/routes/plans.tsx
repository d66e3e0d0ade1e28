// 年度教育培训计划: the plans of the user's units, each exported as docx; a new plan with its items.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useFetcher } from '@remix-run/react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
import { badForm, BusyButton, form, FormError, handlingUnits, PageHeader, saveBase64File, UnitSelect, useActionFeedback, useFormFetcher, usePageData, type ActionOutcome, type RouteArgs } from '@zhengfa/ui';
import { useCallback } from 'react';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.plans;
type Kind = keyof typeof strings.kinds;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.read');
    const canPlan = user.permissions.includes('personnel.training');
    const [plans, orgs] = await Promise.all([c.personnel.training.plans.list(), canPlan ? c.orgs.tree() : Promise.resolve([])]);
    return { plans, units: handlingUnits(orgs), canPlan };
  });
}

interface ItemValues {
  kind: Kind;
  title: string;
  month?: number;
  classHours: number;
  audience?: string;
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'document') return kit.mutate(args, intent, '', (c) => c.personnel.training.plans.document({ id: form.str(fd, 'id') }));
  if (intent === 'create') {
    const items = form.json<ItemValues[]>(fd, 'items') ?? [];
    return kit.mutate(args, intent, s.created, (c) =>
      c.personnel.training.plans.create({
        unitId: form.str(fd, 'unitId'),
        year: form.int(fd, 'year'),
        title: form.str(fd, 'title'),
        items: items.map((i) => ({ kind: i.kind, title: i.title, month: i.month ?? null, classHours: i.classHours, audience: i.audience ?? null })),
      }),
    );
  }
  return badForm(intent);
}

function PlanForm({ units }: { units: { id: string; parentId: string | null; name: string; disabled: boolean }[] }) {
  const [antForm] = Form.useForm<{ unitId: string; year: number; title: string; items: ItemValues[] }>();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <Card size="small" title={s.newPlan}>
      <Form form={antForm} layout="vertical" onFinish={(v) => submit({ intent: 'create', unitId: v.unitId, year: String(v.year), title: v.title, items: JSON.stringify(v.items ?? []) })}>
        <Form.Item name="unitId" label={s.unit} rules={[{ required: true }]}>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item name="year" label={s.year} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={s.planTitle} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 150 }} placeholder={s.itemKind} options={Object.entries(strings.kinds).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true }]}>
                    <Input placeholder={s.itemTitle} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'month']}>
                    <InputNumber placeholder={s.itemMonth} min={1} max={12} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'classHours']} rules={[{ required: true }]}>
                    <InputNumber placeholder={s.itemHours} min={0} step={0.5} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'audience']}>
                    <Input placeholder={s.audience} maxLength={100} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={s.remove} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                {s.addItem}
              </Button>
            </>
          )}
        </Form.List>
        <FormError outcome={error} />
        <BusyButton type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }}>
          {s.save}
        </BusyButton>
      </Form>
    </Card>
  );
}

export default function PlansPage() {
  const { plans, units, canPlan } = usePageData<typeof loader>();
  const { message } = App.useApp();
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (o.intent === 'document' && o.result) void message.success(s.downloaded(saveBase64File(o.result as { fileName: string; base64: string }, 'plan.docx')));
    },
    [message],
  );
  const error = useActionFeedback(fetcher, onSuccess);
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Row gutter={16}>
        <Col xs={24} lg={canPlan ? 12 : 24}>
          <Card size="small" data-testid="personnel-plans">
            <FormError outcome={error} />
            <Table
              size="small"
              rowKey="id"
              dataSource={plans}
              pagination={{ pageSize: 50 }}
              locale={{ emptyText: s.none }}
              columns={[
                { title: s.year, dataIndex: 'year' },
                { title: s.unit, dataIndex: 'unitName' },
                { title: s.planTitle, dataIndex: 'title' },
                { title: s.items, dataIndex: 'items' },
                { title: s.total, dataIndex: 'totalHours' },
                {
                  title: '',
                  key: 'doc',
                  render: (_: unknown, p) => (
                    <Button type="link" size="small" disabled={fetcher.state !== 'idle'} onClick={() => fetcher.submit({ intent: 'document', id: p.id }, { method: 'post' })}>
                      {s.download}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        {canPlan && (
          <Col xs={24} lg={12}>
            <PlanForm units={units} />
          </Col>
        )}
      </Row>
    </>
  );
}
