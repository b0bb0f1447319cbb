// The monthly benefit run (鲁人社发〔2024〕8号 第五条、第八条) on both store backends: each month's lines once under a
// unique key, medical insurance on the person's behalf posted to a balanced ledger, the price subsidy in a month
// whose trigger fires, every stop condition dated, the entitlement used up, a run resumed after a chunk, and the
// living-guarantee queue when funds run short.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParameterStore } from '../../../src/policy/core/parameters.ts';
import { applyRatioHalfUp } from '../../../src/policy/core/money.ts';
import { medicalOnBehalfParameters } from '../../../src/policy/benefit/medical-on-behalf.ts';
import { priceSubsidyParameters } from '../../../src/policy/benefit/price-subsidy.ts';
import { benefitParameters } from '../../../src/policy/unemployment-benefit.ts';
import { runBenefitMonth } from '../../../src/services/benefit/monthly-run.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { benefitWaitReasons } from '../../../src/domain/vocabulary/benefit.ts';
import {
  approvedClaim,
  clock,
  insertClaimant,
  linesOf,
  monthsOf,
  params,
  runMonth,
  WEIHAI,
} from '../../support/benefit-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const on = '2024-06-01';
const monthly = params.at(benefitParameters, 'monthlyBenefitFen', on)!.value;
const base = params.at(medicalOnBehalfParameters, 'contributionBaseFen', on)!.value;
const medical = (['unitRateBp', 'maternityRateBp', 'personRateBp'] as const)
  .map((key) => Number((BigInt(base) * BigInt(params.at(medicalOnBehalfParameters, key, on)!.value) * 2n + 10_000n) / 20_000n))
  .reduce((a, b) => a + b, 0);

/** The project's parameters with July 2024's CPI rising 4.2% year on year. */
function withInflationInJuly(): ParameterStore {
  const files = params.rules().map((file) => {
    if (file.rule !== 'price-subsidy') return file;
    const cpi = file.parameters.monthlyCpi!;
    return {
      ...file,
      parameters: {
        ...file.parameters,
        monthlyCpi: {
          ...cpi,
          values: cpi.values.map((v) => (v.from === '2024-07-01' ? { ...v, value: { cpiYoyBp: 420, foodCpiYoyBp: 100 } } : v)),
        },
      },
    };
  });
  return new ParameterStore(files, 'test-inflation');
}

