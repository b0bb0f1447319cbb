// The targets of the authorisation matrix: in each of two districts, 环翠区 (371002, inside the district accounts'
// scope) and 文登区 (371003, outside it), a unit and a person and one of every record a scoped route resolves to a
// region — a review batch, a notice, a payment in a payment batch, an account correction, a dispatch application and
// a staff account, a certificate with a skill-subsidy application and a benefit claim. The records only need to lead the scope resolvers to their district; the handlers may refuse them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import { maskCreditCode, maskIdNumber } from '../../src/domain/masking.ts';
import { idNumberOf, writePlacements } from './dispatch-fixtures.ts';
import { insertCase, insertRun, insertUnit, ROUND } from './review-fixtures.ts';
import { testCipher } from './sms-fixtures.ts';
import { sealedAccount } from './sealed-accounts.ts';

export { ROUND };
export const CITY = '371000';
export const IN_SCOPE = '371002';
export const OUT_OF_SCOPE = '371003';

type Db = Kysely<Database>;

/** One district's records, and what every target shares (the screening run, a placements sheet to upload). */
export interface Target {
  regionCode: string;
  unitId: number;
  personId: number;
  /** The person's ID number (a benefit claim is taken by it). */
  idNumber: string;
  /** A certificate the person holds, and a skill-subsidy application made with it. */
  certificateNumber: string;
  skillApplicationId: number;
  runId: number;
  reviewBatchId: number;
  noticeId: number;
  paymentId: number;
  paymentBatchId: number;
  correctionId: number;
  dispatchApplicationId: number;
  accountId: number;
  benefitClaimId: number;
  riskHitId: number;
  campaignId: number;
  /** An accepted comparison import (a death extract) with no rows. */
  comparisonBatchId: number;
  /** A placements sheet with the template's headers and no rows, as the dispatch upload form's file. */
  placementsXlsx: Buffer;
}

