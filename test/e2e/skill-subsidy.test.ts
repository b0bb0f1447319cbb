// A skill-upgrade subsidy from the person portal through payment, in Chromium: a person signs in with their ID number
// and an SMS code, applies with only the certificate number, sees the decision; a second person approves it, finance
// pays it through a batch, the bank file and the bank's return, and the person sees it paid. Every page is in Chinese.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { exportInstruction } from '../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../src/services/bank/import-return.ts';
import { checkLedger } from '../../src/services/ledger/check.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../src/services/payments/run-batch.ts';
import { approveSkillApplication } from '../../src/services/skill-subsidy/review.ts';
import { writeReturnFile } from '../support/bank-fixtures.ts';
import { checker, maker } from '../support/payment-fixtures.ts';
import { testCipher } from '../support/sms-fixtures.ts';
import { browserSkipReason, expectNoEnglish, signInPerson, startHarness, type Harness } from './browser-harness.ts';

const CERTIFICATE = 'S000037100000240099001';

describe.skipIf(browserSkipReason)('个人在门户申请技能提升补贴直至发放', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    dir = await mkdtemp(join(tmpdir(), 'wengang-skill-e2e-'));
    await generateIntoStore(h.store, {
      scale: { units: 60, regions: 'weihai', people: { persons: 120 } },
      seed: 5,
      cipher: testCipher,
      params: projectParameters(),
    });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('只填证书编号即可申请，复核通过后发放到社会保障卡，本人看到已支付', async () => {
    const { db } = h.store;
    const person = await db
      .selectFrom('persons as p')
      .innerJoin('insurance_spells as s', 's.person_id', 'p.id')
      .select(['p.id', 'p.id_number_cipher', 'p.region_code'])
      .where('p.phone_cipher', 'is not', null)
      .where('p.bank_account_cipher', 'is not', null)
      .where('s.to_period', 'is', null)
      .where('s.from_period', '<=', '2023-06')
      .orderBy('p.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    // The registry feed brings the person's new certificate (an occupation no earlier grant names).
    await db
      .insertInto('certificates')
      .values({
        number: CERTIFICATE,
        person_id: person.id,
        occupation_code: '4-07-99-01',
        occupation_name: '数字化运维工',
        level: 4,
        issue_date: '2024-06-18',
        verified: true,
        issuing_body: '威海市职业技能鉴定指导中心',
        region_code: person.region_code,
      })
      .execute();

    const page = await signInPerson(h, testCipher.decrypt(person.id_number_cipher));

    await page.getByTestId('skill-certificate').fill(CERTIFICATE);
    await page.getByRole('button', { name: /提交申请|提 交/ }).click();
    const rows = page.getByTestId('skill-applications').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('符合条件');
    expect(await rows.first().innerText()).toContain('1,500.00');
    await expectNoEnglish(page);

    const application = await db.selectFrom('skill_subsidy_applications').select('id').executeTakeFirstOrThrow();
    const approved = await approveSkillApplication(db, { applicationId: application.id, by: '复核李四', clock: h.clock });
    const batch = await proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock: h.clock });
    await authorisePaymentBatch(db, { batchId: batch.batchId, actor: checker, clock: h.clock });
    await runPaymentBatch(db, { batchId: batch.batchId, clock: h.clock, workerId: 'e2e' });
    await exportInstruction(db, { batchId: batch.batchId, format: 'csv', by: '财务王五', clock: h.clock, cipher: testCipher });
    const returned = await writeReturnFile(join(dir, 'return.csv'), [[`${approved.paymentId}-1`, '1500.00', '成功', 'B1', '']]);
    await importReturnFile(db, { path: returned, fileName: 'return.csv', by: '财务王五', clock: h.clock });
    expect(await checkLedger(db)).toMatchObject({ ok: true });

    await page.reload();
    await expect
      .poll(async () =>
        (await page.getByTestId('skill-applications').locator('.ant-table-row').first().innerText()).includes('已支付'),
      )
      .toBe(true);
    await expectNoEnglish(page);
    await page.close();
  }, 240_000);
});
