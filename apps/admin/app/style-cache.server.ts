// antd's CSS-in-JS computes a component's styles the first time a render asks for them:
// it merges the theme's tokens (several hundred keys, per component), builds the style
// objects, serialises them through stylis and hashes them. With a fresh cache per request
// every page paid all of that again: about three quarters of the server's time on the
// ledger page (128 ms of a 1-client render at a million matters, 29 ms without it).
//
// Those styles depend only on the theme and the component: their cache keys carry the
// token's hash and the component's prefix, so one computed entry is right for every
// request. `StyleCaches` keeps them for the process; each request still gets a cache of
// its own that records which entries its render used, so `extractStyle` puts exactly that
// page's CSS into its <head>, as it did before.
import { createCache } from '@ant-design/cssinjs';

export type StyleCache = ReturnType<typeof createCache>;

/** Beyond this many entries the process-wide cache starts again (a theme per request would otherwise grow it). */
export const SHARED_STYLE_ENTRIES_MAX = 5_000;

export class StyleCaches {
  private shared = createCache();

  constructor(private readonly maxEntries = SHARED_STYLE_ENTRIES_MAX) {}

  /** Entries computed so far in this process. */
  get size(): number {
    return this.shared.cache.size;
  }

  /**
   * A cache for one render: it starts empty, so extraction sees only what this render used,
   * and an entry another render already computed is taken instead of being computed again.
   */
  forRequest(): StyleCache {
    if (this.shared.cache.size > this.maxEntries) this.shared = createCache();
    const shared = this.shared;
    const cache = createCache();
    cache.opUpdate = (key, valueFn) => {
      const next = valueFn(cache.cache.get(key) ?? shared.opGet(key));
      if (next === null) {
        cache.cache.delete(key);
      } else {
        cache.cache.set(key, next);
        shared.cache.set(key, next);
      }
    };
    return cache;
  }
}
