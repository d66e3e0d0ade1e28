import { Alert, Form, Input, List, Space, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { sixClarityKeys } from '../../lib/case-actions.js';
import type { CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';

const s = strings.cases;

/** The six clarities (六个清楚) of a key case: which are written, which are missing. */
export function ClarityChecklist({ c }: { c: CaseDetail }) {
  const stored = (c.sixClarities ?? {}) as Record<string, string | undefined>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.missingClarities.length ? (
        <Alert type="warning" showIcon message={s.claritiesMissing(c.missingClarities)} data-testid="clarities-missing" />
      ) : (
        <Alert type="success" showIcon message={s.claritiesComplete} />
      )}
      <List
        size="small"
        bordered
        dataSource={[...sixClarityKeys]}
        renderItem={(k) => {
          const text = stored[k]?.trim();
          return (
            <List.Item>
              <List.Item.Meta
                avatar={text ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ExclamationCircleOutlined style={{ color: '#faad14' }} />}
                title={
                  <Space>
                    {strings.sixClarities[k]}
                    <Typography.Text type={text ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                      {text ? s.clarityDone : s.clarityMissing}
                    </Typography.Text>
                  </Space>
                }
                description={text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : null}
              />
            </List.Item>
          );
        }}
      />
    </Space>
  );
}

/** Form fields for the six clarities, nested under `sixClarities` in the surrounding form. */
export function ClarityFields() {
  return (
    <>
      <Typography.Paragraph type="secondary">{s.claritiesHelp}</Typography.Paragraph>
      {sixClarityKeys.map((k) => (
        <Form.Item key={k} name={['sixClarities', k]} label={strings.sixClarities[k]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ))}
    </>
  );
}
