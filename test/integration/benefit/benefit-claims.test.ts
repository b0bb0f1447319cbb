// Benefit claims with the ID number only (鲁人社发〔2024〕8号 第五条、第七条) on both store backends: decided from the
// store's facts by the unemployment-benefit rule, one open claim per person, approved by a second person into a
// monthly schedule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitParameters } from '../../../src/policy/unemployment-benefit.ts';
import { reviewBenefitClaim } from '../../../src/services/benefit/review-claim.ts';
import { submitBenefitClaim } from '../../../src/services/benefit/submit-claim.ts';
import { Refusal } from '../../../src/domain/refusal.ts';
import { clock, insertClaimant, monthsOf, params } from '../../support/benefit-fixtures.ts';
import { testCipher } from '../../support/import-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const monthly = params.at(benefitParameters, 'monthlyBenefitFen', '2024-06-05')!.value;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`benefit claims on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const { withStore } = backend;

    it('decides a claim from the ID number alone and lays out 12 months from the claim month once a second person approves', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30 });
        const { claimId, decision } = await submitBenefitClaim(db, {
          person: { idNumber: person.idNumber, cipher: testCipher },
          channel: 'case_worker',
          by: '经办员甲',
          claimDate: '2024-06-05',
          params,
          clock,
        });
        expect(decision.status).toBe('eligible');
        expect(decision.amountFen).toBe(monthly);
        expect(decision.maxMonths).toBe(12);
        await expect(reviewBenefitClaim(db, { claimId, outcome: 'approve', by: '经办员甲', clock })).rejects.toThrow();
        await reviewBenefitClaim(db, { claimId, outcome: 'approve', by: '复核员乙', clock });
        const months = await monthsOf(db, claimId);
        expect(months).toHaveLength(12);
        expect(months[0]).toEqual({ period: '2024-06', status: 'scheduled' });
        expect(months[11]!.period).toBe('2025-05');
        const period = await db
          .selectFrom('benefit_periods')
          .selectAll()
          .where('person_id', '=', person.personId)
          .executeTakeFirstOrThrow();
        expect([period.from_date, period.to_date]).toEqual(['2024-06-01', '2025-05-31']);
      });
    });

    it('refuses a voluntary separation, sends a missing separation record to review, and never approves either', async () => {
      await withStore(async ({ db }) => {
        const resigned = await insertClaimant(db, { months: 30, reason: 'resigned' });
        const a = await submitBenefitClaim(db, {
          person: { personId: resigned.personId },
          channel: 'portal',
          by: `个人:${resigned.personId}`,
          claimDate: '2024-06-05',
          params,
          clock,
        });
        expect(a.decision.status).toBe('ineligible');
        expect(a.decision.reasons).toContain('VOLUNTARY_SEPARATION');
        const unregistered = await insertClaimant(db, { months: 30 });
        await db.deleteFrom('unemployment_registrations').where('person_id', '=', unregistered.personId).execute();
        const b = await submitBenefitClaim(db, {
          person: { personId: unregistered.personId },
          channel: 'api',
          by: '接口',
          claimDate: '2024-06-05',
          params,
          clock,
        });
        expect(b.decision.status).toBe('needs_review');
        expect(b.decision.reasons).toEqual(['NO_SEPARATION_RECORD']);
        for (const claimId of [a.claimId, b.claimId]) {
          await expect(reviewBenefitClaim(db, { claimId, outcome: 'approve', by: '复核员乙', clock })).rejects.toBeInstanceOf(
            Refusal,
          );
          expect(await monthsOf(db, claimId)).toEqual([]);
        }
      });
    });

    it('keeps one open claim per person across channels and districts; a returned claim can be made again', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 70 });
        const first = await submitBenefitClaim(db, {
          person: { personId: person.personId },
          channel: 'portal',
          by: `个人:${person.personId}`,
          claimDate: '2024-06-05',
          params,
          clock,
        });
        expect(first.decision.maxMonths).toBe(18);
        await expect(
          submitBenefitClaim(db, {
            person: { idNumber: person.idNumber, cipher: testCipher },
            channel: 'case_worker',
            by: '文登经办员',
            claimDate: '2024-06-06',
            params,
            clock,
          }),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(
          reviewBenefitClaim(db, { claimId: first.claimId, outcome: 'return', by: '复核员乙', clock }),
        ).rejects.toMatchObject({ code: 'INVALID' });
        await reviewBenefitClaim(db, {
          claimId: first.claimId,
          outcome: 'return',
          note: '请核实离职原因',
          by: '复核员乙',
          clock,
        });
        const again = await submitBenefitClaim(db, {
          person: { personId: person.personId },
          channel: 'portal',
          by: `个人:${person.personId}`,
          claimDate: '2024-06-07',
          params,
          clock,
        });
        expect(again.claimId).not.toBe(first.claimId);
      });
    });

    it('answers an unknown ID number in Chinese', async () => {
      await withStore(async ({ db }) => {
        await expect(
          submitBenefitClaim(db, {
            person: { idNumber: '110101199003074578', cipher: testCipher },
            channel: 'api',
            by: '接口',
            params,
            clock,
          }),
        ).rejects.toThrow(/没有该公民身份号码的参保记录/);
      });
    });
  });
}
