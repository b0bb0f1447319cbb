// The bank and ledger API through Fastify's inject on both store backends: export download, return upload (accepted,
// then duplicate, and a rejected file), reconciliation report, maker-checker correction and the ledger check.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { bankRoutes } from '../../../src/server/routes/bank.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { insertConfirmedPayments, sendBatch, writeReturnFile } from '../../support/bank-fixtures.ts';
import { securedApp, staffCaller, type Headers } from '../../support/staff-session.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

const BOUNDARY = '----wengang-bank-boundary';

function multipart(fileName: string, content: Buffer, session: Headers): { payload: Buffer; headers: Headers } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...session },
  };
}

function server(store: Store, clock: ReturnType<typeof fixedClock>): Promise<FastifyInstance> {
  return securedApp(store, clock, [[bankRoutes, { store, clock, cipher: testCipher }]]);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`bank API on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-bank-api-');

    it('exports, imports the return, reports the failure, corrects the account and keeps the ledger consistent', async () => {
      const store = await openStore(await backend.freshConfig());
      const clock = fixedClock('2024-09-25T10:00:00+08:00');
      const app = await server(store, clock);
      const maker = await staffCaller(store.db, clock, { username: 'wangwu', displayName: '财务王五', roles: ['finance'] });
      const checker = await staffCaller(store.db, clock, { username: 'zhaoliu', displayName: '财务赵六', roles: ['finance'] });
      try {
        const [ok, bad] = await insertConfirmedPayments(store.db, [30_000, 40_000]);
        const batchId = await sendBatch(store.db, [ok!.paymentId, bad!.paymentId]);

        const exported = await app.inject({
          method: 'POST',
          url: `/api/v1/bank/batches/${batchId}/export`,
          payload: { format: 'xlsx' },
          headers: await maker.headers(),
        });
        expect(exported.statusCode).toBe(200);
        expect(exported.headers['content-type']).toContain('spreadsheetml');
        expect(exported.headers['x-checksum-sm3']).toMatch(/^[0-9a-f]{64}$/);
        expect(
          (await app.inject({ method: 'POST', url: `/api/v1/bank/batches/${batchId}/export`, payload: {} })).statusCode,
        ).toBe(401);
        const missing = await app.inject({
          method: 'POST',
          url: '/api/v1/bank/batches/999/export',
          payload: {},
          headers: await maker.headers(),
        });
        expect(missing.statusCode).toBe(404);
        expect(missing.json().error.message).toBe('付款批次 999 不存在');

        const wrong = await writeReturnFile(join(folder(), `wrong-${backend.name}.csv`), [
          [`${ok!.paymentId}-1`, '301.00', '成功', 'B1', ''],
        ]);
        const rejected = await app.inject({
          method: 'POST',
          url: '/api/v1/bank/returns',
          ...multipart('回单.csv', await readFile(wrong), await maker.headers()),
        });
        expect(rejected.statusCode).toBe(422);
        expect(rejected.json().errors[0].message).toContain('金额与付款指令不符');

        const good = await writeReturnFile(join(folder(), `good-${backend.name}.csv`), [
          [`${ok!.paymentId}-1`, '300.00', '成功', 'B1', ''],
          [`${bad!.paymentId}-1`, '400.00', '失败', 'B2', '户名不符'],
        ]);
        const accepted = await app.inject({
          method: 'POST',
          url: '/api/v1/bank/returns',
          ...multipart('回单.csv', await readFile(good), await maker.headers()),
        });
        expect(accepted.json()).toMatchObject({ status: 'accepted', paid: 1, failed: 1 });
        const again = await app.inject({
          method: 'POST',
          url: '/api/v1/bank/returns',
          ...multipart('回单.csv', await readFile(good), await maker.headers()),
        });
        expect(again.json()).toMatchObject({ status: 'duplicate' });

        const report = await app.inject({
          method: 'GET',
          url: `/api/v1/bank/batches/${batchId}/reconciliation`,
          headers: await maker.headers(),
        });
        expect(report.json().differences).toEqual([
          expect.objectContaining({ kind: 'failed', reference: `${bad!.paymentId}-1`, message: '银行失败：户名不符' }),
        ]);
        const xlsx = await app.inject({
          method: 'GET',
          url: `/api/v1/bank/batches/${batchId}/reconciliation?format=xlsx`,
          headers: await maker.headers(),
        });
        expect(xlsx.headers['content-type']).toContain('spreadsheetml');

        const proposed = await app.inject({
          method: 'POST',
          url: '/api/v1/bank/corrections',
          payload: {
            paymentId: bad!.paymentId,
            accountKind: 'corporate_account',
            accountNo: '6222333344445555',
            reason: '户名与账号已核实',
          },
          headers: await maker.headers(),
        });
        expect(proposed.statusCode).toBe(201);
        const { correctionId } = proposed.json();
        const waiting = await app.inject({
          method: 'GET',
          url: '/api/v1/bank/corrections?status=proposed',
          headers: await checker.headers(),
        });
        expect(waiting.json()).toEqual([
          expect.objectContaining({ correctionId, paymentId: bad!.paymentId, status: 'proposed', reason: '户名与账号已核实' }),
        ]);
        expect(waiting.json()[0].accountMasked).toMatch(/5555$/);
        expect(waiting.body).not.toContain('6222333344445555');
        const unknownStatus = await app.inject({
          method: 'GET',
          url: '/api/v1/bank/corrections?status=pending',
          headers: await checker.headers(),
        });
        expect(unknownStatus.statusCode).toBe(400);
        expect(unknownStatus.json().error.message).toMatch(/^查询参数 status：.*[\u4e00-\u9fff]/);
        const self = await app.inject({
          method: 'POST',
          url: `/api/v1/bank/corrections/${correctionId}/approve`,
          payload: {},
          headers: await maker.headers(),
        });
        expect(self.statusCode).toBe(403);
        const approved = await app.inject({
          method: 'POST',
          url: `/api/v1/bank/corrections/${correctionId}/approve`,
          payload: {},
          headers: await checker.headers(),
        });
        expect(approved.json()).toEqual({ correctionId, paymentId: bad!.paymentId, attempt: 2, status: 'pending' });

        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/ledger/check', headers: await maker.headers() })).json(),
        ).toMatchObject({ ok: true, violations: [] });
        const balances = (
          await app.inject({ method: 'GET', url: '/api/v1/ledger/balances', headers: await maker.headers() })
        ).json();
        expect(balances.map((b: { account: string; balanceFen: number }) => [b.account, b.balanceFen])).toEqual([
          ['fund', 70_000],
          ['payable', 40_000],
          ['bank_in_transit', 0],
          ['bank', 30_000],
          ['pilot_spending', 0],
          ['pilot_bank', 0],
          ['skill_subsidy_expense', 0],
          ['unemployment_benefit_expense', 0],
          ['medical_insurance_expense', 0],
          ['price_subsidy_expense', 0],
          ['recovery_receivable', 0],
          ['recovery_bank', 0],
          ['living_spending', 0],
          ['living_bank', 0],
          ['payout_funds', 0],
          ['payout_allocated', 0],
          ['payout_released', 0],
        ]);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
