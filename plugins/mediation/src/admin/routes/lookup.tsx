// The public progress look-up of a dispute (no sign-in): the code on the intake receipt and
// the last four digits of a party's phone. Status and dates only; each party rates the
// mediation once it ended. Attempts are rate-limited by the server. Both forms post the
// page itself and work without JavaScript (the answer comes back as the page's action
// data); with JavaScript they are sent by fetchers and validated by antd before they go.
import { useActionData, useFetcher, useFormAction } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Alert, Card, Descriptions, Form, Input, Radio, Rate, Result, Typography } from 'antd';
import { badForm, BusyButton, form, formatDate, type RouteArgs, useHydrated } from '@zhengfa/ui';
import { kit, type LookupProgress } from '../api.js';
import { strings } from '../strings.js';

const s = strings.lookup;

export const meta: MetaFunction = () => [{ title: s.title }];

export async function loader() {
  return {};
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const code = form.str(fd, 'code').trim();
  const phoneLast4 = form.str(fd, 'phoneLast4').trim();
  // The code and suffix go back with the answer: the rating form sends them again.
  if (intent === 'progress') return { ...(await kit.mutate(args, intent, '', (c) => c.mediation.lookup.progress({ code, phoneLast4 }))), code, phoneLast4 };
  if (intent === 'rate') return kit.mutate(args, intent, s.rated, (c) => c.mediation.lookup.rate({ code, phoneLast4, rating: form.int(fd, 'rating'), comment: form.optStr(fd, 'comment') }));
  return badForm(intent);
}

type Outcome = ({ ok: true; intent: string; result?: unknown } | { ok: false; intent: string; error: string; code: string }) & { code?: string; phoneLast4?: string };

const dateRows: ['receivedOn' | 'triageDueOn' | 'triagedOn', string][] = [
  ['receivedOn', s.receivedOn],
  ['triageDueOn', s.triageDueOn],
  ['triagedOn', s.triagedOn],
];

export default function DisputeLookup() {
  const lookup = useFetcher<typeof action>();
  const rating = useFetcher<typeof action>();
  const posted = useActionData<typeof action>() as Outcome | undefined;
  const formAction = useFormAction();
  const hydrated = useHydrated();
  const out = (lookup.data as Outcome | undefined) ?? (posted?.intent === 'progress' ? posted : undefined);
  const rated = (rating.data as Outcome | undefined) ?? (posted?.intent === 'rate' ? posted : undefined);
  const progress = out?.ok ? (out.result as LookupProgress) : null;
  const creds = out?.ok && out.code && out.phoneLast4 ? { code: out.code, phoneLast4: out.phoneLast4 } : null;

  return (
    <div style={{ maxWidth: 640, margin: '48px auto', padding: '0 16px' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {s.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{s.subtitle}</Typography.Paragraph>
        <Form
          layout="vertical"
          name="lookup"
          method="post"
          action={formAction}
          noValidate={hydrated}
          initialValues={out?.code ? { code: out.code } : undefined}
          onFinish={(v: { code: string; phoneLast4: string }) => lookup.submit({ intent: 'progress', code: v.code, phoneLast4: v.phoneLast4 }, { method: 'post' })}
        >
          <input type="hidden" name="intent" value="progress" />
          <Form.Item name="code" label={s.code} rules={[{ required: true, whitespace: true, message: s.codeRequired }]}>
            <Input name="code" required maxLength={20} placeholder={s.codePlaceholder} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            label={s.suffix}
            rules={[
              { required: true, message: s.suffixRequired },
              { pattern: /^\d{4}$/, message: s.suffixFormat },
            ]}
          >
            <Input name="phoneLast4" required pattern="[0-9]{4}" title={s.suffixFormat} maxLength={4} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <BusyButton type="primary" htmlType="submit" loading={lookup.state !== 'idle'}>
            {s.submit}
          </BusyButton>
        </Form>
        {rated?.ok && !progress ? <Result status="success" title={s.rated} /> : null}
        {rated && !rated.ok && !progress ? <Alert type="error" showIcon role="alert" message={rated.error} style={{ marginTop: 16 }} /> : null}
        {out && !out.ok ? <Alert type={out.code === 'TOO_MANY_REQUESTS' ? 'warning' : 'error'} showIcon role="alert" data-testid="lookup-error" message={out.error} style={{ marginTop: 16 }} /> : null}
        {progress ? (
          <div style={{ marginTop: 24 }} data-testid="lookup-result">
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={s.status}>
                <Typography.Text strong>{progress.statusName}</Typography.Text>
              </Descriptions.Item>
              {progress.routeName ? <Descriptions.Item label={s.route}>{progress.routeName}</Descriptions.Item> : null}
              {dateRows
                .filter(([k]) => progress[k])
                .map(([k, label]) => (
                  <Descriptions.Item key={k} label={label}>
                    {formatDate(progress[k] as string)}
                  </Descriptions.Item>
                ))}
            </Descriptions>
            {rated?.ok ? (
              <Result status="success" title={s.rated} />
            ) : progress.canRate && creds ? (
              <Card size="small" title={s.rate} style={{ marginTop: 16 }}>
                <Form
                  layout="vertical"
                  name="rate"
                  method="post"
                  action={formAction}
                  noValidate={hydrated}
                  onFinish={(v: { rating: number; comment?: string }) =>
                    rating.submit({ intent: 'rate', code: creds.code, phoneLast4: creds.phoneLast4, rating: String(v.rating), comment: v.comment ?? '' }, { method: 'post' })
                  }
                >
                  <input type="hidden" name="intent" value="rate" />
                  <input type="hidden" name="code" value={creds.code} />
                  <input type="hidden" name="phoneLast4" value={creds.phoneLast4} />
                  <Form.Item name="rating" label={s.rating} rules={[{ required: true, message: s.rating }]}>
                    {hydrated ? <Rate tooltips={[...s.ratingLabels]} /> : <Radio.Group name="rating" options={s.ratingLabels.map((label, i) => ({ value: i + 1, label }))} />}
                  </Form.Item>
                  <Form.Item name="comment" label={s.comment}>
                    <Input.TextArea name="comment" rows={3} maxLength={500} />
                  </Form.Item>
                  {rated && !rated.ok ? <Alert type="error" showIcon message={rated.error} style={{ marginBottom: 12 }} /> : null}
                  <BusyButton type="primary" htmlType="submit" loading={rating.state !== 'idle'}>
                    {s.submitRating}
                  </BusyButton>
                </Form>
              </Card>
            ) : progress.rated ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {s.alreadyRated}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12 }}>
          {s.privacy}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
