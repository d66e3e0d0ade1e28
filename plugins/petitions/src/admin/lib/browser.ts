// Browser-side helpers: fetcher outcomes as toasts or inline errors, and saving files the
// server returned as base64.
import type { ActionOutcome } from '@zhengfa/ui';
import type { FetcherWithComponents } from '@remix-run/react';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { base64ToBytes, safeFileName } from './helpers.js';

/** A toast on success (and `onSuccess`), the server's message on failure (returned for the form). */
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

export interface Base64File {
  fileName: string;
  mimeType?: string;
  base64: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a file the server returned as base64 under its own name. */
export function saveBase64File(file: Base64File, fallbackName: string): string {
  const name = safeFileName(file.fileName, fallbackName);
  const bytes = base64ToBytes(file.base64);
  const blob = new Blob([bytes as BlobPart], { type: file.mimeType ?? (name.endsWith('.xlsx') ? XLSX : 'application/octet-stream') });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/** Reads a chosen file as bytes. */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return file.arrayBuffer().then((b) => new Uint8Array(b));
}

export type { ActionOutcome };
