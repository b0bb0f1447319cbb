// The agency's script path: `wengang notify send`, `confirm <token>`, `confirm <token> --code`, with the default
// local sink (data folder sms.log) on PGlite.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { runConfirm } from '../../../src/cli/commands/confirm.ts';
import { runNotify } from '../../../src/cli/commands/notify.ts';
import { codeInBody, seedCases, tokenInBody } from '../../support/sms-fixtures.ts';

let dir = '';
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wengang-notify-cli-'));
  Object.assign(process.env, {
    WENGANG_DATA: join(dir, 'data'),
    WENGANG_NOW: '2024-09-27T10:00:00+08:00',
    WENGANG_BASE_URL: 'https://wengang.example.cn',
  });
  delete process.env.DATABASE_URL;
  delete process.env.WENGANG_SMS;
  const store = await openStore({ dataDir: join(dir, 'data', 'pglite') });
  await seedCases(store.db);
  await store.close();
});

afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

async function run(command: (args: string[]) => Promise<number>, args: string[]): Promise<unknown> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await command(args)).toBe(0);
    return JSON.parse(out.mock.calls.map((c) => String(c[0])).join(''));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function smsLog(): Promise<{ key: string; to: string; body: string }[]> {
  return (await readFile(join(dir, 'data', 'sms.log'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('wengang notify / confirm', () => {
  it('notifies, then confirms with the token and the texted code', async () => {
    const sent = await run(runNotify, ['send', '--json']);
    expect(sent).toMatchObject({
      notified: 2,
      manual: [{ reason: '无手机号码，需人工联系' }],
      delivery: { sent: 2, retrying: 0, failed: 0 },
    });
    const log = await smsLog();
    expect(log.map((l) => l.to)).toEqual(['138****0001', '138****0002']);
    const token = tokenInBody(log[0]!.body);

    expect(await run(runNotify, ['unconfirmed', '--json'])).toHaveLength(2);
    expect(await run(runConfirm, [token, '--json'])).toMatchObject({ amountYuan: '12,345.67', phoneMasked: '138****0001' });
    const code = codeInBody((await smsLog()).at(-1)!.body);
    expect(await run(runConfirm, [token, '--code', code, '--json'])).toMatchObject({ amountYuan: '12,345.67' });
    expect(await run(runNotify, ['unconfirmed', '--json'])).toHaveLength(1);
    await expect(runConfirm([token, '--code', code])).rejects.toMatchObject({
      zh: '您单位已确认本次稳岗返还，无需重复确认',
      exitCode: 3,
    });
  });
});
