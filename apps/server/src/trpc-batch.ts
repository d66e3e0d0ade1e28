// What one HTTP request may carry to /trpc. tRPC batches calls (`/trpc/a,b,c?batch=1`); left
// unbounded, one request carried 500 sign-ins past any limit counted per request. A batch
// holds at most MAX_BATCH_CALLS calls, and sign-in's router (`auth.*`) is never batched:
// each of its calls is a request of its own, counted and answered on its own.
import type { TRPCRequestInfo } from '@trpc/server/http';
import { serverStrings } from './strings.js';

/** The console's browser client batches no more than this (apps/admin/app/lib/trpc.client.ts). */
export const MAX_BATCH_CALLS = 10;

/** Why the request's calls may not be answered together, or null when they may. */
export function batchRefusal(info: Pick<TRPCRequestInfo, 'isBatchCall' | 'calls'>): string | null {
  if (!info.isBatchCall) return null;
  if (info.calls.length > MAX_BATCH_CALLS) return serverStrings.batchTooLarge(MAX_BATCH_CALLS);
  if (info.calls.some((call) => call.path === 'auth' || call.path.startsWith('auth.'))) return serverStrings.batchedAuth;
  return null;
}
