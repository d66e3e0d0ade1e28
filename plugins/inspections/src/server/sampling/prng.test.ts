import { describe, expect, it } from 'vitest';
import { choose, hashSeed } from './prng.js';

describe('seeded choice', () => {
  const files = Array.from({ length: 20 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`);

  it('draws the same items for the same seed', () => {
    expect(choose(files, 5, '2026-评查|刑事')).toEqual(choose(files, 5, '2026-评查|刑事'));
  });

  it('draws a different sample for another seed', () => {
    expect(choose(files, 5, 'A')).not.toEqual(choose(files, 5, 'B'));
  });

  it('never draws more than there are, nor one item twice', () => {
    const all = choose(files, 30, 'x');
    expect([all.length, new Set(all).size]).toEqual([20, 20]);
  });

  it('hashes text to a fixed 32-bit number', () => {
    expect(hashSeed('')).toBe(2166136261);
  });
});
