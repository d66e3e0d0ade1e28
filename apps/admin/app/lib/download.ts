// Downloads a generated document (GET, same-origin cookie): on success the browser saves
// the .docx under the server's file name; on refusal the server's Chinese message is
// thrown, so the page can show it instead of navigating to a JSON body.
import { strings } from '../strings.js';
import { dispositionFileName } from './supervision.js';

export class DownloadError extends Error {}

export async function downloadDocument(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new DownloadError(strings.error.network);
  }
  if (!res.ok) {
    let message: string = strings.supervision.downloadFailed;
    try {
      const body = (await res.json()) as { error?: { message?: unknown } };
      if (typeof body.error?.message === 'string' && body.error.message) message = body.error.message;
    } catch {
      // not JSON: keep the general message
    }
    throw new DownloadError(message);
  }
  const name = dispositionFileName(res.headers.get('content-disposition')) ?? fallbackName;
  const blob = await res.blob();
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
