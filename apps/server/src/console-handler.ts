// Serves the Remix admin console from its production build, in-process: loaders get a
// tRPC caller bound to the request's session, so the console and /trpc share one path
// to the kernel.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestContext } from '@zhengfa/plugin-api';
import type { Kernel } from '@zhengfa/kernel';

export const adminDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../admin');
export const adminServerBuild = path.join(adminDir, 'build/server/index.js');
export const adminClientDir = path.join(adminDir, 'build/client');

/** `nonce` is the script nonce of the response's Content-Security-Policy (request-guards.ts). */
export type ConsoleHandler = (request: Request, ctx: RequestContext, nonce?: string) => Promise<Response>;

export async function loadConsoleHandler(kernel: Kernel): Promise<ConsoleHandler | null> {
  if (!existsSync(adminServerBuild)) return null;
  const { createRequestHandler } = await import('@remix-run/server-runtime');
  const build = await import(pathToFileURL(adminServerBuild).href);
  const handle = createRequestHandler(build, 'production');
  return (request, ctx, nonce) => handle(request, { trpc: kernel.createCaller(ctx), cspNonce: nonce } as never);
}
