// `wengang bank`, `wengang reconcile` and `wengang ledger` run in-process against a store named by the environment:
// export to a file, import a return, correct an account (maker-checker), reconcile, and a ledger check that exits 1
// once the ledger is broken.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type StoreConfig } from '../../../src/adapters/store/open-store.ts';
import { CliError } from '../../../src/cli/cli-error.ts';
import { runBank } from '../../../src/cli/commands/bank.ts';
import { runLedger } from '../../../src/cli/commands/ledger.ts';
import { runReconcile } from '../../../src/cli/commands/reconcile.ts';
import { runCommand } from '../../support/run-command.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { insertConfirmedPayments, sendBatch, writeReturnFile } from '../../support/bank-fixtures.ts';

const MAKER = ['--user', '财务王五', '--role', 'finance'];
const CHECKER = ['--user', '财务赵六', '--role', 'finance'];

const run = runCommand;

for (const backend of storeBackends()) {
  let dir = '';

  /** Points the environment at the store; a PGlite store moves to pglite/ of a data folder, where commands look. */
  async function asCommandsSeeIt(config: StoreConfig): Promise<StoreConfig> {
    if ('databaseUrl' in config) {
      vi.stubEnv('DATABASE_URL', config.databaseUrl);
      return config;
    }
    const data = await mkdtemp(join(dir, 'data-'));
    await cp(config.dataDir, join(data, 'pglite'), { recursive: true });
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('WENGANG_DATA', data);
    return { dataDir: join(data, 'pglite') };
  }

  describe.skipIf(backend.skipReason)(`bank, reconcile and ledger commands on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.setup();
      dir = await mkdtemp(join(tmpdir(), 'wengang-bank-cli-'));
    });
    afterAll(async () => {
      await backend.teardown();
      await rm(dir, { recursive: true, force: true });
    });
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('runs a batch from export to reconciliation and correction, then catches a broken ledger', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const [ok, bad] = await insertConfirmedPayments(store.db, [30_000, 40_000]);
      const batchId = await sendBatch(store.db, [ok!.paymentId, bad!.paymentId]);
      await store.close();
      const cliConfig = await asCommandsSeeIt(config);
      vi.stubEnv('WENGANG_NOW', '2024-09-26');

      const out = join(dir, `batch-${backend.name}.csv`);
      const exported = await run(runBank, ['export', '--batch', String(batchId), '--out', out]);
      expect(exported.out).toContain('2 笔，合计 700.00 元');
      expect(await readFile(out, 'utf8')).toContain(`${bad!.paymentId}-1`);

      const returned = await writeReturnFile(join(dir, `return-${backend.name}.csv`), [
        [`${ok!.paymentId}-1`, '300.00', '成功', 'B1', ''],
        [`${bad!.paymentId}-1`, '400.00', '失败', 'B2', '账户冻结'],
      ]);
      expect((await run(runBank, ['import', returned, '--user', '财务王五'])).out).toContain('成功 1 笔，失败 1 笔');
      expect((await run(runBank, ['import', returned])).out).toContain('已于此前导入');

      const reconciled = await run(runReconcile, ['--batch', String(batchId), '--json']);
      expect(JSON.parse(reconciled.out).differences).toEqual([
        expect.objectContaining({ kind: 'failed', message: '银行失败：账户冻结' }),
      ]);

      const proposed = JSON.parse(
        (
          await run(runBank, [
            'correct',
            'propose',
            '--payment',
            String(bad!.paymentId),
            '--account',
            '6222999988887777',
            '--reason',
            '账户已解冻',
            ...MAKER,
            '--json',
          ])
        ).out,
      );
      await expect(
        run(runBank, ['correct', 'approve', '--correction', String(proposed.correctionId), ...MAKER]),
      ).rejects.toSatisfy((e) => e instanceof CliError && e.exitCode === 3);
      expect(
        (await run(runBank, ['correct', 'approve', '--correction', String(proposed.correctionId), ...CHECKER])).out,
      ).toContain('第 2 次重新支付');

      expect(await run(runLedger, ['check'])).toMatchObject({ code: 0, out: expect.stringContaining('资金台账检查通过') });
      const broken = await openStore(cliConfig);
      await broken.db.updateTable('payments').set({ status: 'paid' }).where('id', '=', bad!.paymentId).execute();
      await broken.close();
      const check = await run(runLedger, ['check', '--json']);
      expect(check.code).toBe(1);
      expect(JSON.parse(check.out).violations).toContainEqual(
        expect.objectContaining({ code: 'PAYMENT_STATE', paymentId: bad!.paymentId }),
      );
    });
  });
}
