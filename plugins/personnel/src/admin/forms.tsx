// Plain form controls (native inputs inside antd's layout) for the discipline staff's pages:
// every form posts without JavaScript, shows the server's Chinese refusal next to itself and
// refills itself from the user's input after a refusal.
import { Form as RemixForm, useActionData, useNavigation } from '@remix-run/react';
import { Alert, Space } from 'antd';
import { badForm, BusyButton, type ActionResult, type RouteArgs } from '@zhengfa/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { kit, type Calls } from './api.js';

/** What a page's action answers: the outcome and, after a refusal, what the user typed. */
export type FormResult = ActionResult & { values?: Record<string, string> };

type Step = (c: Calls, fd: FormData) => Promise<unknown>;

/** An action of intents: each its success message and its call; a refusal keeps the input. */
export function formAction(steps: Record<string, [string, Step]>) {
  return async (args: RouteArgs): Promise<FormResult> => {
    const fd = await args.request.formData();
    const intent = typeof fd.get('intent') === 'string' ? (fd.get('intent') as string) : '';
    const step = steps[intent];
    if (!step) return badForm(intent);
    const result: FormResult = await kit.mutate(args, intent, step[0], (c) => step[1](c, fd));
    if (result.ok) return result;
    const values: Record<string, string> = {};
    for (const [k, v] of fd.entries()) if (typeof v === 'string') values[k] = v;
    return { ...result, values };
  };
}

/** The user's input for `intent` after the server refused it. */
export function useKept(intent: string) {
  const result = useActionData<FormResult>();
  const values = result && !result.ok && result.intent === intent ? (result.values ?? {}) : {};
  return (name: string, fallback = '') => values[name] ?? fallback;
}

const control = { display: 'block', width: '100%', padding: '4px 8px', border: '1px solid #d9d9d9', borderRadius: 6, font: 'inherit' } as const;

export function ActionForm({ intent, submit, children, hidden = {} }: { intent: string; submit: string; children?: ReactNode; hidden?: Record<string, string | number> }) {
  const result = useActionData<FormResult>();
  const nav = useNavigation();
  const busy = nav.state === 'submitting' && nav.formData?.get('intent') === intent;
  const mine = result?.intent === intent ? result : null;
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (mine?.ok) ref.current?.reset();
  }, [mine]);
  return (
    <RemixForm method="post" ref={ref} data-testid={`form-${intent}`}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {mine && !mine.ok ? <Alert type="error" showIcon role="alert" data-testid="form-error" message={mine.error} style={{ marginBottom: 8 }} /> : null}
      {mine && mine.ok && mine.message ? <Alert type="success" showIcon data-testid="form-ok" message={mine.message} style={{ marginBottom: 8 }} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {children}
        <BusyButton htmlType="submit" type="primary" loading={busy} data-testid={`submit-${intent}`}>
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
      <input name={name} type={type} defaultValue={defaultValue} style={control} />
    </Field>
  );
}

export function TextArea({ name, label, defaultValue, rows = 3 }: { name: string; label: string; defaultValue?: string; rows?: number }) {
  return (
    <Field label={label}>
      <textarea name={name} rows={rows} defaultValue={defaultValue} style={control} />
    </Field>
  );
}

export function Choice({ name, label, options, defaultValue, blank }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; blank?: string }) {
  return (
    <Field label={label}>
      <select name={name} defaultValue={defaultValue} style={control}>
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

export const optionsOf = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

/** Today in China (the forms' default dates). */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
