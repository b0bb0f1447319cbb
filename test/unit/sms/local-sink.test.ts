import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localSinkProvider } from '../../../src/adapters/sms/local-sink.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('local SMS sink', () => {
  it('logs each message once as a JSON line with the number masked, even across processes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wengang-sink-'));
    const log = join(dir, 'data', 'sms.log');
    const at = () => new Date('2024-10-08T01:00:00Z');
    const first = await localSinkProvider(log, at).send({ to: '13863100001', body: '【威海人社】测试', idempotencyKey: 'k1' });
    // A second provider instance stands for another process reading the same log.
    const again = await localSinkProvider(log, at).send({ to: '13863100001', body: '【威海人社】测试', idempotencyKey: 'k1' });
    await localSinkProvider(log, at).send({ to: '13900000002', body: '第二条', idempotencyKey: 'k2' });
    expect(again).toEqual(first);
    const lines = (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { key: 'k1', messageId: first.messageId, to: '138****0001', body: '【威海人社】测试', at: '2024-10-08T01:00:00.000Z' },
      { key: 'k2', messageId: expect.any(String), to: '139****0002', body: '第二条', at: '2024-10-08T01:00:00.000Z' },
    ]);
    expect(lines[1].messageId).not.toBe(first.messageId);
  });
});
