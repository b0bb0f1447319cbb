import { describe, expect, it } from 'vitest';
import { generatePopulation, GENERATED_TABLES } from '../../../src/demo/generate/generate-population.ts';
import type { ScaleSpec } from '../../../src/demo/generate/scales.ts';
import { cipher, generateInMemory, HashingWriter, params } from './support.ts';

const SMALL: ScaleSpec = { units: 800, regions: 'weihai', people: { persons: 8_000 }, demoPeople: true };

async function digests(seed: number, scale: ScaleSpec = SMALL) {
  const writer = new HashingWriter(cipher);
  const counts = await generatePopulation({ scale, seed, writer, cipher, params });
  return { counts, digests: writer.hex() };
}

describe('generatePopulation determinism', () => {
  it('writes identical rows for the same seed and different rows for another seed', async () => {
    const first = await digests(11);
    const again = await digests(11);
    const other = await digests(12);
    expect(again).toEqual(first);
    for (const table of ['units', 'persons', 'unit_payments', 'unit_headcounts', 'certificates'] as const) {
      expect(other.digests[table]).not.toBe(first.digests[table]);
    }
    expect(Object.keys(first.digests).sort()).toEqual([...GENERATED_TABLES].sort());
  });

  it('reports progress per chunk up to the totals, and counts what it wrote', async () => {
    const seen: [string, number, number][] = [];
    const writer = new HashingWriter(cipher);
    const counts = await generatePopulation({
      scale: SMALL,
      seed: 5,
      writer,
      cipher,
      params,
      onProgress: (table, done, total) => seen.push([table, done, total]),
    });
    expect(seen.at(-2)).toEqual(['units', 800, 800]);
    expect(seen.at(-1)).toEqual(['persons', counts.persons, counts.persons]);
    expect(counts.units).toBe(800);
  });

  it('spreads a province over all sixteen Shandong cities, Weihai by its seven areas', async () => {
    const writer = await generateInMemory({ units: 4_000, regions: 'shandong', people: { unitShare: 0.05 } }, 3);
    const regions = new Set(writer.rows('units').map((u) => u.region_code as string));
    for (const city of [
      '370100',
      '370200',
      '370300',
      '370400',
      '370500',
      '370600',
      '370700',
      '370800',
      '370900',
      '371100',
      '371300',
      '371400',
      '371500',
      '371600',
      '371700',
    ]) {
      expect(regions).toContain(city);
    }
    expect([...regions].filter((r) => r.startsWith('3710')).length).toBeGreaterThanOrEqual(5);
    expect(regions).not.toContain('371000');
    // About 5% of units get their people (plus every labour-dispatch unit).
    const current = writer.rows('insurance_spells').filter((s) => s.to_period === null || (s.to_period as string) >= '2022-12');
    const withPeople = new Set(current.map((s) => s.unit_id));
    expect(withPeople.size / 4_000).toBeGreaterThan(0.04);
    expect(withPeople.size / 4_000).toBeLessThan(0.15);
  });

  it('rejects a seed that is not a non-negative integer', async () => {
    await expect(
      generatePopulation({ scale: SMALL, seed: -1, writer: new HashingWriter(cipher), cipher, params }),
    ).rejects.toThrow(RangeError);
  });
});
