// Skill-upgrade subsidy casework on both store backends: an application with only a certificate number is decided
// from the registry and the store, an early one is flagged retroactive, concurrent applications for the same
// occupation and level (two districts' case workers at once) yield one grant, a second person approves and the grant
// is paid exactly once through a batch, the bank file and its return; the ledger balances.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { importedCertificateRegistry } from '../../../src/adapters/registry/imported-certificate-registry.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../../src/services/bank/import-return.ts';
import { ledgerBalances } from '../../../src/services/ledger/balances.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { applyForSkillSubsidy, type SkillApplicationRequest } from '../../../src/services/skill-subsidy/apply.ts';
import { approveSkillApplication, returnSkillApplication } from '../../../src/services/skill-subsidy/review.ts';
import { writeReturnFile } from '../../support/bank-fixtures.ts';
import { checker, maker } from '../../support/payment-fixtures.ts';
import { testCipher } from '../../support/person-fixtures.ts';
import { insertCertificateHolder } from '../../support/skill-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const params = loadParameters();
const clock = fixedClock('2024-09-10T10:00:00+08:00');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`skill-subsidy applications on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-skill-');

    it('decides from the certificate number alone, flags an early application retroactive and refuses another person’s certificate', async () => {
      await backend.withStore(async ({ db }) => {
        const holder = await insertCertificateHolder(db, { idNumber: '371002199001011237', issueDate: '2024-03-01' });
        const base: SkillApplicationRequest = {
          certificateNumber: holder.certificateNumber,
          channel: 'case_worker',
          by: '经办张三',
          registry: importedCertificateRegistry(db, testCipher),
          cipher: testCipher,
          params,
          clock,
        };
        await expect(
          applyForSkillSubsidy(db, { ...base, channel: 'person_portal', personId: holder.personId + 1000 }),
        ).rejects.toThrow('没有查到您名下的证书');
        const early = await applyForSkillSubsidy(db, { ...base, applicationDate: '2024-04-15' });
        expect(early).toMatchObject({ status: 'eligible', amountFen: 150_000, retroactive: true });
        const stored = await db
          .selectFrom('skill_subsidy_applications')
          .selectAll()
          .where('id', '=', early.id)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          occupation_code: '6-18-02-04',
          level: 4,
          issue_date: '2024-03-01',
          state: 'submitted',
          retroactive: true,
        });
        expect(stored.trace.map((s) => s.step)).toEqual(
          expect.arrayContaining(['insuredMonths', 'certificateVerified', 'retroactive', 'amount']),
        );
        await returnSkillApplication(db, { applicationId: early.id, by: '复核李四', note: '申请日期录入有误', clock });
        const now = await applyForSkillSubsidy(db, base);
        expect(now).toMatchObject({ status: 'eligible', retroactive: false });
      });
    });

    it('gives one grant when the same certificate is applied for in two districts at once', async () => {
      await backend.withStore(async ({ db }) => {
        const holder = await insertCertificateHolder(db, { idNumber: '371002199202021239', issueDate: '2024-05-20' });
        const registry = importedCertificateRegistry(db, testCipher);
        const apply = (by: string) =>
          applyForSkillSubsidy(db, {
            certificateNumber: holder.certificateNumber,
            channel: 'case_worker',
            by,
            registry,
            cipher: testCipher,
            params,
            clock,
          });
        const outcomes = await Promise.allSettled([apply('环翠区经办甲'), apply('文登区经办乙'), apply('荣成市经办丙')]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes.filter((o) => o.status === 'rejected')) expect(String(o.reason)).toContain('不能重复申请');
        expect(await db.selectFrom('skill_subsidy_applications').select('id').execute()).toHaveLength(1);
      });
    });

    it('approves by a second person and pays the grant once through a batch, the bank file and its return', async () => {
      await backend.withStore(async ({ db }) => {
        const holder = await insertCertificateHolder(db, { idNumber: '371002198803031235', issueDate: '2024-06-01', level: 3 });
        const submitted = await applyForSkillSubsidy(db, {
          certificateNumber: holder.certificateNumber,
          channel: 'api',
          by: '经办张三',
          registry: importedCertificateRegistry(db, testCipher),
          cipher: testCipher,
          params,
          clock,
        });
        await expect(approveSkillApplication(db, { applicationId: submitted.id, by: '经办张三', clock })).rejects.toThrow(
          '双人复核',
        );
        const approvals = await Promise.allSettled([
          approveSkillApplication(db, { applicationId: submitted.id, by: '复核李四', clock }),
          approveSkillApplication(db, { applicationId: submitted.id, by: '复核王五', clock }),
        ]);
        expect(approvals.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        const payments = await db.selectFrom('payments').selectAll().execute();
        expect(payments).toHaveLength(1);
        expect(payments[0]).toMatchObject({
          person_id: holder.personId,
          amount_fen: 200_000,
          purpose: 'skill_subsidy',
          round: '2024',
        });
        const grants = await db.selectFrom('subsidy_grants').selectAll().where('person_id', '=', holder.personId).execute();
        expect(grants).toMatchObject([{ type: 'skill_subsidy', occupation_code: '6-18-02-04', level: 3, amount_fen: 200_000 }]);

        const batch = await proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock });
        await authorisePaymentBatch(db, { batchId: batch.batchId, actor: checker, clock });
        await runPaymentBatch(db, { batchId: batch.batchId, clock, workerId: 't' });
        await exportInstruction(db, { batchId: batch.batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
        const path = await writeReturnFile(join(folder(), `skill-${backend.name}.csv`), [
          [`${payments[0]!.id}-1`, '2000.00', '成功', 'B1', ''],
        ]);
        expect(await importReturnFile(db, { path, fileName: 'r.csv', by: '财务王五', clock })).toMatchObject({
          status: 'accepted',
          paid: 1,
        });
        const balances = Object.fromEntries((await ledgerBalances(db)).map((b) => [b.account, b.balanceFen]));
        expect(balances).toMatchObject({ skill_subsidy_expense: 200_000, bank: 200_000, payable: 0, bank_in_transit: 0 });
        expect(await checkLedger(db)).toMatchObject({ ok: true, violations: [] });

        const again = await applyForSkillSubsidy(db, {
          certificateNumber: holder.certificateNumber,
          channel: 'person_portal',
          personId: holder.personId,
          by: '个人',
          registry: importedCertificateRegistry(db, testCipher),
          cipher: testCipher,
          params,
          clock,
        });
        expect(again).toMatchObject({ status: 'ineligible', amountFen: 0, reasons: ['SAME_OCCUPATION_LEVEL_ALREADY_GRANTED'] });
      });
    });
  });
}
