// 最新动态: the latest steps on the cases that concern the user.
import { Link } from '@remix-run/react';
import { Card, Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '@zhengfa/ui';
import { strings } from '../../strings.js';

const s = strings.home;

export interface ActivityItem {
  id: string;
  caseId: string;
  docNo: string;
  title: string;
  typeName: string;
  actorName: string | null;
  at: string | Date;
}

export function ActivityCard({ items }: { items: readonly ActivityItem[] }) {
  return (
    <Card title={s.activity} size="small" data-testid="activity">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {s.activityHint}
      </Typography.Paragraph>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.activityEmpty} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={items.map((a) => ({
            key: a.id,
            children: (
              <>
                <Typography.Text>
                  {a.actorName ?? ''} {a.typeName}
                </Typography.Text>{' '}
                <Link to={`/cases/${a.caseId}`}>{a.docNo}</Link>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(a.at)} · {a.title}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
