// 培训签到 (phone-friendly): the officer enters the code shown at the session, and sees the
// year's hours and sessions. Every signed-in user may open it; an account not linked to the
// registry is told so. The form is a plain post, so a phone with JavaScript off (or a page
// still loading on a slow connection) signs in the same way; a refused code stays in the box.
import { Form as RemixForm, useActionData, useNavigation } from '@remix-run/react';
import { Alert, Card, Input, List, Tag } from 'antd';
import { badForm, BusyButton, form, FormError, usePageData, type ActionResult, type RouteArgs } from '@zhengfa/ui';
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
  const code = form.str(fd, 'code');
  const outcome = await kit.mutate(args, intent, s.done, (c) => c.personnel.training.signIn({ code }));
  return { ...outcome, code: outcome.ok ? '' : code };
}

type SignInOutcome = ActionResult<unknown> & { code?: string };

export default function SignInPage() {
  const { mine } = usePageData<typeof loader>();
  const outcome = (useActionData<typeof action>() ?? null) as SignInOutcome | null;
  const nav = useNavigation();
  const busy = nav.state === 'submitting' && nav.formData?.get('intent') === 'signIn';
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }} data-testid="personnel-sign-in">
      <Card title={s.title}>
        {!mine && <Alert type="warning" showIcon message={s.notLinked} style={{ marginBottom: 12 }} />}
        {outcome?.ok ? <Alert type="success" showIcon message={s.done} style={{ marginBottom: 12 }} data-testid="sign-in-done" /> : null}
        {/* key: each recorded sign-in (by its session) empties the box; a refused one keeps what was typed. */}
        <RemixForm method="post" key={outcome?.ok ? `done-${(outcome.result as { sessionId?: string } | undefined)?.sessionId ?? ''}` : 'form'}>
          <input type="hidden" name="intent" value="signIn" />
          <label htmlFor="personnel-sign-in-code" style={{ display: 'block', marginBottom: 8 }}>
            {s.code}
          </label>
          <Input id="personnel-sign-in-code" name="code" required defaultValue={outcome && !outcome.ok ? (outcome.code ?? '') : ''} inputMode="numeric" autoComplete="one-time-code" maxLength={20} size="large" aria-describedby="personnel-sign-in-help" />
          <div id="personnel-sign-in-help" style={{ margin: '4px 0 12px', color: 'rgba(0,0,0,0.65)' }}>
            {s.subtitle}
          </div>
          <FormError outcome={outcome && !outcome.ok ? outcome : null} />
          <BusyButton type="primary" htmlType="submit" loading={busy} block size="large">
            {s.submit}
          </BusyButton>
        </RemixForm>
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
