// Plain form controls (native inputs inside antd's layout) so every form of the dispute page
// posts without JavaScript, and refills itself from the user's input after a refusal.
import { Form as RemixForm, useActionData, useNavigation } from '@remix-run/react';
import { Alert, Space } from 'antd';
import { BusyButton } from '@zhengfa/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import type { DisputeActionResult } from './actions.js';

const control = { display: 'block', width: '100%', padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6, font: 'inherit' } as const;

/** The user's input for `intent` after the server refused it (nothing otherwise). */
export function useKept(intent: string) {
  const result = useActionData<DisputeActionResult>();
  const values = result && !result.ok && result.intent === intent ? (result.values ?? {}) : {};
  return {
    one: (name: string, fallback = '') => values[name]?.[0] ?? fallback,
    all: (name: string) => values[name] ?? [],
    at: (name: string, i: number) => values[name]?.[i] ?? '',
    refused: Boolean(result && !result.ok && result.intent === intent),
  };
}

export function ActionForm({ intent, version, submit, children, danger }: { intent: string; version: number; submit: string; children?: ReactNode; danger?: boolean }) {
  const result = useActionData<DisputeActionResult>();
  const nav = useNavigation();
  const busy = nav.state === 'submitting' && nav.formData?.get('intent') === intent;
  const mine = result?.intent === intent ? result : null;
  const ref = useRef<HTMLFormElement>(null);
  // A recorded step clears its form for the next one (a refused one keeps the user's input).
  useEffect(() => {
    if (mine?.ok) ref.current?.reset();
  }, [mine]);
  return (
    <RemixForm method="post" ref={ref} data-testid={`form-${intent}`} style={{ marginTop: 8 }}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {mine && !mine.ok ? <Alert type="error" showIcon role="alert" data-testid="form-error" message={mine.error} style={{ marginBottom: 8 }} /> : null}
      {mine && mine.ok && mine.message ? <Alert type="success" showIcon data-testid="form-ok" message={mine.message} style={{ marginBottom: 8 }} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {children}
        <BusyButton htmlType="submit" type="primary" danger={danger} loading={busy} data-testid={`submit-${intent}`}>
          {submit}
        </BusyButton>
      </Space>
    </RemixForm>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: 'block' }}>
      <span style={{ display: 'block', marginBottom: 4, color: 'rgba(0,0,0,0.65)' }}>{label}</span>
      {children}
    </label>
  );
}

export function TextInput({ name, label, defaultValue, type = 'text' }: { name: string; label: string; defaultValue?: string; type?: string }) {
  return (
    <Field label={label}>
      <input name={name} type={type} defaultValue={defaultValue} style={control} data-testid={`field-${name}`} />
    </Field>
  );
}

export function TextArea({ name, label, defaultValue, rows = 3 }: { name: string; label: string; defaultValue?: string; rows?: number }) {
  return (
    <Field label={label}>
      <textarea name={name} rows={rows} defaultValue={defaultValue} style={control} data-testid={`field-${name}`} />
    </Field>
  );
}

export function Choice({ name, label, options, defaultValue, blank }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; blank?: string }) {
  return (
    <Field label={label}>
      <select name={name} defaultValue={defaultValue} style={control} data-testid={`field-${name}`}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checks({ name, label, options, checked }: { name: string; label: string; options: { value: string; label: string }[]; checked: string[] }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid={`field-${name}`}>
      <legend style={{ marginBottom: 4, color: 'rgba(0,0,0,0.65)', fontSize: 'inherit' }}>{label}</legend>
      <Space wrap>
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
          </label>
        ))}
      </Space>
    </fieldset>
  );
}
