// A benefit claim in the browser (鲁人社发〔2024〕8号 第五条、第七条): a person signs in at /person with the ID number and
// an SMS code, claims with one click, a reviewer approves, the month is run, and the person sees the decision's
// conditions and the month paid in the schedule — all in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { maskPhone } from '../../src/domain/masking.ts';
import { reviewBenefitClaim } from '../../src/services/benefit/review-claim.ts';
import { runBenefitMonth } from '../../src/services/benefit/monthly-run.ts';
import { browserSkipReason, expectNoEnglish, signInPerson, startHarness, type Harness } from './browser-harness.ts';
import { insertClaimant } from '../support/benefit-fixtures.ts';
import { testCipher } from '../support/import-fixtures.ts';

describe.skipIf(browserSkipReason)('失业人员在个人服务中申领失业保险金', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  const signIn = (idNumber: string) => signInPerson(h, idNumber);

  it('申领、复核、按月发放后看到判定过程和发放计划', async () => {
    const { db } = h.store;
    const person = await insertClaimant(db, { months: 30, separatedOn: '2024-09-30', regionCode: '371002' });
    await db
      .updateTable('persons')
      .set({ phone_cipher: testCipher.encrypt('13800001234'), phone_masked: maskPhone('13800001234') })
      .where('id', '=', person.personId)
      .execute();
    const page = await signIn(person.idNumber);
    await page.getByRole('button', { name: '申领失业保险金' }).click();
    await page
      .getByText(/待复核/)
      .first()
      .waitFor();
    const claim = await db
      .selectFrom('benefit_claims')
      .select('id')
      .where('person_id', '=', person.personId)
      .executeTakeFirstOrThrow();
    await reviewBenefitClaim(db, { claimId: claim.id, outcome: 'approve', by: '复核员乙', clock: h.clock });
    await runBenefitMonth(db, {
      period: '2024-10',
      regionCode: '371000',
      by: '系统',
      params: projectParameters(),
      clock: h.clock,
    });
    await page.reload();
    await page
      .getByText(/发放中/)
      .first()
      .waitFor();
    await page.getByText('已发放').first().waitFor();
    expect(await page.locator('body').innerText()).toContain('失业保险金 1,980.00');
    await expect.poll(() => page.getByText('符合', { exact: true }).count()).toBeGreaterThan(2);
    await expectNoEnglish(page);
  });
});
