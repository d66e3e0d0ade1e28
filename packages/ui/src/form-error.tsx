import { Alert } from 'antd';
import { uiStrings } from './strings.js';

/** What a console action answers: ok or the server's refusal (code and Chinese message). */
export interface ActionOutcome {
  ok: boolean;
  intent: string;
  message?: string;
  error?: string;
  code?: string;
  result?: unknown;
}

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
      message={conflict ? uiStrings.callError.conflictTitle : outcome.error}
      description={conflict ? outcome.error : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
