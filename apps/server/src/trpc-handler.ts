// The kernel's tRPC router mounted on Hono, over tRPC's fetch adapter.
//
// tRPC reads `req.signal` on every call, so that a procedure whose caller went away can
// stop. On @hono/node-server that one read turns the lightweight request into a complete
// Fetch Request (URL parsed, headers copied, body wrapped in a stream, a second abort
// controller), which nothing else here uses: about a twentieth of the server's thread on
// the ledger. tRPC is handed the lightweight request instead, with a signal of its own
// that aborts when node-server's would: the response's connection closed before the
// answer was written. Bodies are read through Hono (as @hono/trpc-server does), so a
// middleware that read the body first does not leave tRPC an empty stream.
import type { ServerResponse } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import { fetchRequestHandler, type FetchCreateContextFnOptions, type FetchHandlerRequestOptions } from '@trpc/server/adapters/fetch';
import type { Context, MiddlewareHandler } from 'hono';

const bodyReaders = new Set<PropertyKey>(['arrayBuffer', 'blob', 'formData', 'json', 'text']);

/** A signal aborted when `outgoing` closes before its response finished. */
function closedEarlySignal(outgoing: ServerResponse): AbortSignal {
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort(new Error('Client connection prematurely closed.'));
  });
  return controller.signal;
}

/** The request as tRPC reads it: Hono's body readers, and on Node a signal without a full Request. */
export function requestForTrpc(c: Context): Request {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  let signal: AbortSignal | undefined;
  return new Proxy(c.req.raw, {
    get(target, prop) {
      if (bodyReaders.has(prop)) return () => (c.req as unknown as Record<PropertyKey, () => Promise<unknown>>)[prop]!();
      if (prop === 'signal' && outgoing) return (signal ??= closedEarlySignal(outgoing));
      return Reflect.get(target, prop, target);
    },
  });
}

export type TrpcHandlerOptions<TRouter extends AnyRouter> = Omit<FetchHandlerRequestOptions<TRouter>, 'req' | 'createContext'> & {
  createContext: (opts: FetchCreateContextFnOptions, c: Context) => unknown;
};

export function trpcHandler<TRouter extends AnyRouter>({ createContext, ...rest }: TrpcHandlerOptions<TRouter>): MiddlewareHandler {
  return (c) =>
    fetchRequestHandler({
      ...rest,
      req: requestForTrpc(c),
      createContext: (opts: FetchCreateContextFnOptions) => createContext(opts, c) as never,
    } as unknown as FetchHandlerRequestOptions<TRouter>);
}