async function livingSpending(db: Parameters<typeof checkLedger>[0]): Promise<number> {
  const { rows } = await sql<{
    v: number;
  }>`SELECT coalesce(sum(debit_fen - credit_fen), 0)::bigint AS v FROM ledger_lines WHERE account = 'living_spending'`.execute(
    db,
  );
  return Number(rows[0]!.v);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`benefit months on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const { withStore } = backend;

    it('pays each month once: benefit payable, medical on behalf posted to a balanced ledger; a second run adds nothing', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30 });
        await approvedClaim(db, person);
        const first = await runMonth(db, '2024-06');
        expect(first).toMatchObject({
          status: 'finished',
          recipients: 1,
          lineCount: 2,
          waitingCount: 0,
          totalFen: monthly + medical,
        });
        const again = await runMonth(db, '2024-06');
        expect(again.lineCount).toBe(2);
        expect(await linesOf(db, person.personId)).toEqual([
          { period: '2024-06', purpose: 'benefit', amount_fen: monthly, status: 'payable', wait_reason: null },
          { period: '2024-06', purpose: 'medical_on_behalf', amount_fen: medical, status: 'posted', wait_reason: null },
        ]);
        expect(await livingSpending(db)).toBe(medical);
        const payments = await db.selectFrom('payments').select(['purpose', 'amount_fen', 'status', 'person_id']).execute();
        expect(payments).toEqual([
          { purpose: 'unemployment_benefit', amount_fen: monthly, status: 'pending', person_id: person.personId },
        ]);
        expect((await checkLedger(db)).ok).toBe(true);
      });
    });

    it('keeps the benefit line waiting with the reason when the person has no social security card account', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30, bankAccount: null });
        const claimId = await approvedClaim(db, person);
        await runMonth(db, '2024-06');
        const benefit = (await linesOf(db, person.personId)).find((l) => l.purpose === 'benefit');
        expect(benefit).toMatchObject({ status: 'waiting', wait_reason: expect.stringContaining('社会保障卡') });
        expect((await monthsOf(db, claimId))[0]).toEqual({ period: '2024-06', status: 'scheduled' });
        expect(await db.selectFrom('payments').select('id').execute()).toEqual([]);
      });
    });

    it('adds the price subsidy in a month whose CPI trigger fires: 低保 standard × the rise', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30 });
        await approvedClaim(db, person);
        const inflation = withInflationInJuly();
        const standard = inflation.at(priceSubsidyParameters, 'minimumLivingStandardFen', '2024-07-01')!.value;
        for (const period of ['2024-06', '2024-07'])
          await runBenefitMonth(db, { period, regionCode: WEIHAI, by: '系统', params: inflation, clock });
        const subsidies = (await linesOf(db, person.personId)).filter((l) => l.purpose === 'price_subsidy');
        expect(subsidies).toEqual([
          {
            period: '2024-07',
            purpose: 'price_subsidy',
            amount_fen: applyRatioHalfUp(standard, 420),
            status: 'payable',
            wait_reason: null,
          },
        ]);
      });
    });

    it('holds the price subsidy with a reason in a month whose CPI is not published', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30, separatedOn: '2024-11-30' });
        await approvedClaim(db, person, '2024-12-20');
        await runMonth(db, '2025-01');
        const subsidy = (await linesOf(db, person.personId)).find((l) => l.purpose === 'price_subsidy');
        expect(subsidy).toMatchObject({ period: '2025-01', status: 'waiting', wait_reason: benefitWaitReasons.cpiMissing });
      });
    });

    it.each([
      ['pension', '2024-08-01', '2024-08'],
      ['imprisonment', '2024-08-20', '2024-08'],
      ['death', '2024-07-15', '2024-08'],
    ] as const)('stops on %s dated %s from %s, and never pays a stopped month', async (kind, date, stoppedFrom) => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30 });
        const claimId = await approvedClaim(db, person);
        await runMonth(db, '2024-06');
        await db
          .insertInto('person_status_events')
          .values({ person_id: person.personId, kind, event_date: date, region_code: '371002' })
          .execute();
        for (const period of ['2024-07', '2024-08', '2024-09']) await runMonth(db, period);
        const claim = await db
          .selectFrom('benefit_claims')
          .select(['status', 'stop_reason', 'stopped_from'])
          .where('id', '=', claimId)
          .executeTakeFirstOrThrow();
        expect(claim).toEqual({ status: 'stopped', stop_reason: kind, stopped_from: stoppedFrom });
        const paid = new Set((await linesOf(db, person.personId)).map((l) => l.period));
        expect([...paid].every((p) => p < stoppedFrom)).toBe(true);
        expect((await monthsOf(db, claimId)).filter((m) => m.period >= stoppedFrom).every((m) => m.status === 'stopped')).toBe(
          true,
        );
      });
    });

    it('stops on re-employment when a new unit contributes, from that month', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 30 });
        const claimId = await approvedClaim(db, person);
        const other = await insertClaimant(db, { months: 0 });
        await db
          .insertInto('person_contributions')
          .values({
            person_id: person.personId,
            unit_id: other.unitId,
            period: '2024-08',
            paid_on: '2024-08-15',
            amount_fen: 6000,
            region_code: '371002',
          })
          .execute();
        for (const period of ['2024-06', '2024-07', '2024-08']) await runMonth(db, period);
        const claim = await db
          .selectFrom('benefit_claims')
          .select(['status', 'stop_reason', 'stopped_from'])
          .where('id', '=', claimId)
          .executeTakeFirstOrThrow();
        expect(claim).toEqual({ status: 'stopped', stop_reason: 'reemployed', stopped_from: '2024-08' });
        expect((await linesOf(db, person.personId)).filter((l) => l.purpose === 'benefit').map((l) => l.period)).toEqual([
          '2024-06',
          '2024-07',
        ]);
      });
    });

    it('ends the claim when its months are used up and pays no month beyond them', async () => {
      await withStore(async ({ db }) => {
        const person = await insertClaimant(db, { months: 14 });
        const claimId = await approvedClaim(db, person);
        const periods = Array.from(
          { length: 13 },
          (_, i) => `${2024 + Math.floor((5 + i) / 12)}-${String(((5 + i) % 12) + 1).padStart(2, '0')}`,
        );
        for (const period of periods) await runMonth(db, period);
        const claim = await db
          .selectFrom('benefit_claims')
          .select(['status', 'stop_reason', 'stopped_from'])
          .where('id', '=', claimId)
          .executeTakeFirstOrThrow();
        expect(claim).toEqual({ status: 'ended', stop_reason: 'exhausted', stopped_from: '2025-06' });
        expect((await linesOf(db, person.personId)).filter((l) => l.purpose === 'benefit')).toHaveLength(12);
      });
    });

    it('resumes a run killed after its first chunk and writes what one uninterrupted run writes', async () => {
      await withStore(async ({ db }) => {
        const people = [];
        for (let i = 0; i < 3; i++) people.push(await insertClaimant(db, { months: 30 }));
        for (const p of people) await approvedClaim(db, p);
        const partial = await runBenefitMonth(db, {
          period: '2024-06',
          regionCode: WEIHAI,
          by: '系统',
          params,
          clock,
          chunkSize: 1,
          maxChunks: 1,
        });
        expect(partial).toMatchObject({ status: 'running', recipients: 1 });
        const resumed = await runBenefitMonth(db, {
          period: '2024-06',
          regionCode: WEIHAI,
          by: '系统',
          params,
          clock,
          chunkSize: 1,
        });
        expect(resumed).toMatchObject({ status: 'finished', recipients: 3, lineCount: 6, totalFen: 3 * (monthly + medical) });
        expect(await livingSpending(db)).toBe(3 * medical);
      });
    });

    it('when funds run short, pays the lines that fit and queues the rest with a reason', async () => {
      await withStore(async ({ db }) => {
        const people = [];
        for (let i = 0; i < 2; i++) people.push(await insertClaimant(db, { months: 30 }));
        for (const p of people) await approvedClaim(db, p);
        const summary = await runMonth(db, '2024-06', monthly + medical + 1);
        expect(summary).toMatchObject({ spentFen: monthly + medical, waitingCount: 2 });
        const second = await linesOf(db, people[1]!.personId);
        expect(second.every((l) => l.status === 'waiting' && l.wait_reason === benefitWaitReasons.fundsShort)).toBe(true);
        expect(await livingSpending(db)).toBe(medical);
      });
    });
  });
}
