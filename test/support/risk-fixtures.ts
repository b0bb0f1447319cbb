// Fixtures for the risk tests: people, payments paid out of two districts, and a runner for one rule at a time.
import type { Kysely } from 'kysely';
import { maskIdNumber } from '../../src/domain/masking.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import type { Actor } from '../../src/domain/refund-case.ts';
import type { RiskRuleCode } from '../../src/domain/vocabulary/risk.ts';
import { runRiskRules } from '../../src/services/risk/run-rules.ts';
import { runComparisons } from '../../src/services/risk/compare.ts';
import { pushCampaign } from '../../src/services/campaigns/push-campaign.ts';
import { chineseWorkingDays } from '../../src/adapters/calendar/chinese-working-days.ts';
import { applyReturnLine } from '../../src/services/bank/apply-return.ts';
import { postCommitment } from '../../src/services/ledger/post.ts';
import { AT, insertConfirmedPayments, sendBatch, type FixturePayment } from './bank-fixtures.ts';
import { idNumberOf } from './dispatch-fixtures.ts';
import { ROUND } from './review-fixtures.ts';
import { sealedAccount } from './sealed-accounts.ts';
import { testCipher } from './sms-fixtures.ts';

type Db = Kysely<Database>;

export const CITY = '371000';
export const HUANCUI = '371002';
export const WENDENG = '371003';
export const AS_OF = '2024-10-08';
export const clock = fixedClock('2024-10-08T10:00:00+08:00');
export const system: Actor = { kind: 'system' };
export const caseWorker = { kind: 'staff', role: 'case_worker', name: '经办张三' } satisfies Actor;
export const reviewer = { kind: 'staff', role: 'reviewer', name: '复核李四' } satisfies Actor;
export const finance = { kind: 'staff', role: 'finance', name: '财务王五' } satisfies Actor;

let serial = 0;

/** The city's comparison rules on AS_OF, run as the system runs them after a comparison import. */
export const compareCity = (db: Db) =>
  runComparisons(db, { cityCode: CITY, asOf: AS_OF, parameters: projectParameters(), cipher: testCipher, actor: system, clock });

/** A campaign pushed by the case worker, with the links in its texts on `baseUrl`. */
export const pushAsCaseWorker = (db: Db, campaignId: number, at = clock, baseUrl = 'https://wengang.example') =>
  pushCampaign(db, {
    campaignId,
    parameters: projectParameters(),
    calendar: chineseWorkingDays,
    baseUrl,
    actor: caseWorker,
    clock: at,
  });

export async function insertPerson(db: Db, regionCode = HUANCUI): Promise<number> {
  return (await insertPersonWithIdNumber(db, regionCode)).id;
}

/** A person of the region; returns the id and the (plain) ID number. */
export async function insertPersonWithIdNumber(db: Db, regionCode = HUANCUI): Promise<{ id: number; idNumber: string }> {
  const idNumber = idNumberOf(500 + ++serial);
  const { id } = await db
    .insertInto('persons')
    .values({
      id_number_index: testCipher.blindIndex(idNumber),
      id_number_cipher: testCipher.encrypt(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      name: `风险测试${serial}`,
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, idNumber };
}

/** Runs one rule for Weihai on AS_OF; returns the hits it has (new or found before). */
export async function hitsOf(db: Db, code: RiskRuleCode, asOf = AS_OF) {
  await runRiskRules(db, {
    cityCode: CITY,
    asOf,
    parameters: projectParameters(),
    cipher: testCipher,
    actor: system,
    clock,
    only: [code],
  });
  return db.selectFrom('risk_hits').selectAll().where('rule_code', '=', code).orderBy('id').execute();
}

/** Settles every sent payment of the batch as paid by the bank. */
export async function settle(db: Db, paymentIds: readonly number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const payments = await trx
      .selectFrom('payments')
      .select(['id', 'amount_fen'])
      .where('id', 'in', [...paymentIds])
      .execute();
    for (const p of payments) {
      await applyReturnLine(
        trx,
        { paymentId: p.id, attempt: 1, amountFen: p.amount_fen, outcome: 'paid', bankReference: `B${p.id}`, bankReason: null },
        AT,
      );
    }
  });
}

/** A second pending payment of the round to the same unit, made by another district (committed). */
export async function insertSecondPayment(db: Db, first: FixturePayment, regionCode: string): Promise<number> {
  const { id } = await db
    .insertInto('payments')
    .values({
      idempotency_key: `refund:${ROUND}:${first.unitId}:${first.creditCode}:${regionCode}`,
      round: ROUND,
      unit_id: first.unitId,
      purpose: 'job_retention_refund',
      recipient_credit_code: first.creditCode,
      recipient_name: '重复收款有限公司',
      role: 'unit',
      amount_fen: first.amountFen,
      account_kind: 'corporate_account',
      bank_name: '中国工商银行威海分行',
      ...sealedAccount(`62220000000${String(first.unitId).padStart(5, '0')}`),
      status: 'pending',
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await postCommitment(db, { paymentId: id, amountFen: first.amountFen, by: '系统', at: AT });
  return id;
}

/** One unit paid the same refund by 环翠区 and by 文登区, both settled; returns the two payment ids. */
export async function paidTwiceByTwoDistricts(db: Db, amountFen = 50_000): Promise<[number, number]> {
  const [first] = await insertConfirmedPayments(db, [amountFen]);
  const second = await insertSecondPayment(db, first!, WENDENG);
  await sendBatch(db, [first!.paymentId, second]);
  await settle(db, [first!.paymentId, second]);
  return [first!.paymentId, second];
}
