// Makes an XLSX (a zip) depend only on its content: every entry gets the same timestamp and the workbook's
// created/modified properties a given instant, so the same bank instruction exported twice is the same bytes (its
// SHA-256, recorded in bank_files, identifies it). Entries are copied as they are compressed, except docProps/core.xml.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const DEFLATE = 8;
/** 1980-01-01 00:00, the first instant a zip timestamp can hold. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const CORE_PROPERTIES = 'docProps/core.xml';

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

function readEntries(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('not a zip file: bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('not a zip file: bad local header');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.subarray(dataStart, dataStart + compressedSize),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** docProps/core.xml with its dcterms:created and dcterms:modified set to `instant`. */
function withFixedDates(entry: Entry, instant: Date): Entry {
  const xml = (entry.method === DEFLATE ? inflateRawSync(entry.compressed) : entry.compressed).toString('utf8');
  const stamp = instant.toISOString().replace(/\.\d{3}/, '');
  const fixed = Buffer.from(xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`), 'utf8');
  return { name: entry.name, method: DEFLATE, crc: crc32(fixed), compressed: deflateRawSync(fixed), size: fixed.length };
}

function header(entry: Entry, central: boolean, offset: number): Buffer {
  const out = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  const u16 = (value: number) => {
    at = out.writeUInt16LE(value, at);
  };
  const u32 = (value: number) => {
    at = out.writeUInt32LE(value >>> 0, at);
  };
  u32(central ? CENTRAL_HEADER : LOCAL_HEADER);
  if (central) u16(20);
  u16(20);
  u16(UTF8_NAMES);
  u16(entry.method);
  u16(DOS_TIME);
  u16(DOS_DATE);
  u32(entry.crc);
  u32(entry.compressed.length);
  u32(entry.size);
  u16(entry.name.length);
  u16(0);
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  return Buffer.concat([out, entry.name]);
}

/** The same zip with fixed timestamps, no data descriptors or extra fields, and core properties dated `instant`. */
export function canonicalZip(zip: Buffer, instant: Date): Buffer {
  const entries = readEntries(zip).map((entry) =>
    entry.name.toString('utf8') === CORE_PROPERTIES ? withFixedDates(entry, instant) : entry,
  );
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = header(entry, false, 0);
    central.push(header(entry, true, offset));
    parts.push(local, entry.compressed);
    offset += local.length + entry.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
