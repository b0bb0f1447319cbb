// A small seeded pseudo-random generator (sfc32, Chris Doty-Humphrey's "small fast counting" generator) so the
// same seed yields the same population, byte for byte. Only integer and basic IEEE arithmetic is used (no Math.log,
// Math.exp or Math.pow, whose last bits may differ between engines).

const TWO_POW_32 = 4294967296;

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max] skewed towards min: the uniform draw is raised to `power` (1 = uniform). */
  skewedInt(min: number, max: number, power: number): number {
    const u = this.next();
    let skewed = u;
    for (let i = 1; i < power; i++) skewed *= u;
    return min + Math.floor(skewed * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the entries, each with a relative weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` digits as a string. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }
}

/** Splits a seed (any safe integer) into two 32-bit words. */
function seedWords(seed: number): [number, number] {
  const low = seed % TWO_POW_32;
  return [low >>> 0, Math.floor((seed - low) / TWO_POW_32) >>> 0];
}

/**
 * An independent generator for (seed, key1, key2, …): e.g. one per unit and purpose, so each unit's data depends
 * only on the seed and its own keys, not on how many draws other units made.
 */
export function rngFor(seed: number, ...keys: readonly number[]): Rng {
  const [low, high] = seedWords(seed);
  let h = mix32(low ^ 0x9e3779b9) ^ mix32(high + 0x7f4a7c15);
  for (const key of keys) h = mix32((h ^ mix32(key >>> 0)) + 0x632be5ab);
  return new Rng(h, mix32(h ^ 0x85ebca6b), mix32(h ^ 0xc2b2ae35), mix32(h ^ 0x27d4eb2f));
}
