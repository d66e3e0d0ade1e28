// The browser's tRPC client: calls /trpc over HTTP with the session cookie.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { KernelRouter } from '@zhengfa/kernel';

let client: ReturnType<typeof createTRPCClient<KernelRouter>> | null = null;

export function browserTrpc() {
  // The server answers at most 10 calls in one batch (apps/server/src/trpc-batch.ts).
  client ??= createTRPCClient<KernelRouter>({ links: [httpBatchLink({ url: '/trpc', maxItems: 10 })] });
  return client;
}
