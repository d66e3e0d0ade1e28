// Loader and action helpers for console pages, the console's own and plugins' alike: a typed
// in-process caller, `load` (a failed call becomes a redirect to sign-in or an error page),
// `mutate` (the Chinese confirmation, or the server's refusal for the form) and
// `requirePermission` (the signed-in user, or sign-in, or the one "no permission" page).
//
// Each page types its own caller: the console against the kernel's router, a plugin against
// its own router plus the few kernel procedures it uses (plugins may not import the kernel):
//   const kit = createRouteKit<KernelCalls & { petitions: PetitionsCaller }>();
import { data, redirect } from '@remix-run/react';
import { callErrorOf } from './call-error.js';
import { uiStrings } from './strings.js';

export interface SignedInUser {
  id: string;
  displayName: string;
  orgName: string;
  permissions: string[];
  mustChangePassword?: boolean;
}

/** The least every console caller offers: who is signed in. */
export interface ConsoleCaller {
  auth: { me(): Promise<{ user: SignedInUser } | null> };
}

/** What a loader receives (Remix's arguments, without the console's own types). */
export interface LoaderArgs {
  request: Request;
  context: unknown;
}

export interface RouteArgs extends LoaderArgs {
  params: Record<string, string | undefined>;
}

export type ActionResult<T = unknown> =
  | { ok: true; intent: string; message: string; result?: T }
  | { ok: false; intent: string; code: string; error: string };

/** A UUID in a URL (a page's `:id`): anything else is a 404 before any call. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sign-in, coming back to this page afterwards. */
export function loginRedirect(request?: Request): Response {
  if (!request) return redirect('/login');
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === '/' || url.pathname === '/login' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The console's 403 page, with the one message for a page the user may not open. */
export function forbiddenPage(): never {
  throw data({ message: uiStrings.forbiddenPage }, { status: 403 });
}

/** A form that does not name a known intent or misses a field the page itself sends. */
export function badForm(intent: string, message: string = uiStrings.callError.unknown): ActionResult<never> {
  return { ok: false, intent, code: 'BAD_REQUEST', error: message };
}

export interface RouteKit<C extends ConsoleCaller> {
  /** The in-process caller bound to this request's session. */
  caller(context: unknown): C;
  /** Runs calls for a loader; failures become a redirect to sign-in or an error page. */
  load<T>(args: LoaderArgs, fn: (c: C) => Promise<T>): Promise<T>;
  /**
   * Runs a mutation for an action: success gives the Chinese confirmation, a refusal the
   * server's Chinese message (shown next to the form). Signed-out users go to sign-in, except
   * where the action is the sign-in itself (`signIn`).
   */
  mutate<T>(args: { context: unknown }, intent: string, successMessage: string, fn: (c: C) => Promise<T>, opts?: { signIn?: boolean }): Promise<ActionResult<T>>;
  /** The signed-in user, or sign-in; without any of `anyOf` (when given), the 403 page. */
  requirePermission(c: C, request: Request, ...anyOf: string[]): Promise<SignedInUser>;
}

async function mustChangePassword(c: ConsoleCaller): Promise<boolean> {
  try {
    return Boolean((await c.auth.me())?.user.mustChangePassword);
  } catch {
    return false;
  }
}

export function createRouteKit<C extends ConsoleCaller>(): RouteKit<C> {
  const caller = (context: unknown) => (context as { trpc: C }).trpc;

  /** Maps a failed call in a loader to what Remix should do: redirect or an error page. */
  async function loaderFailure(c: C, err: unknown, request: Request): Promise<unknown> {
    const e = callErrorOf(err);
    if (!e) return err;
    if (e.code === 'UNAUTHORIZED') return loginRedirect(request);
    // An account with an initial password may call nothing but auth.* until it changes it.
    if (e.code === 'FORBIDDEN' && (await mustChangePassword(c))) return redirect('/account/password');
    const status = e.code === 'FORBIDDEN' ? 403 : e.code === 'NOT_FOUND' ? 404 : e.code === 'BAD_REQUEST' ? 400 : 500;
    return data({ message: e.message }, { status });
  }

  return {
    caller,
    async load(args, fn) {
      const c = caller(args.context);
      try {
        return await fn(c);
      } catch (err) {
        throw await loaderFailure(c, err, args.request);
      }
    },
    async mutate(args, intent, successMessage, fn, opts = {}) {
      try {
        const result = await fn(caller(args.context));
        return { ok: true, intent, message: successMessage, result };
      } catch (err) {
        const e = callErrorOf(err);
        if (!e) throw err;
        // A refused sign-in is an answer to show; anywhere else it means the session ended.
        if (e.code === 'UNAUTHORIZED' && !opts.signIn) throw loginRedirect();
        return { ok: false, intent, code: e.code, error: e.message };
      }
    },
    async requirePermission(c, request, ...anyOf) {
      const me = await c.auth.me();
      if (!me) throw loginRedirect(request);
      if (anyOf.length && !anyOf.some((p) => me.user.permissions.includes(p))) forbiddenPage();
      return me.user;
    },
  };
}
