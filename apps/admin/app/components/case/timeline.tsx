import { Empty, Space, Timeline, Typography } from 'antd';
import { formatDateTime } from '@zhengfa/ui';
import { eventLabel } from '../../lib/case-actions.js';
import type { CaseData, CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';

const s = strings.cases;

const colors: Record<string, string> = { review: 'green', close: 'green', returnForRework: 'red', transfer: 'orange', reopen: 'orange' };

/** Every action on the case, newest first: what, who, when, the status change and the comment. */
export function CaseTimeline({ c, vocab }: { c: CaseDetail; vocab: CaseData['vocab'] }) {
  if (c.timeline.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noTimeline} />;
  const statusName = new Map<string, string>(vocab.statuses.map((x) => [x.value, x.label]));
  const files = new Map(c.attachments.map((a) => [a.id, a.name]));
  const items = [...c.timeline].reverse().map((e) => {
    const data = (e.data ?? {}) as { report?: string; attachmentIds?: string[] };
    const changed = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus;
    return {
      key: String(e.id),
      color: colors[e.type] ?? 'blue',
      children: (
        <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="timeline-item">
          <Space size={8} wrap>
            <Typography.Text strong>{eventLabel(e.type, vocab)}</Typography.Text>
            {changed ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.transitionLine(statusName.get(e.fromStatus!) ?? e.fromStatus!, statusName.get(e.toStatus!) ?? e.toStatus!)}
              </Typography.Text>
            ) : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actorName} · {formatDateTime(e.at)}
          </Typography.Text>
          {e.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</Typography.Text> : null}
          {data.report ? (
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: strings.common.view }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {data.report}
            </Typography.Paragraph>
          ) : null}
          {data.attachmentIds?.length ? (
            <Space size={8} wrap>
              {data.attachmentIds.map((id) => (
                <a key={id} href={`/files/${id}`}>
                  {files.get(id) ?? s.attachmentsField}
                </a>
              ))}
            </Space>
          ) : null}
        </Space>
      ),
    };
  });
  return <Timeline items={items} style={{ marginTop: 8 }} />;
}
