// Loader and action helpers around the in-process caller: a failed load becomes a
// redirect to sign-in or an error page; a failed mutation becomes the server's Chinese
// message for the form.
import { data, redirect } from '@remix-run/react';
import { callersOf, type Callers, type RouteArgs } from './api.js';
import { callErrorOf } from '@zhengfa/ui';
import { strings } from '../strings.js';

export type ActionResult<T = unknown> =
  | { ok: true; intent: string; message: string; result?: T }
  | { ok: false; intent: string; code: string; error: string };

function loginRedirect(request?: Request): Response {
  if (!request) return redirect('/login');
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

function failure(err: unknown, request: Request): unknown {
  const e = callErrorOf(err);
  if (!e) return err;
  if (e.code === 'UNAUTHORIZED') return loginRedirect(request);
  const status = e.code === 'FORBIDDEN' ? 403 : e.code === 'NOT_FOUND' ? 404 : e.code === 'BAD_REQUEST' ? 400 : 500;
  return data({ message: e.message }, { status });
}

/** Runs calls for a loader. */
export async function load<T>(args: Pick<RouteArgs, 'context' | 'request'>, fn: (c: Callers) => Promise<T>): Promise<T> {
  try {
    return await fn(callersOf(args.context));
  } catch (err) {
    throw failure(err, args.request);
  }
}

/** The signed-in user, or a redirect to sign-in; a missing permission answers 403. */
export async function requirePermission(c: Callers, request: Request, ...anyOf: string[]) {
  const me = await c.kernel.auth.me();
  if (!me) throw loginRedirect(request);
  if (anyOf.length && !anyOf.some((p) => me.user.permissions.includes(p))) throw data({ message: strings.error.forbidden }, { status: 403 });
  return me.user;
}

/** Runs a mutation for an action: the Chinese confirmation, or the server's refusal. */
export async function mutate<T>(args: Pick<RouteArgs, 'context'>, intent: string, successMessage: string, fn: (c: Callers) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const result = await fn(callersOf(args.context));
    return { ok: true, intent, message: successMessage, result };
  } catch (err) {
    const e = callErrorOf(err);
    if (!e) throw err;
    if (e.code === 'UNAUTHORIZED') throw loginRedirect();
    return { ok: false, intent, code: e.code, error: e.message };
  }
}

export function badForm(intent: string, message: string = strings.error.unknown): ActionResult<never> {
  return { ok: false, intent, code: 'BAD_REQUEST', error: message };
}

/** Reading typed values from submitted forms (shared through @zhengfa/ui). */
export { form } from '@zhengfa/ui';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
