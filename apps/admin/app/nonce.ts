// The script nonce of the page's Content-Security-Policy. The server makes a new one per
// request (apps/server/src/request-guards.ts) and hands it over in the load context;
// entry.server provides it to the render, entry.client reads it back from the page's own
// scripts (a browser hides the nonce attribute but keeps the property), so Remix's inline
// scripts carry it and the first client render matches the server's.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/** The nonce the server gave this page's scripts, read in the browser. */
export function pageNonce(doc: Document): string | undefined {
  return doc.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined;
}
