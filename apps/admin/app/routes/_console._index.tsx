import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { PageHeader, TodoList } from '@zhengfa/ui';
import { DashboardCards } from '../components/slots.js';
import { loadDashboardCards } from '../lib/slots.js';
import { load } from '../lib/trpc.server.js';
import { buildNav } from '../nav.js';
import { adminPlugins, enabledModules } from '../plugins.js';
import { strings } from '../strings.js';

const s = strings.home;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    if (!me) return null;
    const canRead = me.user.permissions.includes('users.read');
    // Role and permission names need users.read (every built-in role has it).
    const [roles, permissions, enabledPlugins, todos] = await Promise.all([
      canRead ? trpc.roles.list() : Promise.resolve([]),
      canRead ? trpc.roles.permissions() : Promise.resolve([]),
      trpc.system.enabledPlugins(),
      trpc.workbench.todos(),
    ]);
    // The enabled plugins' workbench cards, loaded as this user.
    const cards = await loadDashboardCards({ request, context, permissions: me.user.permissions, modules: enabledModules(enabledPlugins) });
    const granted = new Set(me.user.permissions);
    const roleNames = me.user.roleKeys.map((key) => roles.find((r) => r.key === key)?.name ?? key);
    return {
      me,
      roleNames,
      enabledPlugins,
      todos,
      cards,
      permissions: permissions.filter((p) => granted.has(p.key)).map((p) => ({ key: p.key, name: p.name, group: p.group, owner: p.owner, ownerName: p.ownerName })),
    };
  });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!data) return null;
  const { me, roleNames, permissions, enabledPlugins, todos, cards } = data;
  const links = buildNav({ permissions: me.user.permissions, enabledPlugins, pluginModules: adminPlugins })
    .flatMap((section) => section.items)
    .filter((e) => e.key !== 'home');
  const groups = new Map<string, typeof permissions>();
  for (const p of permissions) {
    const g = p.owner !== 'kernel' && p.ownerName !== p.group ? `${p.ownerName} · ${p.group}` : p.group;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }

  return (
    <>
      <PageHeader title={s.welcome(me.user.displayName)} />
      {params.get('passwordChanged') ? <Alert type="success" showIcon message={s.passwordChanged} style={{ marginBottom: 16 }} closable /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={s.accountCard} data-testid="welcome-card">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={s.tenant}>{me.tenant.name}</Descriptions.Item>
              <Descriptions.Item label={s.org}>{me.user.orgName}</Descriptions.Item>
              <Descriptions.Item label={s.roles}>
                {roleNames.length ? (
                  <Space size={[4, 4]} wrap>
                    {roleNames.map((n) => (
                      <Tag key={n} color="red">
                        {n}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  strings.common.none
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={s.quickLinks}>
            {links.length === 0 ? (
              <Empty description={s.noQuickLinks} />
            ) : (
              <Row gutter={[12, 12]}>
                {links.map((l) => (
                  <Col xs={24} sm={12} key={l.key}>
                    <Link to={l.to} style={{ display: 'block' }}>
                      <Card size="small" hoverable>
                        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                          <div>
                            <Typography.Text strong>{l.label}</Typography.Text>
                            <br />
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              {s.linkDescriptions[l.key] ?? ''}
                            </Typography.Text>
                          </div>
                          <RightOutlined />
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        {todos.length ? (
          <Col xs={24} lg={cards.length ? 14 : 24}>
            <Card title={s.todos}>
              <TodoList groups={todos} />
            </Card>
          </Col>
        ) : null}
        {cards.length ? (
          <Col xs={24} lg={todos.length ? 10 : 24}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <DashboardCards cards={cards} modules={adminPlugins} />
            </Space>
          </Col>
        ) : null}
        <Col span={24}>
          <Card title={s.permissions}>
            {groups.size === 0 ? (
              <Typography.Text type="secondary">{s.noPermissions}</Typography.Text>
            ) : (
              <Descriptions column={1} size="small">
                {[...groups.entries()].map(([group, perms]) => (
                  <Descriptions.Item key={group} label={group}>
                    <Space size={[4, 4]} wrap>
                      {perms.map((p) => (
                        <Tag key={p.key}>{p.name}</Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
