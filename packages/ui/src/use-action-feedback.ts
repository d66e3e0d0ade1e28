// Shows the outcome of a form submission through a Remix fetcher: a toast on success (and
// `onSuccess`, e.g. to close a modal), the server's message on failure, returned so the
// form can show it inline. Typed by the two fields it reads, so this package needs no
// dependency on Remix.
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import type { ActionOutcome } from './form-error.js';

export interface FetcherLike {
  state: string;
  data?: unknown;
}

export function useActionFeedback(fetcher: FetcherLike, onSuccess?: (outcome: ActionOutcome) => void): ActionOutcome | null {
  const { message } = App.useApp();
  const seen = useRef<unknown>(null);
  const data = (fetcher.data ?? null) as ActionOutcome | null;
  useEffect(() => {
    if (fetcher.state !== 'idle' || !data || seen.current === data) return;
    seen.current = data;
    if (data.ok) {
      if (data.message) void message.success(data.message);
      onSuccess?.(data);
    }
  }, [fetcher.state, data, message, onSuccess]);
  return data && !data.ok && fetcher.state === 'idle' ? data : null;
}
