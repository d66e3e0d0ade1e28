import { Form, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { redirect, type ActionFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Input, Typography } from 'antd';
import { BusyButton, PageHeader } from '@zhengfa/ui';
import { useState } from 'react';
import { badForm, form, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';
import type { loader as consoleLoader } from './_console.js';

const s = strings.password;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const currentPassword = form.str(fd, 'currentPassword');
  const newPassword = form.str(fd, 'newPassword');
  if (newPassword !== form.str(fd, 'confirmPassword')) return badForm('changePassword', s.mismatch);
  const result = await mutate(context, 'changePassword', s.changed, (trpc) => trpc.auth.changePassword({ currentPassword, newPassword }));
  if (!result.ok) return result;
  throw redirect('/?passwordChanged=1');
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const consoleData = useRouteLoaderData<typeof consoleLoader>('routes/_console');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && next !== confirm;
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <PageHeader title={s.title} />
      <Card style={{ maxWidth: 520 }}>
        <Alert
          type={consoleData?.me.user.mustChangePassword ? 'warning' : 'info'}
          showIcon
          message={s.policyTitle}
          description={
            <>
              <div data-testid="password-policy">{s.policy}</div>
              <div>{s.policyExtra}</div>
            </>
          }
          style={{ marginBottom: 24 }}
        />
        {actionData && !actionData.ok ? <Alert type="error" showIcon message={actionData.error} style={{ marginBottom: 16 }} data-testid="password-error" /> : null}
        <Form method="post">
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="pw-current" style={{ display: 'block', marginBottom: 6 }}>
              {s.current}
            </label>
            <Input.Password id="pw-current" name="currentPassword" autoComplete="current-password" required />
          </div>
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="pw-new" style={{ display: 'block', marginBottom: 6 }}>
              {s.next}
            </label>
            <Input.Password id="pw-new" name="newPassword" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
          </div>
          <div style={{ marginBottom: 24 }}>
            <label htmlFor="pw-confirm" style={{ display: 'block', marginBottom: 6 }}>
              {s.confirm}
            </label>
            <Input.Password
              id="pw-confirm"
              name="confirmPassword"
              autoComplete="new-password"
              required
              status={mismatch ? 'error' : undefined}
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            {mismatch ? <Typography.Text type="danger">{s.mismatch}</Typography.Text> : null}
          </div>
          <BusyButton type="primary" htmlType="submit" loading={submitting} disabled={mismatch}>
            {s.submit}
          </BusyButton>
        </Form>
      </Card>
    </>
  );
}
