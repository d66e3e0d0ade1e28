import { describe, expect, it } from 'vitest';
import { Rng, seedOf } from './prng.js';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(new Rng(42), 20)).toEqual(draw(new Rng(42), 20));
  });

  it('draws different sequences for different seeds', () => {
    expect(draw(new Rng(1), 5)).not.toEqual(draw(new Rng(2), 5));
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draw(new Rng(7), 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('draws integers within both bounds', () => {
    const rng = new Rng(3);
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('never picks a key of zero weight and picks the others in proportion', () => {
    const rng = new Rng(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 3, b: 1, never: 0 })]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('draws UUIDs of version 4 shape', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 100; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('seedOf', () => {
  it('gives a named stream the same seed every time and another name another seed', () => {
    expect(seedOf('county', 3)).toBe(seedOf('county', 3));
    expect(seedOf('county', 3)).not.toBe(seedOf('county', 4));
  });
});
