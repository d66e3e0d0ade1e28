// The workbench's to-dos: for each plugin, what waits for the user, how many and since when,
// each a link to the list that holds them. The shape is the kernel's `workbench.todos`
// answer (PluginTodos of @zhengfa/plugin-api), restated here so this package imports nothing of ours.
import { Link } from '@remix-run/react';
import { Alert, Badge, Empty, List, Space, Typography } from 'antd';
import { formatDate } from './format.js';
import { uiStrings } from './strings.js';

export interface TodoGroup {
  pluginId: string;
  pluginName: string;
  items: { key: string; label: string; count: number; link: string; oldest?: string | null }[];
  error?: string;
}

export function TodoList({ groups }: { groups: readonly TodoGroup[] }) {
  const s = uiStrings.todos;
  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.none} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="todos">
      {groups.map((g) => (
        <div key={g.pluginId} data-testid={`todos-${g.pluginId}`}>
          <Typography.Text strong>{g.pluginName}</Typography.Text>
          {g.error ? (
            <Alert type="warning" showIcon message={g.error} style={{ marginTop: 8 }} />
          ) : (
            <List
              size="small"
              dataSource={g.items}
              renderItem={(item) => (
                <List.Item key={item.key} data-testid={`todo-${g.pluginId}-${item.key}`} extra={item.oldest ? <Typography.Text type="secondary">{s.oldest(formatDate(item.oldest))}</Typography.Text> : null}>
                  <Link to={item.link}>
                    <Space>
                      {item.label}
                      <Badge count={item.count} overflowCount={999} title={s.count(item.count)} />
                    </Space>
                  </Link>
                </List.Item>
              )}
            />
          )}
        </div>
      ))}
    </Space>
  );
}
