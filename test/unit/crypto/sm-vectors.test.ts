import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/adapters/crypto/sm3.ts';

// Published examples: GB/T 32905-2016 (SM3) Appendix A, GB/T 32907-2016 (SM4) Appendix A.
describe('SM3 against GB/T 32905-2016', () => {
  it('hashes "abc" (example 1)', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes "abcd" × 16, a full 64-byte block (example 2)', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM4 against GB/T 32907-2016', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const ecb = () => {
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    return cipher;
  };

  it('encrypts one block with plaintext = key (example 1)', () => {
    expect(ecb().update(key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('encrypts the same block 1,000,000 times (example 2)', () => {
    const cipher = ecb();
    let block = Buffer.from(key);
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});
