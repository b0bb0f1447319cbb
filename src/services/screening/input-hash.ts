// The fingerprint of a decision's input: sha256 over the input as canonical JSON (object keys sorted, no spaces) and
// the parameter version, so two runs on the same data and parameters give the same hash and any change shows.
import { createHash } from 'node:crypto';

/** Sorted key lists by object shape: a screening hashes millions of objects of a handful of shapes. */
const sortedByShape = new Map<string, string[]>();
const MAX_SHAPES = 1_000;

function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  const shape = keys.join('\0');
  let sorted = sortedByShape.get(shape);
  if (!sorted) {
    sorted = [...keys].sort();
    if (sortedByShape.size < MAX_SHAPES) sortedByShape.set(shape, sorted);
  }
  return sorted;
}

/** JSON with object keys in sorted order at every level; undefined members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(record)) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

export function inputHash(input: unknown, policyVersion: string): string {
  return createHash('sha256').update(canonicalJson(input)).update('\0').update(policyVersion).digest('hex');
}
