import { Form, Link, Outlet, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Badge, Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  SendOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  CommentOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { uiStrings } from '@zhengfa/ui';
import { ErrorView } from '../components/error-view.js';
import { load } from '../lib/trpc.server.js';
import { activeNavKey, buildNav, pageAccess, type KernelNavKey, type NavSection } from '../nav.js';
import { adminPlugins } from '../plugins.js';
import { strings } from '../strings.js';

const kernelIcons: Record<KernelNavKey, ReactNode> = {
  home: <DashboardOutlined />,
  inbox: <BellOutlined />,
  cases: <UnorderedListOutlined />,
  caseNew: <FileAddOutlined />,
  caseDashboard: <BarChartOutlined />,
  calendar: <CalendarOutlined />,
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  passwordResets: <KeyOutlined />,
  roles: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
  modules: <AppstoreOutlined />,
  events: <SendOutlined />,
  instruments: <FileProtectOutlined />,
  meetings: <CommentOutlined />,
  bulletin: <FileTextOutlined />,
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  const me = await context.trpc.auth.me();
  if (!me) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  const path = new URL(request.url).pathname;
  if (me.user.mustChangePassword && path !== '/account/password') throw redirect('/account/password');
  // An account that must change its password may call nothing but auth.* until it has.
  const enabledPlugins = me.user.mustChangePassword ? [] : await load(context, request, (trpc) => trpc.system.enabledPlugins());
  // A page the user's roles do not cover is refused before it renders (the error boundary
  // below shows the 403 with the navigation), even when typed into the address bar.
  const access = pageAccess({ pathname: path, permissions: me.user.permissions, enabledPlugins, pluginModules: adminPlugins });
  if (!access.allowed) throw data({ message: strings.error.forbiddenPage(access.page) }, { status: 403 });
  // Notifications are about cases: only users who work on cases get the badge.
  const unread = !me.user.mustChangePassword && me.user.permissions.includes('cases.read') ? await load(context, request, (trpc) => trpc.notifications.unreadCount()) : null;
  return { me, enabledPlugins, unread };
}

function menuItems(sections: NavSection[]): MenuProps['items'] {
  const toItem = (e: NavSection['items'][number]) => ({
    key: e.key,
    icon: e.kernelKey ? kernelIcons[e.kernelKey] : e.icon,
    label: <Link to={e.to} prefetch="intent">{e.label}</Link>,
  });
  return sections.flatMap<NonNullable<MenuProps['items']>[number]>((s) =>
    s.label ? [{ type: 'group' as const, key: s.key, label: s.label, children: s.items.map(toItem) }] : s.items.map(toItem),
  );
}

type ConsoleData = Awaited<ReturnType<typeof useLoaderData<typeof loader>>>;

function Shell({ data, children }: { data: ConsoleData; children: ReactNode }) {
  const { me, enabledPlugins, unread } = data;
  const location = useLocation();
  const locked = me.user.mustChangePassword;
  const sections = locked ? [] : buildNav({ permissions: me.user.permissions, enabledPlugins, pluginModules: adminPlugins });
  const active = activeNavKey(location.pathname, sections);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="zf-skip-link">
        {uiStrings.list.skipToMain}
      </a>
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px', borderBottom: '1px solid #f0f0f0' }}>
          <BankOutlined style={{ fontSize: 20, color: '#b71c1c' }} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {strings.appName}
          </Typography.Text>
        </Flex>
        <nav aria-label={strings.consoleName}>
          <Menu mode="inline" selectedKeys={active ? [active] : []} items={menuItems(sections)} style={{ borderInlineEnd: 'none' }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', height: 56, lineHeight: '56px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={16}>
            <Space size={8}>
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="tenant-name">
                {me.tenant.name}
              </Tag>
              <Typography.Text type="secondary">{strings.consoleName}</Typography.Text>
            </Space>
            <Space size={16}>
              <Space size={6} data-testid="current-user">
                <UserOutlined />
                <Typography.Text strong>{me.user.displayName}</Typography.Text>
                <Typography.Text type="secondary">{me.user.orgName}</Typography.Text>
              </Space>
              {unread !== null ? (
                <Link to="/inbox" aria-label={strings.header.unread(unread)} title={strings.header.unread(unread)} data-testid="inbox-badge" data-unread={unread}>
                  <Badge count={unread} size="small" overflowCount={99}>
                    <BellOutlined style={{ fontSize: 18, color: 'rgba(0,0,0,0.65)' }} />
                  </Badge>
                </Link>
              ) : null}
              <Link to="/account/password">
                <Space size={4}>
                  <KeyOutlined />
                  {strings.header.changePassword}
                </Space>
              </Link>
              <Form method="post" action="/logout" style={{ display: 'inline' }}>
                <Button htmlType="submit" icon={<LogoutOutlined />}>
                  {strings.header.signOut}
                </Button>
              </Form>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, outline: 'none' }}>
          {locked ? <Alert type="warning" showIcon message={strings.password.mustChange} style={{ marginBottom: 16 }} /> : null}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export default function ConsoleLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <Shell data={data}>
      <Outlet />
    </Shell>
  );
}

/** A failing page keeps the navigation when the layout's own data loaded. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('routes/_console');
  if (!data) return <ErrorView error={error} />;
  return (
    <Shell data={data}>
      <ErrorView error={error} />
    </Shell>
  );
}
