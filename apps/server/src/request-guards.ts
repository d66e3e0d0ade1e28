// What the server checks of a request from a browser before any route reads it, and the
// headers every answer carries. Hono's own middleware does the work (secureHeaders,
// csrf, bodyLimit); this module chooses their settings and answers each refusal in
// Chinese, in the shape its caller reads: a tRPC error on /trpc, JSON on the file
// endpoints, a small page in the console.
//
// - Headers: a Content-Security-Policy whose script nonce is new on every request (the
//   console's build puts it on Remix's inline scripts), and `Referrer-Policy: same-origin`.
//   With `no-referrer` a browser posts a same-origin form with `Origin: null`, which both
//   this check and Remix's own refuse; `same-origin` sends the real Origin to this server
//   and nothing to any other.
// - Origin: a write (any method but GET, HEAD, OPTIONS) that names an Origin must name this
//   host, compared as Remix's action check compares it (X-Forwarded-Host, else Host), so a
//   write this lets through is never one Remix then refuses with a 500. A form (the content
//   types another site can post without asking) must name it (Hono's csrf); a JSON write
//   without one comes from a program, not from a page on another site, which cannot send
//   JSON here without a CORS preflight this server never grants.
// - /trpc takes writes as JSON only: tRPC would also run a mutation from a multipart form.
// - Sizes: a request without a session cookie may send 64 KB (signing in, the public
//   look-up); with one, 16 MB (the largest thing the console posts: a 10 MB petition ledger
//   to import, base64-encoded) and an upload to /files the configured attachment size.
//   A forged cookie only raises the ceiling to the signed-in one; the routes still refuse
//   the request. Bodies without Content-Length are counted as they arrive.
// - Console writes are forms: another content type, or a multipart body that does not
//   parse, is refused here instead of failing inside a Remix action.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { SESSION_COOKIE } from '@zhengfa/kernel';
import { serverStrings as s } from './strings.js';

/** The largest body a request without a session cookie may send. */
export const ANONYMOUS_BODY_BYTES = 64 * 1024;
/** The largest body a signed-in request may send, except an upload to /files. */
export const SIGNED_IN_BODY_BYTES = 16 * 1024 * 1024;
/** What a multipart upload adds around the file: boundaries, headers, the case id. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const FILE_ENDPOINT = /^\/(files|exports|documents)(\/|$)/;
const CONSOLE_FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** `64 KB`, `20 MB`: a size as the refusal names it. */
export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Hono's secure headers with the console's policy. Styles may be inline: antd writes its
 * CSS-in-JS into <style> elements and style attributes, on the server and in the browser.
 * Scripts come from this origin or carry the request's nonce (Remix's hydration scripts).
 * No `upgrade-insecure-requests`: a county may serve the console over plain HTTP inside
 * its network.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'same-origin',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  });
}

/** The script nonce of this request's Content-Security-Policy (set by securityHeaders). */
export function cspNonce(c: Context): string | undefined {
  return c.get('secureHeadersNonce');
}

/** The host the browser addressed, read as Remix's action check reads it. */
function addressedHost(c: Context): string {
  const forwarded = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || c.req.header('host') || new URL(c.req.url).host;
}

function isOwnOrigin(origin: string, c: Context): boolean {
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === addressedHost(c);
  } catch {
    return false;
  }
}

function trpcRefusal(c: Context, status: ContentfulStatusCode, code: TRPC_ERROR_CODE_KEY, message: string): Response {
  const procedures = decodeURIComponent(c.req.path.slice('/trpc/'.length)).split(',');
  const one = (path: string) => ({ error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status, path } } });
  return c.json(c.req.query('batch') === '1' ? procedures.map(one) : one(procedures[0] ?? ''), status);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A refusal in the shape its caller reads. */
export function refuse(c: Context, status: ContentfulStatusCode, code: TRPC_ERROR_CODE_KEY, message: string): Response {
  if (c.req.path.startsWith('/trpc/')) return trpcRefusal(c, status, code, message);
  if (FILE_ENDPOINT.test(c.req.path)) return c.json({ error: { message, code } }, status);
  return c.html(
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${s.refusedTitle}</title>` +
      `<p>${escapeHtml(message)}</p><p><a href="/">${s.backHome}</a></p></html>`,
    status,
  );
}

function sameOriginWrites(): MiddlewareHandler {
  // Sec-Fetch-Site alone is not enough here: Remix compares the Origin itself, so a write
  // whose Origin does not match is refused whatever Sec-Fetch-Site says.
  const forms = csrf({ origin: isOwnOrigin, secFetchSite: () => false });
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    let formAllowed = false;
    try {
      await forms(c, async () => {
        formAllowed = true;
      });
    } catch (err) {
      if (!(err instanceof HTTPException) || err.status !== 403) throw err;
    }
    const origin = c.req.header('origin');
    if (!formAllowed || (origin !== undefined && !isOwnOrigin(origin, c))) return refuse(c, 403, 'FORBIDDEN', s.crossSiteRefused);
    return next();
  };
}

function jsonOnlyTrpc(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE', s.trpcJsonOnly);
    }
    return next();
  };
}

function sizeLimits(maxUploadBytes: number): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    const signedIn = getCookie(c, SESSION_COOKIE) !== undefined;
    const upload = signedIn && c.req.path === '/files';
    const maxSize = !signedIn ? ANONYMOUS_BODY_BYTES : upload ? maxUploadBytes + MULTIPART_OVERHEAD_BYTES : SIGNED_IN_BODY_BYTES;
    const message = upload ? s.uploadTooLarge(sizeLabel(maxUploadBytes)) : s.bodyTooLarge(sizeLabel(maxSize));
    return bodyLimit({ maxSize, onError: (c) => refuse(c, 413, 'PAYLOAD_TOO_LARGE', message) })(c, next);
  };
}

function consoleForms(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method) || c.req.path.startsWith('/trpc/') || FILE_ENDPOINT.test(c.req.path)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!CONSOLE_FORM.test(type)) return refuse(c, 415, 'UNSUPPORTED_MEDIA_TYPE', s.consoleFormOnly);
    if (/^multipart\//i.test(type)) {
      // A copy is parsed, so the console still reads the request's own body.
      try {
        await c.req.raw.clone().formData();
      } catch {
        return refuse(c, 400, 'BAD_REQUEST', s.badFormBody);
      }
    }
    return next();
  };
}

/** Mounts the checks in the order a request meets them: origin, content type, size, form. */
export function mountRequestGuards(app: Hono, opts: { maxUploadBytes: number }): void {
  app.use('*', sameOriginWrites());
  app.use('/trpc/*', jsonOnlyTrpc());
  app.use('*', sizeLimits(opts.maxUploadBytes));
  app.use('*', consoleForms());
}
