// Browser-side helpers: saving files the server returned as base64 and reading picked files.
import { base64ToBytes, safeFileName } from './helpers.js';

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

