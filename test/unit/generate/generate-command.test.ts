import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../../src/cli/commands/generate.ts';
import { progressPrinter } from '../../../src/cli/progress.ts';
import { CliError } from '../../../src/cli/cli-error.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('wengang generate', () => {
  it('refuses an unknown scale or a seed that is not a non-negative integer, in Chinese and English', async () => {
    await expect(runGenerate(['--scale', 'town'])).rejects.toThrow(CliError);
    await expect(runGenerate(['--scale', 'town'])).rejects.toMatchObject({
      zh: expect.stringContaining('未知规模'),
      exitCode: 2,
    });
    await expect(runGenerate(['--seed=-3'])).rejects.toMatchObject({ zh: expect.stringContaining('种子') });
    await expect(runGenerate(['--seed', '1.5'])).rejects.toMatchObject({ zh: expect.stringContaining('种子') });
    await expect(runGenerate(['--bogus'])).rejects.toThrow(CliError);
  });

  it('prints progress as 生成 单位 done / total (percent), every tenth when not on a terminal', () => {
    const { stream, written } = fakeStream(false);
    const print = progressPrinter(stream);
    for (const done of [1_000, 12_000, 13_000, 25_000, 50_000]) print('units', done, 50_000);
    expect(written).toEqual([
      '生成 单位 1,000 / 50,000 (2%)\n',
      '生成 单位 12,000 / 50,000 (24%)\n',
      '生成 单位 25,000 / 50,000 (50%)\n',
      '生成 单位 50,000 / 50,000 (100%)\n',
    ]);
  });

  it('rewrites one line in place on a terminal', () => {
    const { stream, written } = fakeStream(true);
    progressPrinter(stream)('persons', 30, 60);
    expect(written).toEqual(['\r生成 人员 30 / 60 (50%)\x1b[K']);
  });
});
