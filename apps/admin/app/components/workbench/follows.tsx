// 我的关注: the cases the user follows, open ones by deadline first.
import { Link } from '@remix-run/react';
import { Card, Empty, List, Space, Typography } from 'antd';
import { CaseStatusTag, formatDate, OverdueTag, UrgencyTag } from '@zhengfa/ui';
import { strings } from '../../strings.js';

const s = strings.home;

export interface FollowedCase {
  id: string;
  docNo: string;
  title: string;
  status: string;
  statusName: string;
  urgency: 'normal' | 'urgent' | 'critical';
  urgencyName: string;
  deadline: string | null;
  overdue: boolean;
}

export function FollowsCard({ items }: { items: readonly FollowedCase[] }) {
  return (
    <Card title={s.follows} size="small" data-testid="follows">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.followsEmpty} />
      ) : (
        <List
          size="small"
          dataSource={items as FollowedCase[]}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                <Link to={`/cases/${c.id}`}>
                  <Typography.Text ellipsis={{ tooltip: c.title }} style={{ maxWidth: '100%' }}>
                    {c.title}
                  </Typography.Text>
                </Link>
                <Space size={4} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.docNo}
                  </Typography.Text>
                  <CaseStatusTag status={c.status as never} label={c.statusName} />
                  {c.urgency !== 'normal' ? <UrgencyTag urgency={c.urgency} label={c.urgencyName} /> : null}
                  {c.overdue ? <OverdueTag /> : null}
                  {c.deadline ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {s.deadline(formatDate(c.deadline))}
                    </Typography.Text>
                  ) : null}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
