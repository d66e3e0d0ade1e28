import { Link, useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction, ShouldRevalidateFunction } from '@remix-run/react';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BusyButton, PageHeader, useActionFeedback } from '@zhengfa/ui';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError } from '../components/form-error.js';
import { badForm, form, kit, load, mutate, type Caller } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.cases;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.newTitle) }];

/**
 * The page's own submissions (a refused registration) change nothing its loader read,
 * and reloading it would draw a new idempotency key: a resend after a lost answer would
 * then register the matter twice. Navigations still reload as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod === 'POST' ? false : defaultShouldRevalidate);

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    await kit.requirePermission(trpc, request, 'cases.register');
    const vocab = await trpc.cases.vocab();
    // One key per rendered form: a double submit (or a resend after a lost answer) finds
    // the case the first one created instead of registering it twice.
    return { vocab, idempotencyKey: globalThis.crypto.randomUUID(), today: dayjs().format('YYYY-MM-DD') };
  });
}

interface PartyValues {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

type CaseSource = Parameters<Caller['cases']['register']>[0]['source'];

interface RegisterPayload {
  kind: string;
  title: string;
  summary: string;
  source: CaseSource;
  urgency: 'normal' | 'urgent' | 'critical';
  isKey: boolean;
  receivedOn?: string;
  parties: PartyValues[];
  idempotencyKey: string;
}

function parsePayload(raw: string): RegisterPayload | null {
  try {
    const v = JSON.parse(raw) as RegisterPayload;
    return v && typeof v === 'object' && Array.isArray(v.parties) ? v : null;
  } catch {
    return null;
  }
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const payload = parsePayload(form.str(fd, 'payload'));
  if (!payload) return badForm('register');
  const result = await mutate(context, 'register', '', (trpc) =>
    trpc.cases.register({
      ...payload,
      parties: payload.parties.map((p) => ({
        name: p.name,
        idNumber: p.idNumber?.trim() || null,
        phone: p.phone?.trim() || null,
        address: p.address?.trim() || null,
      })),
    }),
  );
  if (!result.ok || !result.result) return result;
  return redirect(`/cases/${result.result.id}?${result.result.duplicate ? 'duplicate' : 'registered'}=1`);
}

interface FormValues {
  kind: string;
  title: string;
  summary?: string;
  source: CaseSource;
  urgency: 'normal' | 'urgent' | 'critical';
  isKey: boolean;
  receivedOn?: Dayjs | null;
  parties?: PartyValues[];
}

export default function NewCase() {
  const { vocab, idempotencyKey, today } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  const [antForm] = Form.useForm<FormValues>();
  const busy = fetcher.state !== 'idle';

  function submit(v: FormValues) {
    if (busy) return;
    const payload: RegisterPayload = {
      kind: v.kind,
      title: v.title,
      summary: v.summary ?? '',
      source: v.source,
      urgency: v.urgency,
      isKey: Boolean(v.isKey),
      ...(v.receivedOn ? { receivedOn: v.receivedOn.format('YYYY-MM-DD') } : {}),
      parties: (v.parties ?? []).filter((p) => p?.name?.trim()),
      idempotencyKey,
    };
    fetcher.submit({ intent: 'register', payload: JSON.stringify(payload) }, { method: 'post' });
  }

  return (
    <>
      <PageHeader title={s.newTitle} subtitle={s.newSubtitle} extra={<Link to="/cases">{s.back}</Link>} />
      <Form<FormValues>
        form={antForm}
        name="registerCase"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: vocab.kinds[0]?.value, urgency: 'normal', isKey: false, receivedOn: dayjs(today), parties: [{ name: '' }] }}
      >
        <Card title={s.tabs.basic} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item name="title" label={s.title} rules={[{ required: true, message: strings.common.required(s.title) }, { min: 4, message: s.titlePlaceholder }]}>
                <Input maxLength={100} placeholder={s.titlePlaceholder} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="kind" label={s.kind} rules={[{ required: true, message: strings.common.requiredSelect(s.kind) }]}>
                <Select options={vocab.kinds} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="source" label={s.source} rules={[{ required: true, message: strings.common.requiredSelect(s.source) }]}>
                <Select options={vocab.sources} placeholder={strings.common.requiredSelect(s.source)} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="receivedOn" label={s.receivedOn}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="isKey" label={s.isKey} valuePropName="checked" extra={s.claritiesHelp}>
                <Switch />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="urgency" label={s.urgency}>
                <Radio.Group options={vocab.urgencies} optionType="button" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="summary" label={s.summary}>
                <Input.TextArea rows={4} maxLength={5000} showCount placeholder={s.summaryPlaceholder} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={s.parties} size="small" style={{ marginBottom: 16 }}>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noParties} /> : null}
                {fields.map((field) => (
                  <Row gutter={12} key={field.key} align="top" data-testid="party-row">
                    <Col xs={24} md={4}>
                      <Form.Item name={[field.name, 'name']} label={s.partyName} rules={[{ required: true, message: strings.common.required(s.partyName) }]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'idNumber']} label={s.partyIdNumber}>
                        <Input maxLength={18} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[field.name, 'phone']} label={s.partyPhone}>
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={7}>
                      <Form.Item name={[field.name, 'address']} label={s.partyAddress}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2}>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={s.removeParty}>
                          {s.removeParty}
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} disabled={fields.length >= 50}>
                  {s.addParty}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <FormError outcome={error} />
        <Space>
          <BusyButton type="primary" htmlType="submit" loading={busy}>
            {s.submitRegister}
          </BusyButton>
          <Link to="/cases">
            <Button>{strings.common.cancel}</Button>
          </Link>
        </Space>
      </Form>
    </>
  );
}
