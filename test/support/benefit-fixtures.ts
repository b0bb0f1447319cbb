// People for the unemployment-benefit tests: insured in a Weihai unit for a number of months, separated and
// registered as unemployed; helpers to claim, approve and run a month.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import type { SeparationReason } from '../../src/domain/benefit.ts';
import { maskBankAccount, maskIdNumber } from '../../src/domain/masking.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import { addDays, addPeriods, type Period } from '../../src/policy/core/dates.ts';
import type { Fen } from '../../src/policy/core/money.ts';
import { runBenefitMonth } from '../../src/services/benefit/monthly-run.ts';
import { reviewBenefitClaim } from '../../src/services/benefit/review-claim.ts';
import { submitBenefitClaim } from '../../src/services/benefit/submit-claim.ts';
import { idNumberFor, testCipher } from './import-fixtures.ts';
import { insertUnit } from './review-fixtures.ts';

export const params = projectParameters();
export const clock = fixedClock('2024-06-10T10:00:00+08:00');
export const HUANCUI = '371002';
export const WEIHAI = '371000';

type Db = Kysely<Database>;
let serial = 500;

export interface Claimant {
  personId: number;
  idNumber: string;
  unitId: number;
}

/** A person contributing through one unit from `from` for `months` months, separated on `separatedOn` and registered the next day. */
export async function insertClaimant(
  db: Db,
  spec: {
    months: number;
    from?: Period;
    separatedOn?: string;
    reason?: SeparationReason;
    registered?: boolean;
    regionCode?: string;
    bankAccount?: null;
  },
): Promise<Claimant> {
  const regionCode = spec.regionCode ?? HUANCUI;
  const idNumber = idNumberFor(++serial);
  const unit = await insertUnit(db, { name: `测试单位${serial}`, regionCode });
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      id_number_index: testCipher.blindIndex(idNumber),
      id_number_cipher: testCipher.encrypt(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      bank_account_cipher: spec.bankAccount === null ? null : testCipher.encrypt(`62170000${serial}`),
      bank_account_masked: spec.bankAccount === null ? null : maskBankAccount(`62170000${serial}`),
      name: `失业人员${serial}`,
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const from = spec.from ?? addPeriods('2024-05', -spec.months);
  if (spec.months > 0) {
    await db
      .insertInto('person_contributions')
      .values(
        Array.from({ length: spec.months }, (_, i) => ({
          person_id: personId,
          unit_id: unit.id,
          period: addPeriods(from, i),
          paid_on: `${addPeriods(from, i)}-15`,
          amount_fen: 6000,
          region_code: regionCode,
        })),
      )
      .execute();
  }
  const separatedOn = spec.separatedOn ?? '2024-05-31';
  await db
    .insertInto('unemployment_registrations')
    .values({
      person_id: personId,
      separated_on: separatedOn,
      unit_id: unit.id,
      separation_reason: spec.reason ?? 'contract_expired',
      registered_on: spec.registered === false ? null : addDays(separatedOn, 3),
      region_code: regionCode,
    })
    .execute();
  return { personId, idNumber, unitId: unit.id };
}

/** Claims by ID number at a case worker's desk and has a reviewer approve it; returns the claim id. */
export async function approvedClaim(db: Db, claimant: Claimant, claimDate = '2024-06-05'): Promise<number> {
  const { claimId } = await submitBenefitClaim(db, {
    person: { idNumber: claimant.idNumber, cipher: testCipher },
    channel: 'case_worker',
    by: '经办员甲',
    claimDate,
    params,
    clock,
  });
  await reviewBenefitClaim(db, { claimId, outcome: 'approve', by: '复核员乙', clock });
  return claimId;
}

export function runMonth(db: Db, period: Period, availableFen?: Fen, chunkSize?: number) {
  return runBenefitMonth(db, { period, regionCode: WEIHAI, availableFen, by: '系统', params, clock, chunkSize });
}

export async function linesOf(db: Db, personId: number) {
  return db
    .selectFrom('benefit_payments')
    .select(['period', 'purpose', 'amount_fen', 'status', 'wait_reason'])
    .where('person_id', '=', personId)
    .orderBy('period')
    .orderBy('purpose')
    .execute();
}

export async function monthsOf(db: Db, claimId: number) {
  return db.selectFrom('benefit_months').select(['period', 'status']).where('claim_id', '=', claimId).orderBy('period').execute();
}
