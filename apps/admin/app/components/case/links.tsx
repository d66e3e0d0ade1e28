import { Link } from '@remix-run/react';
import { Empty, List, Tag } from 'antd';
import type { CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';

const s = strings.cases;

export function LinksPanel({ c }: { c: CaseDetail }) {
  if (c.links.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noLinks} />;
  return (
    <List
      size="small"
      dataSource={c.links}
      renderItem={(l) => (
        <List.Item>
          <Tag>{(l.direction === 'out' ? s.linkKinds : s.linkIn)[l.kind] ?? l.kind}</Tag>
          <Link to={`/cases/${l.caseId}`}>
            {l.docNo} {l.title}
          </Link>
        </List.Item>
      )}
    />
  );
}
