// A fetcher that posts to the case page's action, with the shared success toast and the
// server's refusal (version conflicts included) returned for the dialog to show.
import { useActionFeedback } from '@zhengfa/ui';
import { useFetcher } from '@remix-run/react';
import { useCallback } from 'react';
import { toFormData } from '../../lib/form-data.js';

export function useCaseFetcher(onDone?: () => void) {
  const fetcher = useFetcher();
  const onSuccess = useCallback(() => onDone?.(), [onDone]);
  const error = useActionFeedback(fetcher, onSuccess);
  const submit = useCallback(
    (values: Parameters<typeof toFormData>[0]) => fetcher.submit(toFormData(values), { method: 'post' }),
    [fetcher],
  );
  return { submit, error, busy: fetcher.state !== 'idle' };
}
