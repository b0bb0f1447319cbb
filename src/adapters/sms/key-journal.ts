// An append-only JSON-lines file of records keyed by SMS idempotency key, readable by several processes: each
// look-up first reads whatever other writers appended since the last one, so the latest record per key is known.
// A record is written with one append before the caller acts on it; a process crash after the append keeps it.
import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

const NEWLINE = 0x0a;

export class KeyJournal<T extends { key: string }> {
  private offset = 0;
  private readonly latest = new Map<string, T>();

  constructor(readonly path: string) {}

  async lookup(key: string): Promise<T | undefined> {
    await this.catchUp();
    return this.latest.get(key);
  }

  async append(record: T): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(record)}\n`, 'utf8');
  }

  private async catchUp(): Promise<void> {
    let file;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const { size } = await file.stat();
      if (size <= this.offset) return;
      const chunk = Buffer.alloc(size - this.offset);
      await file.read(chunk, 0, chunk.length, this.offset);
      // Only whole lines: a line another process is still writing is read next time.
      const end = chunk.lastIndexOf(NEWLINE) + 1;
      for (const line of chunk.subarray(0, end).toString('utf8').split('\n')) {
        if (!line) continue;
        const record = JSON.parse(line) as T;
        this.latest.set(record.key, record);
      }
      this.offset += end;
    } finally {
      await file.close();
    }
  }
}
