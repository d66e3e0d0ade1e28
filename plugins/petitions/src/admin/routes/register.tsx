// 信访登记: a letter, visit, online petition, call or leader-mailbox message. While the
// officer types the ID number, name and phone or the content, likely earlier matters are
// offered (重复信访); linking the visit to one adds it there instead of opening a new matter.
import { Link, redirect, useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction, ShouldRevalidateFunction } from '@remix-run/react';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Radio, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { badForm, BusyButton, form, formatDate, FormError, PageHeader, type RouteArgs, UnitSelect, useActionFeedback } from '@zhengfa/ui';
import { load, mutate, requirePermission, type RegisterInput, type RepeatCandidate } from '../lib/api.js';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isCollective, repeatQuery, repeatQueryKey, type RepeatQuery } from '../lib/helpers.js';
import { categoryOptions, channelOptions, strings } from '../strings.js';

const s = strings.register;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

/**
 * The page's own submissions (a refused registration, a look-up of earlier petitions)
 * change nothing its loader read, and reloading it would draw a new idempotency key: a
 * resend after a lost answer would then register the matter twice. Navigations still
 * reload as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod === 'POST' ? false : defaultShouldRevalidate);

export async function loader(args: RouteArgs) {
  return load(args, async (c) => {
    await requirePermission(c, args.request, 'petitions.register');
    const orgs = await c.orgs.tree();
    return {
      units: orgs.filter((o) => o.kind !== 'committee').map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: o.disabled })),
      idempotencyKey: globalThis.crypto.randomUUID(),
      today: dayjs().format('YYYY-MM-DD'),
    };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'repeats') {
    const q = form.json<RepeatQuery>(fd, 'query');
    if (!q) return badForm(intent);
    return mutate(args, intent, '', (c) => c.petitions.matters.findRepeats(q));
  }
  if (intent !== 'register') return badForm(intent);
  const payload = form.json<RegisterInput>(fd, 'payload');
  if (!payload || !Array.isArray(payload.petitioners)) return badForm(intent);
  const result = await mutate(args, intent, '', (c) => c.petitions.matters.register(payload));
  if (!result.ok || !result.result) return result;
  const r = result.result;
  return redirect(`/petitions/matters/${r.matterId}?${r.repeat ? 'repeat' : 'registered'}=1`);
}

interface PetitionerValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

interface FormValues {
  receivedOn: Dayjs;
  channel: RegisterInput['channel'];
  personCount: number;
  category: RegisterInput['category'];
  involvedOrgId?: string;
  content: string;
  demands?: string;
  isAccusation: boolean;
  accusedOrgId?: string;
  accusedPerson?: string;
  petitioners: PetitionerValues[];
}

function RepeatPanel({ query, linked, onLink }: { query: RepeatQuery | null; linked: RepeatCandidate | null; onLink: (c: RepeatCandidate | null) => void }) {
  const fetcher = useFetcher<typeof action>();
  const lastKey = useRef('');
  const key = repeatQueryKey(query);
  useEffect(() => {
    if (!query || key === lastKey.current) return;
    const timer = setTimeout(() => {
      lastKey.current = key;
      fetcher.submit({ intent: 'repeats', query: JSON.stringify(query) }, { method: 'post' });
    }, 500);
    return () => clearTimeout(timer);
  }, [key]);
  const outcome = fetcher.data as { ok: boolean; result?: RepeatCandidate[]; error?: string } | undefined;
  const candidates = query && outcome?.ok ? (outcome.result ?? []) : [];
  const searching = fetcher.state !== 'idle';

  return (
    <Card title={s.repeats} size="small" data-testid="repeat-panel" style={{ position: 'sticky', top: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {s.repeatsHelp}
      </Typography.Paragraph>
      {outcome && !outcome.ok ? <Alert type="warning" showIcon message={outcome.error} /> : null}
      <Spin spinning={searching} tip={s.repeatsSearching}>
        {query && outcome?.ok && candidates.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.repeatsNone} /> : null}
        <List
          dataSource={candidates}
          locale={{ emptyText: <span /> }}
          renderItem={(c) => {
            const isLinked = linked?.matterId === c.matterId;
            return (
              <List.Item data-testid="repeat-candidate" style={{ display: 'block' }}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{c.docNo}</Typography.Text>
                    {c.reasons.includes('same_person') ? <Tag color="red">{s.samePerson}</Tag> : null}
                    {c.reasons.includes('same_issue') ? <Tag color="orange">{s.sameIssue}</Tag> : null}
                    <Tag>{c.statusName}</Tag>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(c.firstReceivedOn)} · {c.petitioners} · {s.visitCount(c.visitCount)} · {s.similarity(c.similarity)}
                  </Typography.Text>
                  <Typography.Text style={{ fontSize: 13 }}>{c.excerpt}</Typography.Text>
                  {c.final ? <Alert type="warning" showIcon message={s.finalWarning} style={{ padding: '2px 8px' }} /> : null}
                  <Button size="small" type={isLinked ? 'primary' : 'default'} icon={<LinkOutlined />} onClick={() => onLink(isLinked ? null : c)}>
                    {isLinked ? s.unlink : s.linkTo}
                  </Button>
                </Space>
              </List.Item>
            );
          }}
        />
      </Spin>
    </Card>
  );
}

export default function RegisterPetition() {
  const { units, idempotencyKey, today } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher);
  const [antForm] = Form.useForm<FormValues>();
  const [linked, setLinked] = useState<RepeatCandidate | null>(null);
  const busy = fetcher.state !== 'idle';
  const petitioners = Form.useWatch('petitioners', antForm);
  const content = Form.useWatch('content', antForm);
  const personCount = Form.useWatch('personCount', antForm);
  const isAccusation = Form.useWatch('isAccusation', antForm);
  const query = useMemo(() => repeatQuery(petitioners ?? [], content), [petitioners, content]);

  function submit(v: FormValues) {
    if (busy) return;
    const payload: RegisterInput = {
      channel: v.channel,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      personCount: v.personCount,
      category: v.category,
      content: v.content,
      demands: v.demands ?? '',
      involvedOrgId: v.involvedOrgId ?? null,
      isAccusation: Boolean(v.isAccusation),
      accusedOrgId: v.isAccusation ? (v.accusedOrgId ?? null) : null,
      accusedPerson: v.isAccusation ? (v.accusedPerson?.trim() ?? null) : null,
      petitioners: (v.petitioners ?? [])
        .filter((p) => p?.name?.trim())
        .map((p) => ({ name: p.name!.trim(), idNumber: p.idNumber?.trim() || null, phone: p.phone?.trim() || null, address: p.address?.trim() || null })),
      linkToMatterId: linked?.matterId ?? null,
      idempotencyKey,
    };
    fetcher.submit({ intent: 'register', payload: JSON.stringify(payload) }, { method: 'post' });
  }

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} extra={<Link to="/petitions/matters">{strings.nav.matters}</Link>} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Form<FormValues>
            form={antForm}
            name="registerPetition"
            layout="vertical"
            onFinish={submit}
            initialValues={{ receivedOn: dayjs(today), channel: 'visit', personCount: 1, category: 'law', isAccusation: false, petitioners: [{ name: '' }] }}
          >
            <Card title={s.basic} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="receivedOn" label={s.receivedOn} rules={[{ required: true, message: strings.common.requiredSelect(s.receivedOn) }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={s.channel} rules={[{ required: true, message: strings.common.requiredSelect(s.channel) }]}>
                    <Select options={channelOptions.map((o) => ({ ...o, title: o.label }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="personCount"
                    label={s.personCount}
                    rules={[{ required: true, message: strings.common.required(s.personCount) }]}
                    extra={isCollective(personCount) ? <Tag color="volcano" data-testid="collective-hint">{s.collectiveHint}</Tag> : null}
                  >
                    <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="category" label={s.category}>
                    <Radio.Group options={categoryOptions.map((o) => ({ ...o }))} optionType="button" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="involvedOrgId" label={s.involvedOrg}>
                    <UnitSelect units={units} allowClear placeholder={s.involvedOrgPlaceholder} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="content" label={s.content} rules={[{ required: true, whitespace: true, message: strings.common.required(s.content) }]}>
                    <Input.TextArea rows={4} maxLength={10000} showCount placeholder={s.contentPlaceholder} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="demands" label={s.demands}>
                    <Input.TextArea rows={2} maxLength={5000} placeholder={s.demandsPlaceholder} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="isAccusation" label={s.accusation} valuePropName="checked" extra={s.accusationHelp}>
                    <Switch />
                  </Form.Item>
                </Col>
                {isAccusation ? (
                  <>
                    <Col xs={24} md={8}>
                      <Form.Item name="accusedOrgId" label={s.accusedOrg}>
                        <UnitSelect units={units} allowClear />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name="accusedPerson" label={s.accusedPerson}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                  </>
                ) : null}
              </Row>
            </Card>
            <Card title={s.petitioners} size="small" style={{ marginBottom: 16 }}>
              <Form.List name="petitioners">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Row gutter={12} key={field.key} align="top" data-testid="petitioner-row">
                        <Col xs={24} md={4}>
                          <Form.Item name={[field.name, 'name']} label={s.name} rules={[{ required: true, whitespace: true, message: strings.common.required(s.name) }]}>
                            <Input maxLength={50} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={6}>
                          <Form.Item name={[field.name, 'idNumber']} label={s.idNumber}>
                            <Input maxLength={18} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={5}>
                          <Form.Item name={[field.name, 'phone']} label={s.phone}>
                            <Input maxLength={20} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={7}>
                          <Form.Item name={[field.name, 'address']} label={s.address}>
                            <Input maxLength={200} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={2}>
                          <Form.Item label=" ">
                            <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label={s.removePetitioner} />
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} disabled={fields.length >= 200}>
                      {s.addPetitioner}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            {linked ? <Alert type="info" showIcon data-testid="linked-notice" message={s.linkedNotice(linked.docNo, linked.visitCount)} style={{ marginBottom: 16 }} /> : null}
            <FormError outcome={error} />
            <Space>
              <BusyButton type="primary" htmlType="submit" loading={busy}>
                {linked ? s.submitRepeat : s.submit}
              </BusyButton>
              <Link to="/petitions/matters">
                <Button>{strings.common.cancel}</Button>
              </Link>
            </Space>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <RepeatPanel query={query} linked={linked} onLink={setLinked} />
        </Col>
      </Row>
    </>
  );
}
