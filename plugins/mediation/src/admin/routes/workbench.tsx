// 调处工作台 (/mediation/workbench): today's intake, the triage queue, the mediations under
// way and falling due, judicial confirmations and performances falling due; each section
// links to the disputes list filtered as the to-dos are.
import { Link } from '@remix-run/react';
import { Badge, Card, Col, List, Row } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { consoleToday } from '../dispute/load.js';
import { workbench as w } from '../strings.js';
import { workbenchSections } from '../workbench/sections.js';

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'mediation.read');
    const l = c.mediation.disputes.list;
    const [all, registered, mediating, mediationSoon, mediationOverdue, confirmation, confirmationOverdue, followUp] = await Promise.all([
      l({}),
      l({ status: 'registered' }),
      l({ status: 'mediating' }),
      l({ mediationDue: 'soon' }),
      l({ mediationDue: 'overdue' }),
      l({ due: 'confirmation' }),
      l({ due: 'confirmation-overdue' }),
      l({ due: 'follow-up' }),
    ]);
    const today = consoleToday(new Date());
    return { sections: workbenchSections({ today, all, registered, mediating, mediationSoon, mediationOverdue, confirmation, confirmationOverdue, followUp }) };
  });
}

export default function WorkbenchPage() {
  const { sections } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={w.title} subtitle={w.subtitle} />
      <Row gutter={[16, 16]} data-testid="mediation-workbench">
        {sections.map((sec) => (
          <Col key={sec.key} xs={24} md={12} xl={6}>
            <Card
              size="small"
              data-testid={`workbench-${sec.key}`}
              title={
                <Link to={sec.link}>
                  {sec.label} <Badge count={sec.count} showZero color={sec.count ? '#1677ff' : '#d9d9d9'} />
                </Link>
              }
              extra={<Link to={sec.link}>{w.open}</Link>}
            >
              <List
                size="small"
                dataSource={sec.rows}
                locale={{ emptyText: w.none }}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`/mediation/${r.id}`}>{r.code}</Link> {r.disputeType} {r.partyNames.join('、')}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
