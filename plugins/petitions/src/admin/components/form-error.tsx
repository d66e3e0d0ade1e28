import { Alert } from 'antd';
import type { ActionOutcome } from '../lib/browser.js';
import { strings } from '../strings.js';

/** The server's refusal, shown inside a form; a version conflict gets its own title. */
export function FormError({ outcome }: { outcome: ActionOutcome | null }) {
  if (!outcome || outcome.ok || !outcome.error) return null;
  const conflict = outcome.code === 'CONFLICT';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      message={conflict ? strings.common.conflictTitle : outcome.error}
      description={conflict ? outcome.error : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
