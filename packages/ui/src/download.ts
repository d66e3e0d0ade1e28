// Files to the user's disk: a generated document fetched from the server (GET, same-origin
// cookie; a refusal gives the server's Chinese message instead of a page of JSON), a file
// the server returned as base64 in an action's answer, and reading a file the user picked.
import { uiStrings } from './strings.js';

export class DownloadError extends Error {}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name that cannot escape the download folder. */
export function safeFileName(name: string, fallback: string): string {
  const printable = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, '_').trim();
  return cleaned || fallback;
}

/** The file name in a Content-Disposition header (RFC 5987 filename* first), else null. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || null;
}

/** Base64 of bytes (an uploaded file travels to the server as base64). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Reads a chosen file as bytes. */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return file.arrayBuffer().then((b) => new Uint8Array(b));
}

/** Saves a blob under a name (the browser's download). */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export interface Base64File {
  fileName: string;
  mimeType?: string;
  base64: string;
}

function mimeOf(name: string): string {
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.docx')) return DOCX;
  return 'application/octet-stream';
}

/** Saves a file the server returned as base64 under its own (safe) name; returns the name. */
export function saveBase64File(file: Base64File, fallbackName: string): string {
  const name = safeFileName(file.fileName, fallbackName);
  saveBlob(new Blob([base64ToBytes(file.base64) as BlobPart], { type: file.mimeType ?? mimeOf(name) }), name);
  return name;
}

/** Fetches a generated document and saves it under the server's file name; returns the name. */
export async function downloadDocument(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new DownloadError(uiStrings.callError.network);
  }
  if (!res.ok) {
    let message: string = uiStrings.downloadFailed;
    try {
      const body = (await res.json()) as { error?: { message?: unknown } };
      if (typeof body.error?.message === 'string' && body.error.message) message = body.error.message;
    } catch {
      // not JSON: keep the general message
    }
    throw new DownloadError(message);
  }
  const name = safeFileName(dispositionFileName(res.headers.get('content-disposition')) ?? fallbackName, fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}
