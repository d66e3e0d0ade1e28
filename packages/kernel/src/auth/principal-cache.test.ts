import { describe, expect, it } from 'vitest';
import { createPrincipalCache } from './principal-cache.js';

describe('principal cache', () => {
  it('returns a principal within its time to live', () => {
    const cache = createPrincipalCache<string>({ ttlMs: 2000 });
    cache.set('s1', 'alice', 10_000);
    expect(cache.get('s1', 11_999)).toBe('alice');
  });

  it('forgets a principal once its time to live has passed', () => {
    const cache = createPrincipalCache<string>({ ttlMs: 2000 });
    cache.set('s1', 'alice', 10_000);
    expect(cache.get('s1', 12_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not serve a principal to a request dated before it was read', () => {
    const cache = createPrincipalCache<string>({ ttlMs: 2000 });
    cache.set('s1', 'alice', 10_000);
    expect(cache.get('s1', 9_000)).toBeUndefined();
  });

  it('drops the oldest entries beyond its size limit', () => {
    const cache = createPrincipalCache<string>({ maxEntries: 2 });
    cache.set('s1', 'a', 1);
    cache.set('s2', 'b', 2);
    cache.set('s1', 'a again', 3);
    cache.set('s3', 'c', 4);
    expect([cache.get('s1', 5), cache.get('s2', 5), cache.get('s3', 5)]).toEqual(['a again', undefined, 'c']);
  });
});
