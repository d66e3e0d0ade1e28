// The console's loader and action helpers: the shared route kit (@zhengfa/ui) typed with the
// kernel's caller from the load context, in the (context, request, fn) form its pages use.
import type { AppLoadContext } from '@remix-run/server-runtime';
import { createRouteKit, type ActionResult } from '@zhengfa/ui';

export type Caller = AppLoadContext['trpc'];
export type { ActionResult };

export const kit = createRouteKit<Caller>();

/** Runs tRPC calls for a loader; failures become a redirect to sign-in or an error page. */
export function load<T>(context: AppLoadContext, request: Request, fn: (trpc: Caller) => Promise<T>): Promise<T> {
  return kit.load({ context, request }, fn);
}

/**
 * Runs a mutation for an action: success gives the Chinese confirmation, a refusal the
 * server's Chinese message (shown next to the form). Signed-out users go to sign-in.
 */
export function mutate<T>(context: AppLoadContext, intent: string, successMessage: string, fn: (trpc: Caller) => Promise<T>, opts: { signIn?: boolean } = {}): Promise<ActionResult<T>> {
  return kit.mutate({ context }, intent, successMessage, fn, opts);
}

export { badForm, form } from '@zhengfa/ui';

/** A positive integer from the URL, else the fallback. */
export function pageParam(url: URL, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number.parseInt(url.searchParams.get(name) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}
