// The browser's tRPC client: calls /trpc over HTTP with the session cookie.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { KernelRouter } from '@zhengfa/kernel';

let client: ReturnType<typeof createTRPCClient<KernelRouter>> | null = null;

export function browserTrpc() {
  client ??= createTRPCClient<KernelRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
  return client;
}
