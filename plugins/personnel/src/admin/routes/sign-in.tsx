// 培训签到 (phone-friendly): the officer enters the code shown at the session, and sees the
// year's hours and sessions. Every signed-in user may open it; an account not linked to the
// registry is told so.
import { Alert, Card, Form, Input, List, Tag } from 'antd';
import { badForm, BusyButton, form, FormError, useFormFetcher, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.signIn;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request);
    try {
      return { mine: await c.personnel.training.mine() };
    } catch {
      return { mine: null };
    }
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'signIn') return badForm(intent);
  return kit.mutate(args, intent, s.done, (c) => c.personnel.training.signIn({ code: form.str(fd, 'code') }));
}

export default function SignInPage() {
  const { mine } = usePageData<typeof loader>();
  const [antForm] = Form.useForm<{ code: string }>();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }} data-testid="personnel-sign-in">
      <Card title={s.title}>
        {!mine && <Alert type="warning" showIcon message={s.notLinked} style={{ marginBottom: 12 }} />}
        <Form form={antForm} layout="vertical" onFinish={(v) => submit({ intent: 'signIn', code: v.code })}>
          <Form.Item name="code" label={s.code} extra={s.subtitle} rules={[{ required: true }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={20} size="large" />
          </Form.Item>
          <FormError outcome={error} />
          <BusyButton type="primary" htmlType="submit" loading={busy} block size="large">
            {s.submit}
          </BusyButton>
        </Form>
      </Card>
      {mine && (
        <Card title={s.sessions} style={{ marginTop: 16 }} extra={s.mine(mine.year, mine.hours, mine.required)}>
          <List
            size="small"
            dataSource={mine.sessions}
            renderItem={(r) => (
              <List.Item key={r.sessionId} extra={<Tag color={r.credited ? 'green' : 'default'}>{r.credited ? s.credited : s.notCredited}</Tag>}>
                {r.heldOn} {r.courseTitle}（{r.classHours}）
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
