// Looks for known numbers (bank accounts, ID numbers) anywhere in a folder's files or in a byte dump: every run of
// digits in the bytes is cut into windows of each needle's length and looked up, so a needle is found wherever it
// stands, whatever surrounds it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function numbersIn(bytes: Buffer, needles: ReadonlySet<string>): string[] {
  const lengths = [...new Set([...needles].map((n) => n.length))];
  const found = new Set<string>();
  for (const [run] of bytes.toString('latin1').matchAll(/\d{6,}/g)) {
    for (const length of lengths) {
      for (let at = 0; at + length <= run.length; at++) {
        const window = run.slice(at, at + length);
        if (needles.has(window)) found.add(window);
      }
    }
  }
  return [...found];
}

/** The needles found in any file under `folder`, with the file they were found in. */
export async function numbersInFolder(folder: string, needles: ReadonlySet<string>): Promise<{ file: string; number: string }[]> {
  const hits: { file: string; number: string }[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    for (const number of numbersIn(await readFile(file), needles)) hits.push({ file, number });
  }
  return hits;
}
