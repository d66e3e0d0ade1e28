// Shows the outcome of a fetcher submission: a toast on success, the server's message on
// failure (returned so the form can show it inline), and a callback to close a modal.
import type { ActionOutcome } from '@zhengfa/ui';
import type { FetcherWithComponents } from '@remix-run/react';
import { App } from 'antd';
import { useEffect, useRef } from 'react';

export function useActionFeedback(fetcher: FetcherWithComponents<unknown>, onSuccess?: (outcome: ActionOutcome) => void): ActionOutcome | null {
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

export type { ActionOutcome };
