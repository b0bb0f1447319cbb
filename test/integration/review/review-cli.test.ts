// `wengang review` and `wengang notice` run in-process against a store named by the environment, as a script of an
// agency would run them: --json output, Chinese refusals with exit code 3.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { CliError } from '../../../src/cli/cli-error.ts';
import { runNotice } from '../../../src/cli/commands/notice.ts';
import { runReview } from '../../../src/cli/commands/review.ts';
import { runCommand } from '../../support/run-command.ts';
import { commandEnvFor, storeBackends } from '../../support/store-backends.ts';
import { insertRun, insertUnitWithCase } from '../../support/review-fixtures.ts';

const MAKER = ['--user', '经办员张三', '--role', 'case_worker'];
const CHECKER = ['--user', '复核员李四', '--role', 'reviewer'];

const run = runCommand;

const json = async (command: (args: string[]) => Promise<number>, args: string[]) =>
  JSON.parse((await run(command, [...args, '--json'])).out);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`review and notice commands on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('proposes, approves, publishes, refuses an early close and closes when WENGANG_NOW is past the period', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const run1 = await insertRun(store.db);
      const unit = await insertUnitWithCase(
        store.db,
        run1,
        { name: '命令行公司' },
        { state: 'eligible', amountFen: 123_400, layoffRate: '0.01' },
      );
      await store.close();
      const env = await commandEnvFor(config);
      vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
      vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
      const dir = await mkdtemp(join(tmpdir(), 'wengang-cli-'));
      try {
        vi.stubEnv('WENGANG_NOW', '2024-09-27');
        const batch = await json(runReview, ['propose', '--round', '2024', '--max-amount', '1,234.00', ...MAKER]);
        expect(batch).toMatchObject({ unitCount: 1, totalFen: 123_400 });
        await expect(
          runReview(['approve', '--batch', String(batch.batchId), ...MAKER.slice(0, 2), '--role', 'reviewer']),
        ).rejects.toMatchObject({ zh: expect.stringContaining('复核人不能与提交人为同一人'), exitCode: 3 });
        const approved = await run(runReview, ['approve', '--batch', String(batch.batchId), ...CHECKER]);
        expect(approved.out).toContain(`复核批次 #${batch.batchId} 已通过`);

        const notice = await json(runNotice, ['open', '--batch', String(batch.batchId), ...MAKER]);
        expect(notice).toMatchObject({ openedOn: '2024-09-27', lastDay: '2024-10-09' });
        vi.stubEnv('WENGANG_NOW', '2024-10-09');
        await expect(runNotice(['close', '--notice', String(notice.noticeId), ...MAKER])).rejects.toBeInstanceOf(CliError);
        vi.stubEnv('WENGANG_NOW', '2024-10-10');
        expect(await json(runNotice, ['close', '--due'])).toEqual([{ noticeId: notice.noticeId, passedCount: 1 }]);

        const shown = await run(runNotice, ['show', '--notice', String(notice.noticeId)]);
        expect(shown.out).toContain('命令行公司');
        expect(shown.out).not.toContain(unit.creditCode);
        const path = join(dir, 'notice.xlsx');
        await run(runNotice, ['export', '--notice', String(notice.noticeId), '--out', path]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        expect((workbook.worksheets[0]!.getRow(3).values as unknown[]).slice(1)).toEqual([
          '命令行公司',
          expect.any(String),
          '1%',
          '1,234.00',
        ]);

        const history = await json(runReview, ['history', '--round', '2024', '--unit', String(unit.id)]);
        expect(history.map((e: { action: string }) => e.action)).toEqual(['propose', 'approve', 'publish', 'close_notice']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('asks for the acting user and a note where one is required', async () => {
      await expect(runReview(['approve', '--batch', '1'])).rejects.toMatchObject({ zh: expect.stringContaining('--user') });
      await expect(runReview(['return', '--batch', '1', ...CHECKER])).rejects.toMatchObject({
        zh: expect.stringContaining('退回意见'),
      });
      await expect(runNotice(['frobnicate'])).rejects.toMatchObject({ zh: expect.stringContaining('未知子命令') });
    });
  });
}