const FIXTURE_STAFF = '经办员（测试数据）';
const AT = '2024-09-20T09:00:00+08:00';
/** A syntactically valid argon2id hash no password matches. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function emptyPlacementsSheet(): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'wengang-matrix-'));
  try {
    return await readFile(await writePlacements(dir, []));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function insertDistrict(
  db: Db,
  regionCode: string,
  n: number,
  shared: { runId: number; campaignId: number; comparisonBatchId: number; placementsXlsx: Buffer },
): Promise<Target> {
  const unit = await insertUnit(db, { name: `${regionCode}矩阵测试有限公司`, regionCode, laborDispatch: true });
  const amountFen = 10_000;
  await insertCase(db, shared.runId, unit.id, { state: 'proposed', amountFen, regionCode });

  const idNumber = idNumberOf(900 + n);
  const person = await db
    .insertInto('persons')
    .values({
      id_number_index: testCipher.blindIndex(idNumber),
      id_number_cipher: testCipher.encrypt(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      name: `矩阵测试${n}`,
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const reviewBatch = await db
    .insertInto('review_batches')
    .values({
      round: ROUND,
      status: 'proposed',
      unit_count: 1,
      total_fen: amountFen,
      proposed_by: FIXTURE_STAFF,
      proposed_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('refund_cases').set({ batch_id: reviewBatch.id }).where('unit_id', '=', unit.id).execute();

  const notice = await db
    .insertInto('public_notices')
    .values({
      round: ROUND,
      title: `${regionCode} 稳岗返还公示`,
      opened_on: '2024-09-26',
      working_days: 7,
      last_day: '2024-10-09',
      status: 'open',
      opened_by: FIXTURE_STAFF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('notice_items')
    .values({
      notice_id: notice.id,
      unit_id: unit.id,
      unit_name: `${regionCode}矩阵测试有限公司`,
      credit_code_masked: maskCreditCode(unit.creditCode),
      region_code: regionCode,
      layoff_rate: null,
      amount_fen: amountFen,
    })
    .execute();

  const paymentBatch = await db
    .insertInto('payment_batches')
    .values({
      round: ROUND,
      status: 'proposed',
      payment_count: 1,
      total_fen: amountFen,
      proposed_by: FIXTURE_STAFF,
      proposed_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payment = await db
    .insertInto('payments')
    .values({
      idempotency_key: `matrix:${ROUND}:${unit.id}`,
      round: ROUND,
      unit_id: unit.id,
      purpose: 'job_retention_refund',
      recipient_credit_code: unit.creditCode,
      recipient_name: `${regionCode}矩阵测试有限公司`,
      role: 'unit',
      amount_fen: amountFen,
      account_kind: 'corporate_account',
      bank_name: '中国工商银行威海分行',
      ...sealedAccount(`6222000099${String(n).padStart(6, '0')}`),
      status: 'in_batch',
      batch_id: paymentBatch.id,
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const correction = await db
    .insertInto('account_corrections')
    .values({
      payment_id: payment.id,
      account_kind: 'corporate_account',
      bank_name: '中国建设银行威海分行',
      ...sealedAccount(`6227000099${String(n).padStart(6, '0')}`),
      reason: '原账户已销户',
      status: 'proposed',
      proposed_by: FIXTURE_STAFF,
      proposed_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const application = await db
    .insertInto('dispatch_applications')
    .values({
      round: ROUND,
      unit_id: unit.id,
      status: 'decided',
      workers: JSON.stringify([]),
      worker_payments: JSON.stringify([]),
      submitted_by: FIXTURE_STAFF,
      submitted_at: AT,
      decided_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const claim = await db
    .insertInto('benefit_claims')
    .values({
      person_id: person.id,
      claim_date: '2024-09-10',
      channel: 'case_worker',
      status: 'submitted',
      decision_status: 'eligible',
      reasons: '[]',
      trace: '[]',
      input: '{}',
      policy_version: 'matrix',
      contribution_months: 30,
      max_months: 12,
      monthly_fen: 198_000,
      first_period: '2024-09',
      submitted_by: FIXTURE_STAFF,
      region_code: regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const certificateNumber = `MATRIX-${regionCode}`;
  await db
    .insertInto('certificates')
    .values({
      number: certificateNumber,
      person_id: person.id,
      occupation_code: '4-01-02-01',
      level: 3,
      issue_date: '2024-08-01',
      region_code: regionCode,
    })
    .execute();
  const skillApplication = await db
    .insertInto('skill_subsidy_applications')
    .values({
      person_id: person.id,
      certificate_number: certificateNumber,
      occupation_code: '4-01-02-01',
      level: 3,
      issue_date: '2024-08-01',
      application_date: '2024-09-10',
      channel: 'case_worker',
      status: 'eligible',
      state: 'submitted',
      amount_fen: 150_000,
      reasons: '[]',
      trace: '[]',
      retroactive: false,
      input_hash: `matrix-${regionCode}`,
      region_code: regionCode,
      submitted_by: FIXTURE_STAFF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await db
    .insertInto('staff_accounts')
    .values({
      username: `matrix.target.${regionCode}`,
      display_name: `${regionCode}被管理账号`,
      roles: ['case_worker'],
      region_code: regionCode,
      password_hash: NO_PASSWORD,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const riskRun = await db
    .insertInto('risk_runs')
    .values({ city_code: CITY, as_of: '2024-09-20', rule_codes: '[]', created_by: FIXTURE_STAFF })
    .returning('id')
    .executeTakeFirstOrThrow();
  const riskHit = await db
    .insertInto('risk_hits')
    .values({
      rule_code: 'unit_flagged_after_decision',
      fingerprint: `matrix:${regionCode}`,
      stage: 'before_payment',
      severity: 'high',
      run_id: riskRun.id,
      region_code: regionCode,
      unit_id: unit.id,
      payment_id: payment.id,
      amount_fen: amountFen,
      evidence: '{}',
      hold: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return {
    regionCode,
    riskHitId: riskHit.id,
    unitId: unit.id,
    personId: person.id,
    idNumber,
    certificateNumber,
    skillApplicationId: skillApplication.id,
    reviewBatchId: reviewBatch.id,
    noticeId: notice.id,
    paymentId: payment.id,
    paymentBatchId: paymentBatch.id,
    correctionId: correction.id,
    dispatchApplicationId: application.id,
    accountId: account.id,
    benefitClaimId: claim.id,
    ...shared,
  };
}

/** The in-scope (环翠区) and out-of-scope (文登区) targets, written into the store. */
export async function insertTargets(db: Db): Promise<{ in: Target; out: Target }> {
  const campaign = await db
    .insertInto('campaigns')
    .values({
      code: 'matrix',
      name: '矩阵测试活动',
      audience: 'units_unconfirmed',
      round: ROUND,
      city_code: CITY,
      created_by: FIXTURE_STAFF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const comparison = await db
    .insertInto('import_batches')
    .values({
      kind: 'comparison-deaths',
      file_name: 'deaths.csv',
      file_sha256: '0'.repeat(64),
      row_count: 0,
      status: 'accepted',
      created_by: FIXTURE_STAFF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const shared = {
    runId: await insertRun(db),
    campaignId: campaign.id,
    comparisonBatchId: comparison.id,
    placementsXlsx: await emptyPlacementsSheet(),
  };
  return { in: await insertDistrict(db, IN_SCOPE, 1, shared), out: await insertDistrict(db, OUT_OF_SCOPE, 2, shared) };
}
