// `wengang pay` in-process against a store named by the environment, and the payments API through Fastify's inject:
// --json output and Chinese refusals (exit code 3), masked account numbers, a batch run in the background.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { runPay } from '../../../src/cli/commands/pay.ts';
import { paymentRoutes } from '../../../src/server/routes/payments.ts';
import { commandEnvFor, storeBackends } from '../../support/store-backends.ts';
import { clock, confirmedUnits, ledgerState, sendAudit } from '../../support/payment-fixtures.ts';
import { runCommand } from '../../support/run-command.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { waitFor } from '../../support/wait-for.ts';

const MAKER = ['--user', '财务王五', '--role', 'finance'];
const CHECKER = ['--user', '财务赵六', '--role', 'finance'];

const run = (args: string[]) => runCommand(runPay, args);
const json = async (args: string[]) => JSON.parse((await run([...args, '--json'])).out);

function server(store: Store): Promise<FastifyInstance> {
  return securedApp(store, clock, [[paymentRoutes, { store, clock }]]);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`pay command and payments API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('creates, proposes, refuses the proposer as authoriser, authorises, runs and reports the batch', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      await confirmedUnits(store.db, 3, () => 50_000);
      await store.close();
      const env = await commandEnvFor(config);
      vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
      vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
      vi.stubEnv('WENGANG_NOW', '2024-10-08');

      expect((await run(['create', ...MAKER])).out).toContain('新生成支付 3 笔，合计 1,500.00 元');
      expect(await json(['create', ...MAKER])).toMatchObject({ paymentCount: 0 });
      const batch = await json(['propose', '--note', '十月第一批', ...MAKER]);
      expect(batch).toMatchObject({ paymentCount: 3, totalFen: 150_000 });
      await expect(runPay(['authorise', '--batch', String(batch.batchId), ...MAKER])).rejects.toMatchObject({
        zh: expect.stringContaining('不能与提交人为同一人'),
        exitCode: 3,
      });
      await expect(runPay(['run', '--batch', String(batch.batchId), ...MAKER])).rejects.toMatchObject({
        zh: expect.stringContaining('只有已授权的批次可以支付'),
        exitCode: 3,
      });
      await expect(runPay(['create', '--user', '经办员张三', '--role', 'case_worker'])).rejects.toMatchObject({
        zh: expect.stringContaining('只有财务人员'),
        exitCode: 3,
      });
      expect((await run(['authorise', '--batch', String(batch.batchId), ...CHECKER])).out).toContain('已授权');
      expect(await json(['run', '--batch', String(batch.batchId), ...CHECKER])).toMatchObject({
        sentNow: 3,
        readyToExport: true,
      });
      expect((await run(['status', '--batch', String(batch.batchId)])).out).toContain('已全部发送，可导出银行付款指令');
      const listed = (await run(['list', '--batch', String(batch.batchId)])).out;
      expect(listed).toMatch(/\*\*\*\* \*\*\*\* \*\*\*\* \d{4}/);
      expect(listed).not.toMatch(/62220000\d{8}/);
    });

    it('serves the same workflow over HTTP and pays an authorised batch in the background', async () => {
      const store = await openStore(await backend.freshConfig());
      const app = await server(store);
      try {
        await confirmedUnits(store.db, 4);
        const maker = await staffCaller(store.db, clock, { username: 'wangwu', displayName: '财务王五', roles: ['finance'] });
        const checker = await staffCaller(store.db, clock, { username: 'zhaoliu', displayName: '财务赵六', roles: ['finance'] });
        expect(
          (await app.inject({ method: 'POST', url: '/api/v1/payments/create', payload: { round: '2024' } })).statusCode,
        ).toBe(401);
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/payments/create',
          payload: { round: '2024' },
          headers: await maker.headers(),
        });
        expect(created.statusCode).toBe(201);
        expect(created.json()).toMatchObject({ paymentCount: 4 });
        const payments = (
          await app.inject({ method: 'GET', url: '/api/v1/payments?round=2024&status=pending', headers: await maker.headers() })
        ).json();
        expect(payments).toHaveLength(4);
        expect(payments[0].accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
        expect(JSON.stringify(payments)).not.toMatch(/62220000\d{8}/);

        const proposed = await app.inject({
          method: 'POST',
          url: '/api/v1/payments/batches',
          payload: { round: '2024', paymentIds: [payments[0].id, payments[1].id] },
          headers: await maker.headers(),
        });
        expect(proposed.statusCode).toBe(201);
        const { batchId } = proposed.json();
        const same = await app.inject({
          method: 'POST',
          url: `/api/v1/payments/batches/${batchId}/authorise`,
          payload: {},
          headers: await maker.headers(),
        });
        expect(same.statusCode).toBe(403);
        expect(same.json().error.message).toContain('不能与提交人为同一人');
        const early = await app.inject({
          method: 'POST',
          url: `/api/v1/payments/batches/${batchId}/run`,
          payload: {},
          headers: await checker.headers(),
        });
        expect(early.statusCode).toBe(409);
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/payments/batches/${batchId}/reject`,
              payload: {},
              headers: await checker.headers(),
            })
          ).statusCode,
        ).toBe(400);
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/payments/batches/${batchId}/authorise`,
              payload: {},
              headers: await checker.headers(),
            })
          ).json(),
        ).toMatchObject({ status: 'authorised' });

        const started = await app.inject({
          method: 'POST',
          url: `/api/v1/payments/batches/${batchId}/run`,
          payload: {},
          headers: await checker.headers(),
        });
        expect(started.statusCode).toBe(202);
        const progress = await waitFor(`批次 ${batchId} 可导出`, async () => {
          const now = (
            await app.inject({
              method: 'GET',
              url: `/api/v1/payments/batches/${batchId}/progress`,
              headers: await checker.headers(),
            })
          ).json();
          return now.readyToExport ? now : undefined;
        });
        expect(progress).toMatchObject({ readyToExport: true, remaining: 0, byStatus: { sent: 2 } });
        expect(await sendAudit(store.db, batchId)).toMatchObject({ payments: 2, notExactlyOnce: [] });
        expect((await ledgerState(store.db)).balances.bank_in_transit).toBe(-progress.totalFen);

        const batches = (
          await app.inject({ method: 'GET', url: '/api/v1/payments/batches?round=2024', headers: await maker.headers() })
        ).json();
        expect(batches).toEqual([
          expect.objectContaining({ batchId, status: 'authorised', proposedBy: maker.name, authorisedBy: checker.name }),
        ]);
        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/payments/batches/999/progress', headers: await maker.headers() }))
            .statusCode,
        ).toBe(404);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
