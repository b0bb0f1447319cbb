// Test doubles for the generator: a BulkWriter that keeps every row in memory, and a real SM4 cipher.
import { createHash } from 'node:crypto';
import type { BulkWriter, CellValue } from '../../../src/domain/ports/bulk-writer.ts';
import type { FieldCipher } from '../../../src/domain/ports/field-cipher.ts';
import { SmFieldCipher } from '../../../src/adapters/crypto/sm-field-cipher.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { generatePopulation, type GenerateOptions } from '../../../src/demo/generate/generate-population.ts';

export type Row = Record<string, CellValue>;

export class MemoryWriter implements BulkWriter {
  readonly tables = new Map<string, Row[]>();

  async copyRows(table: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]): Promise<void> {
    let list = this.tables.get(table);
    if (!list) this.tables.set(table, (list = []));
    for (const row of rows) list.push(Object.fromEntries(columns.map((c, i) => [c, row[i]!])));
  }

  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }
}

/** Hashes every table's rows as written; ciphertexts (random IVs) are hashed by their plaintext. */
export class HashingWriter implements BulkWriter {
  readonly digests = new Map<string, ReturnType<typeof createHash>>();

  constructor(private readonly cipher: FieldCipher) {}

  async copyRows(table: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]): Promise<void> {
    let hash = this.digests.get(table);
    if (!hash) this.digests.set(table, (hash = createHash('sha256').update(columns.join(','))));
    for (const row of rows) {
      hash.update(
        row
          .map((cell) => (Buffer.isBuffer(cell) ? `enc:${this.cipher.decrypt(cell)}` : `${typeof cell}:${String(cell)}`))
          .join('\t'),
      );
      hash.update('\n');
    }
  }

  hex(): Record<string, string> {
    return Object.fromEntries([...this.digests].map(([table, hash]) => [table, hash.copy().digest('hex')]));
  }
}

export const params = loadParameters();

export const cipher = new SmFieldCipher({
  current: 1,
  keys: { 1: { encKey: Buffer.alloc(16, 1), macKey: Buffer.alloc(32, 2) } },
  indexKey: Buffer.alloc(32, 3),
});

export async function generateInMemory(scale: GenerateOptions['scale'], seed: number): Promise<MemoryWriter> {
  const writer = new MemoryWriter();
  await generatePopulation({ scale, seed, writer, cipher, params });
  return writer;
}
