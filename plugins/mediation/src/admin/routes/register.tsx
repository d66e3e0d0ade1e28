// 矛盾纠纷登记 (/mediation/register): one-window intake as a plain form that posts without
// JavaScript. The 受理人员 select lists the staff active and seconded on the received date
// (?receivedOn=, today by default); the server checks it again. A registered dispute opens its page.
import { Link, Form as RemixForm, redirect, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Button, Card, Col, Row, Space } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import type { DisputeActionResult } from '../dispute/actions.js';
import { ActionForm, Choice, Field, TextArea, TextInput, useKept } from '../dispute/fields.js';
import { consoleToday } from '../dispute/load.js';
import { keptValues } from '../dispute/submission.js';
import { PARTY_ROWS, readRegistration, receiversOn } from '../intake/submission.js';
import { intake as s, page, riskLabels, sourceLabels } from '../strings.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const meta: MetaFunction = () => [{ title: s.pageTitle }];

export async function loader(args: RouteArgs) {
  const asked = new URL(args.request.url).searchParams.get('receivedOn') ?? '';
  const today = consoleToday(new Date());
  const day = ISO_DAY.test(asked) && asked <= today ? asked : today;
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'mediation.intake');
    const [settings, staff] = await Promise.all([c.mediation.settings.get(), c.mediation.staff.list()]);
    return { day, today, types: settings.disputeTypes, receivers: receiversOn(staff.items, day), clientKey: globalThis.crypto.randomUUID() };
  });
}

export async function action(args: RouteArgs): Promise<DisputeActionResult | Response> {
  const fd = await args.request.formData();
  const result = await kit.mutate(args, 'register', s.registered, (c) => c.mediation.disputes.register(readRegistration(fd)));
  if (result.ok) throw redirect(`/mediation/${result.result!.id}`);
  return { ...result, values: keptValues(fd) };
}

function PartyRow({ i }: { i: number }) {
  const k = useKept('register');
  const role = i === 0 ? 'applicant' : i === 1 ? 'respondent' : 'other';
  return (
    <Card size="small" type="inner" title={s.party(i + 1)} data-testid={`party-row-${i + 1}`}>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Choice name="partyKind" label={s.partyKind} options={options(page.partyKinds)} defaultValue={k.at('partyKind', i) || 'person'} />
        </Col>
        <Col xs={24} md={6}>
          <Choice name="partyRole" label={s.partyRole} options={options(page.partyRoles)} defaultValue={k.at('partyRole', i) || role} />
        </Col>
        <Col xs={24} md={12}>
          <TextInput name="partyName" label={s.partyName} defaultValue={k.at('partyName', i)} />
        </Col>
        <Col xs={24} md={6}>
          <TextInput name="partyIdNumber" label={s.idNumber} defaultValue={k.at('partyIdNumber', i)} />
        </Col>
        <Col xs={24} md={6}>
          <TextInput name="partyPhone" label={s.phone} type="tel" defaultValue={k.at('partyPhone', i)} />
        </Col>
        <Col xs={24} md={12}>
          <TextInput name="partyAddress" label={s.address} defaultValue={k.at('partyAddress', i)} />
        </Col>
      </Row>
    </Card>
  );
}

export default function RegisterPage() {
  const { day, today, types, receivers, clientKey } = usePageData<typeof loader>();
  const [params] = useSearchParams();
  const k = useKept('register');
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} extra={<Link to="/mediation">{s.back}</Link>} />
      <Card size="small" data-testid="register-page">
        {/* Which day's seconded staff the 受理人员 select lists (a GET form: no JavaScript needed). */}
        <RemixForm method="get" data-testid="receiver-day">
          <Space wrap align="end">
            <Field label={s.receiverDayField}>
              <input name="receivedOn" type="date" max={today} defaultValue={params.get('receivedOn') ?? day} />
            </Field>
            <Button htmlType="submit">{s.receiverShow}</Button>
          </Space>
        </RemixForm>
        <ActionForm intent="register" version={0} submit={s.submit}>
          <input type="hidden" name="clientKey" value={clientKey} />
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Choice name="source" label={s.source} options={options(sourceLabels)} defaultValue={k.one('source', 'walk_in')} />
            </Col>
            <Col xs={24} md={8}>
              <TextInput name="referenceNo" label={s.referenceNo} defaultValue={k.one('referenceNo')} />
            </Col>
            <Col xs={24} md={8}>
              <TextInput name="receivedOn" label={s.receivedOn} type="date" defaultValue={k.one('receivedOn', day)} />
            </Col>
          </Row>
          <label>
            <input type="checkbox" name="consent" value="1" defaultChecked={k.one('consent') === '1'} data-testid="field-consent" /> {s.consent}
          </label>
          <Choice name="receivedByStaffId" label={s.receiverDay(day)} options={receivers} blank={s.noReceiver} defaultValue={k.one('receivedByStaffId')} />
          <TextArea name="summary" label={s.summary} rows={4} defaultValue={k.one('summary')} />
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Choice name="disputeType" label={s.disputeType} options={types.map((t) => ({ value: t, label: t }))} blank={s.chooseType} defaultValue={k.one('disputeType')} />
            </Col>
            <Col xs={24} md={6}>
              <TextInput name="amount" label={s.amount} defaultValue={k.one('amount')} />
            </Col>
            <Col xs={24} md={6}>
              <TextInput name="personCount" label={s.personCount} type="number" defaultValue={k.one('personCount')} />
            </Col>
            <Col xs={24} md={6}>
              <Choice name="riskLevel" label={s.riskLevel} options={options(riskLabels)} defaultValue={k.one('riskLevel', 'low')} />
            </Col>
          </Row>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="parties">
            <legend style={{ marginBottom: 4, color: 'rgba(0,0,0,0.65)', fontSize: 'inherit' }}>{s.parties}</legend>
            <Space direction="vertical" style={{ width: '100%' }}>
              {Array.from({ length: PARTY_ROWS }, (_, i) => (
                <PartyRow key={i} i={i} />
              ))}
            </Space>
          </fieldset>
        </ActionForm>
      </Card>
    </>
  );
}
