// A labelled native form control: pages post plain forms (they work before and without
// JavaScript), so inputs are native elements named for the action.
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { FormError, type ActionOutcome } from '@zhengfa/ui';

export const inputStyle = { width: '100%', padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6, fontSize: 14 } as const;

export function Field({ label, children, width }: { label: string; children: ReactNode; width?: number | string }) {
  return (
    <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 4, marginRight: 12, marginBottom: 12, width: width ?? 220, verticalAlign: 'top' }}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The outcome of the form's last post: the server's refusal, or its confirmation. */
export function Outcome({ outcome, intent }: { outcome: ActionOutcome | undefined | null; intent: string }) {
  if (!outcome || outcome.intent !== intent) return null;
  if (!outcome.ok) return <FormError outcome={outcome} />;
  return <Alert type="success" showIcon role="status" data-testid="form-ok" message={outcome.message} style={{ marginBottom: 16 }} />;
}
