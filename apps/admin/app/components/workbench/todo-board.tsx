// 待办事项: everything waiting for the user, kernel and plugins alike, most urgent first.
import { Link } from '@remix-run/react';
import { Alert, Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { formatDate } from '@zhengfa/ui';
import type { FailedProvider, WorkbenchTodo } from '../../lib/workbench.js';
import { strings } from '../../strings.js';

const s = strings.home;
// Text colours of 4.5:1 or more on white and on a hovered row (#ad6800, antd's gold, is 4.3:1).
const toneColor = { danger: '#cf1322', warning: '#874d00', normal: undefined } as const;

export function TodoBoard({ items, failed }: { items: readonly WorkbenchTodo[]; failed: readonly FailedProvider[] }) {
  return (
    <Card title={s.todos} data-testid="todos">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {s.todosHint}
      </Typography.Paragraph>
      {failed.map((f) => (
        <Alert key={f.pluginId} type="warning" showIcon message={f.error} style={{ marginBottom: 8 }} />
      ))}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noTodos} />
      ) : (
        <List
          size="small"
          dataSource={items as WorkbenchTodo[]}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid={`todo-${item.id.replace(':', '-')}`} data-count={item.count}>
              <Link to={item.link} style={{ display: 'flex', width: '100%', alignItems: 'center', gap: 12, color: 'inherit' }}>
                <Space size={8} style={{ flex: 1, minWidth: 0 }} wrap>
                  {item.tone === 'danger' ? <ExclamationCircleOutlined style={{ color: toneColor.danger }} /> : item.tone === 'warning' ? <ClockCircleOutlined style={{ color: toneColor.warning }} /> : null}
                  <Typography.Text strong style={{ color: toneColor[item.tone] }}>
                    {item.label}
                  </Typography.Text>
                  <Tag bordered={false}>{item.source}</Tag>
                  {item.urgent > 0 ? <Tag color="volcano">{s.urgent(item.urgent)}</Tag> : null}
                </Space>
                {item.oldest ? (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
                    {s.oldest(formatDate(item.oldest))}
                  </Typography.Text>
                ) : null}
                <Badge count={item.count} overflowCount={999} title={s.count(item.count)} color={item.tone === 'danger' ? '#cf1322' : '#1f4fbf'} />
                <RightOutlined aria-hidden />
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
