import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Flex, Input, Typography } from 'antd';
import { BusyButton } from '@zhengfa/ui';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { TenantField } from '../components/tenant-field.js';
import { form, load, mutate } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.login;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

/** Only same-site paths, so the sign-in page cannot be used to send people elsewhere. */
function safeRedirect(to: string | null | undefined): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/login')) return '/';
  return to;
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const me = await context.trpc.auth.me();
  if (me) throw redirect(me.user.mustChangePassword ? '/account/password' : '/');
  const tenants = await load(context, request, (trpc) => trpc.auth.tenants());
  return { tenants };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const tenantId = form.optStr(fd, 'tenantId');
  const result = await mutate(context, 'signIn', '', (trpc) =>
    trpc.auth.signIn({ ...(tenantId ? { tenantId } : {}), username: form.str(fd, 'username'), password: form.str(fd, 'password') }),
    { signIn: true },
  );
  if (!result.ok) return { error: result.error, username: form.str(fd, 'username') };
  throw redirect(safeRedirect(form.str(fd, 'redirectTo')));
}

export default function Login() {
  const { tenants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [tenantId, setTenantId] = useState<string | undefined>(tenants[0]?.id);
  const submitting = navigation.state !== 'idle' && navigation.formAction?.startsWith('/login') === true;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #fbeaea 0%, #f5f6f8 55%)' }}>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {strings.appName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{strings.consoleName}</Typography.Paragraph>
      <Card style={{ width: '100%', maxWidth: 400 }} title={s.title}>
        {tenants.length === 0 ? <Alert type="warning" showIcon message={s.noTenants} style={{ marginBottom: 16 }} /> : null}
        {actionData?.error ? <Alert type="error" showIcon message={actionData.error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form method="post" replace>
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
          {tenants.length > 1 ? <TenantField tenants={tenants} value={tenantId} onChange={setTenantId} /> : null}
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="login-username" style={{ display: 'block', marginBottom: 6 }}>
              {s.username}
            </label>
            <Input
              id="login-username"
              name="username"
              size="large"
              prefix={<UserOutlined />}
              placeholder={s.usernamePlaceholder}
              autoComplete="username"
              defaultValue={actionData?.username ?? ''}
              required
              autoFocus
            />
          </div>
          <div style={{ marginBottom: 24 }}>
            <label htmlFor="login-password" style={{ display: 'block', marginBottom: 6 }}>
              {s.password}
            </label>
            <Input.Password id="login-password" name="password" size="large" prefix={<LockOutlined />} placeholder={s.passwordPlaceholder} autoComplete="current-password" required />
          </div>
          <BusyButton type="primary" htmlType="submit" size="large" block loading={submitting}>
            {submitting ? s.submitting : s.submit}
          </BusyButton>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {s.hint}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
