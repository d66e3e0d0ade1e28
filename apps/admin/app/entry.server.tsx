// Server render: the whole document is rendered before it is sent (the console is small
// and sits on an intranet), so antd's CSS-in-JS styles collected during the render can be
// put into <head> and the first paint is already styled.
import { Writable } from 'node:stream';
import { extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { RemixServer } from '@remix-run/react';
import type { AppLoadContext, EntryContext } from '@remix-run/server-runtime';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceContext } from './nonce.js';
import { StyleCaches } from './style-cache.server.js';
import { ANTD_STYLE_ID } from './styles.js';

const ABORT_DELAY = 10_000;

/** antd's computed styles, shared by every render in this process (style-cache.server.ts). */
const styleCaches = new StyleCaches();

/** Replaces the empty style placeholder that root.tsx renders with the collected CSS. */
export function injectStyles(html: string, css: string): string {
  const safe = css.replace(/<\/style/gi, '<\\/style');
  const placeholder = new RegExp(`<style id="${ANTD_STYLE_ID}"[^>]*></style>`);
  return html.replace(placeholder, (tag) => tag.replace('></style>', `>${safe}</style>`));
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    const cache = styleCaches.forRequest();
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <StyleProvider cache={cache}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </StyleProvider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          const sink = new Writable({
            write(chunk, _encoding, callback) {
              chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
              callback();
            },
          });
          sink.on('finish', () => {
            const html = injectStyles(Buffer.concat(chunks).toString('utf8'), extractStyle(cache, true));
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
            resolve(new Response(html.startsWith('<!DOCTYPE') ? html : `<!DOCTYPE html>${html}`, { status, headers: responseHeaders }));
          });
          sink.on('error', reject);
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          if (!request.signal.aborted) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000).unref?.();
  });
}
