import { describe, expect, it } from 'vitest';
import { type Rng, rngFor } from '../../../src/demo/generate/prng.ts';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uint32());

describe('seeded generator', () => {
  it('repeats its sequence for the same seed and keys, and changes it for another seed or key', () => {
    expect(draws(rngFor(42, 1, 7), 50)).toEqual(draws(rngFor(42, 1, 7), 50));
    expect(draws(rngFor(42, 1, 7), 50)).not.toEqual(draws(rngFor(43, 1, 7), 50));
    expect(draws(rngFor(42, 1, 7), 50)).not.toEqual(draws(rngFor(42, 1, 8), 50));
    expect(draws(rngFor(2 ** 40, 1), 10)).not.toEqual(draws(rngFor(0, 1), 10));
  });

  it('draws integers within the bounds, reaching both ends, roughly uniformly', () => {
    const rng = rngFor(1);
    const seen = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const n = rng.int(3, 8);
      seen.set(n, (seen.get(n) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    for (const count of seen.values()) expect(count).toBeGreaterThan(9_000);
  });

  it('honours weights and chances', () => {
    const rng = rngFor(2);
    let heavy = 0;
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
      if (rng.chance(0.25)) hits++;
    }
    expect(heavy / 20_000).toBeCloseTo(0.9, 1);
    expect(hits / 20_000).toBeCloseTo(0.25, 1);
  });
});
