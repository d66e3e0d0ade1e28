// The public progress look-up (no sign-in): the query code printed on the notice and the
// last four digits of the petitioner's phone. Status and dates only; the petitioner rates
// the handling once the matter is concluded. Attempts are rate-limited by the server.
import { useFetcher } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Alert, Card, Descriptions, Form, Input, Rate, Result, Typography } from 'antd';
import { BusyButton, formatDate } from '@zhengfa/ui';
import { useState } from 'react';
import type { LookupProgress, RouteArgs } from '../lib/api.js';
import { normalizeQueryCode } from '../lib/helpers.js';
import { badForm, form, mutate } from '../lib/server.js';
import { strings } from '../strings.js';

const s = strings.lookup;

export const meta: MetaFunction = () => [{ title: s.title }];

export async function loader() {
  return {};
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const code = normalizeQueryCode(form.str(fd, 'code'));
  const phoneLast4 = form.str(fd, 'phoneLast4').trim();
  if (intent === 'progress') return mutate(args, intent, '', (c) => c.petitions.lookup.progress({ code, phoneLast4 }));
  if (intent === 'rate') {
    return mutate(args, intent, s.rated, (c) => c.petitions.lookup.rate({ code, phoneLast4, rating: form.int(fd, 'rating'), comment: form.optStr(fd, 'comment') }));
  }
  return badForm(intent);
}

type Outcome = { ok: true; intent: string; result?: unknown } | { ok: false; intent: string; error: string; code: string };

const dateRows: [keyof LookupProgress, string][] = [
  ['receivedOn', s.receivedOn],
  ['routedOn', s.routedOn],
  ['acceptedOn', s.acceptedOn],
  ['notAcceptedOn', s.notAcceptedOn],
  ['answeredOn', s.answeredOn],
  ['reviewRequestedOn', s.reviewRequestedOn],
  ['reviewDecidedOn', s.reviewDecidedOn],
  ['reReviewRequestedOn', s.reReviewRequestedOn],
  ['reReviewDecidedOn', s.reReviewDecidedOn],
  ['concludedOn', s.concludedOn],
];

export default function Lookup() {
  const lookup = useFetcher<typeof action>();
  const rating = useFetcher<typeof action>();
  const [creds, setCreds] = useState<{ code: string; phoneLast4: string } | null>(null);
  const out = lookup.data as Outcome | undefined;
  const progress = out?.ok ? (out.result as LookupProgress) : null;
  const rated = rating.data as Outcome | undefined;

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
          onFinish={(v: { code: string; phoneLast4: string }) => {
            setCreds(v);
            lookup.submit({ intent: 'progress', code: v.code, phoneLast4: v.phoneLast4 }, { method: 'post' });
          }}
        >
          <Form.Item name="code" label={s.code} rules={[{ required: true, whitespace: true, message: s.codeRequired }]}>
            <Input maxLength={20} placeholder={s.codePlaceholder} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            label={s.suffix}
            rules={[
              { required: true, message: s.suffixRequired },
              { pattern: /^\d{4}$/, message: s.suffixFormat },
            ]}
          >
            <Input maxLength={4} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <BusyButton type="primary" htmlType="submit" loading={lookup.state !== 'idle'}>
            {s.submit}
          </BusyButton>
        </Form>
        {out && !out.ok ? <Alert type={out.code === 'TOO_MANY_REQUESTS' ? 'warning' : 'error'} showIcon role="alert" data-testid="lookup-error" message={out.error} style={{ marginTop: 16 }} /> : null}
        {progress ? (
          <div style={{ marginTop: 24 }} data-testid="lookup-result">
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={s.status}>
                <Typography.Text strong>{progress.statusName}</Typography.Text>
              </Descriptions.Item>
              {progress.outcomeName ? <Descriptions.Item label={s.outcome}>{progress.outcomeName}</Descriptions.Item> : null}
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
                  onFinish={(v: { rating: number; comment?: string }) =>
                    rating.submit({ intent: 'rate', code: creds.code, phoneLast4: creds.phoneLast4, rating: String(v.rating), comment: v.comment ?? '' }, { method: 'post' })
                  }
                >
                  <Form.Item name="rating" label={s.rating} rules={[{ required: true, message: s.rating }]}>
                    <Rate />
                  </Form.Item>
                  <Form.Item name="comment" label={s.comment}>
                    <Input.TextArea rows={3} maxLength={500} />
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
