import { describe, expect, it } from 'vitest';
import { decodeUcs2, ucs2Parts } from '../../../src/adapters/sms/smpp-segments.ts';

describe('SMPP UCS-2 parts', () => {
  it('sends a short Chinese text as one part without a header', () => {
    const parts = ucs2Parts('【威海人社】您的验证码为123456。', 9);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.udh).toBeUndefined();
    expect(decodeUcs2(parts[0]!.text)).toBe('【威海人社】您的验证码为123456。');
  });

  it('splits a long text into numbered parts of at most 140 octets that join back to the text', () => {
    const text = '【威海人社】'.padEnd(150, '稳岗返还') + '𠀀结束';
    const parts = ucs2Parts(text, 200);
    expect(parts.length).toBe(3);
    parts.forEach((part, i) => {
      expect([...part.udh!]).toEqual([0x05, 0x00, 0x03, 200, 3, i + 1]);
      expect(part.udh!.length + part.text.length).toBeLessThanOrEqual(140);
    });
    expect(parts.map((p) => decodeUcs2(p.text)).join('')).toBe(text);
  });

  it('never cuts a character outside the basic plane in half', () => {
    const text = `${'稳'.repeat(66)}𠀀${'岗'.repeat(10)}`;
    const parts = ucs2Parts(text, 1).map((p) => decodeUcs2(p.text));
    expect(parts[0]).toBe('稳'.repeat(66));
    expect(parts[1]!.startsWith('𠀀')).toBe(true);
  });
});
