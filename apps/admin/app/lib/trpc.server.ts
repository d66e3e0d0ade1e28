// Loader and action helpers around the in-process tRPC caller from the load context.
import { data, redirect, type AppLoadContext } from '@remix-run/server-runtime';
import { strings } from '../strings.js';
import { callErrorOf } from './trpc-errors.js';

export type Caller = AppLoadContext['trpc'];

export type ActionResult<T = unknown> =
  | { ok: true; intent: string; message: string; result?: T }
  | { ok: false; intent: string; code: string; error: string };

function loginRedirect(request?: Request): Response {
  if (!request) return redirect('/login');
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === '/' || url.pathname === '/login' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`);
}

async function mustChangePassword(trpc: Caller): Promise<boolean> {
  try {
    const me = await trpc.auth.me();
    return Boolean(me?.user.mustChangePassword);
  } catch {
    return false;
  }
}

/** Maps a failed call in a loader to what Remix should do: redirect or an error page. */
async function loaderFailure(context: AppLoadContext, err: unknown, request?: Request): Promise<unknown> {
  const e = callErrorOf(err);
  if (!e) return err;
  if (e.code === 'UNAUTHORIZED') return loginRedirect(request);
  if (e.code === 'FORBIDDEN' && (await mustChangePassword(context.trpc))) return redirect('/account/password');
  const status = e.code === 'FORBIDDEN' ? 403 : e.code === 'NOT_FOUND' ? 404 : e.code === 'BAD_REQUEST' ? 400 : 500;
  return data({ message: e.message }, { status });
}

/** Runs tRPC calls for a loader; failures become a redirect to sign-in or an error page. */
export async function load<T>(context: AppLoadContext, request: Request, fn: (trpc: Caller) => Promise<T>): Promise<T> {
  try {
    return await fn(context.trpc);
  } catch (err) {
    throw await loaderFailure(context, err, request);
  }
}

/**
 * Runs a mutation for an action: success gives the Chinese confirmation, a refusal gives
 * the server's Chinese message (shown next to the form). Signed-out users go to sign-in.
 */
export async function mutate<T>(
  context: AppLoadContext,
  intent: string,
  successMessage: string,
  fn: (trpc: Caller) => Promise<T>,
  opts: { signIn?: boolean } = {},
): Promise<ActionResult<T>> {
  try {
    const result = await fn(context.trpc);
    return { ok: true, intent, message: successMessage, result };
  } catch (err) {
    const e = callErrorOf(err);
    if (!e) throw err;
    // A refused sign-in is an answer to show; anywhere else it means the session ended.
    if (e.code === 'UNAUTHORIZED' && !opts.signIn) throw loginRedirect();
    return { ok: false, intent, code: e.code, error: e.message };
  }
}

export function badForm(intent: string, message: string = strings.error.unknown): ActionResult<never> {
  return { ok: false, intent, code: 'BAD_REQUEST', error: message };
}

/** Reading typed values from submitted forms (shared through @zhengfa/ui). */
export { form } from '@zhengfa/ui';

/** A positive integer from the URL, else the fallback. */
export function pageParam(url: URL, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number.parseInt(url.searchParams.get(name) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}
