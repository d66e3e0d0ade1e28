// Whether React runs in the browser yet. A page is first rendered on the server and shown
// before its scripts run (or, with JavaScript off, without them): what only works with
// JavaScript waits for this, and what stands in for it renders until then.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False on the server and while hydrating, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
