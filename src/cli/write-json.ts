// Writes a large JSON array to a stream element by element, honouring back-pressure.
import type { Writable } from 'node:stream';
import { once } from 'node:events';

export async function writeJsonArray(out: Writable, items: readonly unknown[]): Promise<void> {
  let buffer = '[';
  for (let i = 0; i < items.length; i++) {
    buffer += (i ? ',\n' : '\n') + JSON.stringify(items[i]);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  buffer += items.length ? '\n]\n' : ']\n';
  if (!out.write(buffer)) await once(out, 'drain');
}
