import { describe, expect, it } from 'vitest';
import { generatePopulation, type ChunkTransaction } from '../../../src/demo/generate/generate-population.ts';
import type { ScaleSpec } from '../../../src/demo/generate/scales.ts';
import { cipher, HashingWriter, params } from './support.ts';

// Three chunks of units, with people (their person numbers and ID numbers run on across units) and the demo people.
const SCALE: ScaleSpec = { units: 2_500, regions: 'weihai', people: { persons: 6_000 }, demoPeople: true };

describe('generatePopulation resumed after an interruption', () => {
  it('writes, across the interrupted and the resumed run, the rows of one uninterrupted run', async () => {
    const whole = new HashingWriter(cipher);
    await generatePopulation({ scale: SCALE, seed: 3, writer: whole, cipher, params });

    const pieced = new HashingWriter(cipher);
    let unitsWritten = 0;
    let chunks = 0;
    const failingThirdChunk: ChunkTransaction = async (work) => {
      if (++chunks === 3) throw new Error('connection lost');
      await work({
        copyRows: async (table, columns, rows) => {
          if (table === 'units') unitsWritten += rows.length;
          await pieced.copyRows(table, columns, rows);
        },
      });
    };
    await expect(
      generatePopulation({ scale: SCALE, seed: 3, chunkTransaction: failingThirdChunk, cipher, params }),
    ).rejects.toThrow('connection lost');
    expect(unitsWritten).toBeGreaterThan(0);
    expect(unitsWritten).toBeLessThan(SCALE.units);

    const progress: number[] = [];
    const counts = await generatePopulation({
      scale: SCALE,
      seed: 3,
      writer: pieced,
      cipher,
      params,
      resumeFrom: unitsWritten,
      onProgress: (table, done) => void (table === 'units' && progress.push(done)),
    });
    expect(counts.units).toBe(SCALE.units - unitsWritten);
    expect(progress[0]).toBeGreaterThan(unitsWritten);
    expect(progress.at(-1)).toBe(SCALE.units);
    expect(pieced.hex()).toEqual(whole.hex());
  });
});
