// What apps/server hands every console request. Type-only: the console never imports the
// kernel at runtime; it talks to it through this in-process tRPC caller.
import type { KernelRouter } from '@zhengfa/kernel';

export interface AdminLoadContext {
  /** In-process tRPC caller bound to the request's session cookie. */
  trpc: ReturnType<KernelRouter['createCaller']>;
  /** The script nonce of the response's Content-Security-Policy (nonce.ts). */
  cspNonce?: string;
}

declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AdminLoadContext {}

  interface Future {
    v3_singleFetch: true;
  }
}
