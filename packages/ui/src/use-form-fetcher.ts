// A fetcher that posts a record of values to the page's action as a form, shows the shared
// success toast (and calls `onSuccess`, e.g. to close a dialog) and returns the server's
// refusal for the form to show: what every console panel with a form needs.
import { useFetcher } from '@remix-run/react';
import { useCallback } from 'react';
import { toFormData, type FormValues } from './form-data.js';
import type { ActionOutcome } from './form-error.js';
import { useActionFeedback } from './use-action-feedback.js';

export function useFormFetcher(onSuccess?: (outcome: ActionOutcome) => void, opts: { action?: string } = {}) {
  const fetcher = useFetcher();
  const error = useActionFeedback(fetcher, onSuccess);
  const { action } = opts;
  const submit = useCallback((values: FormValues) => fetcher.submit(toFormData(values), { method: 'post', ...(action ? { action } : {}) }), [fetcher, action]);
  return { submit, error, busy: fetcher.state !== 'idle', data: fetcher.data as ActionOutcome | undefined };
}
