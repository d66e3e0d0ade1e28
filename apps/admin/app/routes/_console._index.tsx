// 工作台: what waits for the signed-in user (the kernel's to-dos and every enabled plugin's),
// 我的关注, the latest activity and, for the committee's leader, the county's overview.
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Alert, Col, Row, Space } from 'antd';
import { PageHeader } from '@zhengfa/ui';
import { ActivityCard } from '../components/workbench/activity.js';
import { CountyOverview } from '../components/workbench/county-overview.js';
import { FollowsCard } from '../components/workbench/follows.js';
import { TodoBoard } from '../components/workbench/todo-board.js';
import { DashboardCards } from '../components/slots.js';
import { loadDashboardCards } from '../lib/slots.js';
import { load } from '../lib/trpc.server.js';
import { mergeTodos, showsCountyOverview } from '../lib/workbench.js';
import { adminPlugins, enabledModules } from '../plugins.js';
import { strings } from '../strings.js';

const s = strings.home;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    if (!me) return null;
    const perms = me.user.permissions;
    const caseWork = perms.includes('cases.read');
    const overview = showsCountyOverview(perms, me.user.committee);
    const [enabledPlugins, kernelTodos, pluginTodos, follows, activity, figures] = await Promise.all([
      trpc.system.enabledPlugins(),
      trpc.workbench.kernelTodos(),
      trpc.workbench.todos(),
      caseWork ? trpc.workbench.follows() : Promise.resolve([]),
      caseWork ? trpc.workbench.activity() : Promise.resolve([]),
      overview ? trpc.cases.dashboard({}) : Promise.resolve(null),
    ]);
    // The enabled plugins' workbench cards, loaded as this user.
    const cards = await loadDashboardCards({ request, context, permissions: perms, modules: enabledModules(enabledPlugins) });
    const todos = mergeTodos(kernelTodos, s.kernelSource, pluginTodos);
    return { me, todos, follows, activity, figures, cards, caseWork };
  });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!data) return null;
  const { me, todos, follows, activity, figures, cards, caseWork } = data;

  return (
    <>
      <PageHeader title={s.welcome(me.user.displayName)} subtitle={s.summary(me.user.orgName, todos.total)} extra={caseWork ? <Link to="/inbox/digest">{s.digest}</Link> : null} />
      {params.get('passwordChanged') ? <Alert type="success" showIcon message={s.passwordChanged} style={{ marginBottom: 16 }} closable /> : null}
      <Row gutter={[16, 16]}>
        {figures ? (
          <Col span={24}>
            <CountyOverview figures={figures} />
          </Col>
        ) : null}
        <Col xs={24} xl={caseWork ? 14 : 24}>
          <TodoBoard items={todos.items} failed={todos.failed} />
        </Col>
        {caseWork ? (
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <FollowsCard items={follows} />
              <ActivityCard items={activity} />
            </Space>
          </Col>
        ) : null}
        {cards.length ? (
          <Col span={24}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <DashboardCards cards={cards} modules={adminPlugins} />
            </Space>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
