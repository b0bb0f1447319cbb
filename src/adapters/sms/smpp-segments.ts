// Splits a message into SMPP short_message parts in UCS-2 (data_coding 8), the encoding Chinese text needs.
// One SMS carries 140 octets: 70 UCS-2 characters, or 67 per part of a longer message, whose parts carry a
// concatenation UDH (3GPP TS 23.040 §9.2.3.24.1: IEI 00, length 3, reference, total parts, part number).
// A surrogate pair is never split between parts.

export const UCS2_DATA_CODING = 0x08;
export const ESM_CLASS_UDHI = 0x40;
const SINGLE_UNITS = 70;
const PART_UNITS = 67;
const MAX_PARTS = 255;

export interface SmppPart {
  /** The concatenation header, absent for a message that fits one SMS. */
  udh?: Buffer;
  /** The text of this part in UCS-2 big-endian. */
  text: Buffer;
}

export function encodeUcs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

export function decodeUcs2(bytes: Buffer): string {
  return Buffer.from(bytes).swap16().toString('utf16le');
}

function splitUnits(text: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/** `reference` (0–255) identifies the parts of one message; keep it the same when the message is sent again. */
export function ucs2Parts(text: string, reference: number): SmppPart[] {
  if (text.length <= SINGLE_UNITS) return [{ text: encodeUcs2(text) }];
  const pieces = splitUnits(text, PART_UNITS);
  if (pieces.length > MAX_PARTS) throw new RangeError(`message too long for ${MAX_PARTS} SMS parts`);
  return pieces.map((piece, i) => ({
    udh: Buffer.of(0x05, 0x00, 0x03, reference & 0xff, pieces.length, i + 1),
    text: encodeUcs2(piece),
  }));
}
