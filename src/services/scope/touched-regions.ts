// The regions an action or a read touches, for checking them against the scope of the member of staff who asks
// (a district worker sees and acts only within the district). Each answers the distinct region codes of
// the units involved; an unknown subject touches none (and the route then answers 404 as usual).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

type Db = Kysely<Database>;

const codes = (rows: readonly { region_code: string }[]) => [...new Set(rows.map((row) => row.region_code))];

export async function regionsOfUnits(db: Db, unitIds: readonly number[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  return codes(
    await db
      .selectFrom('units')
      .select('region_code')
      .where('id', 'in', [...unitIds])
      .execute(),
  );
}

export async function regionsOfReviewBatch(db: Db, batchId: number): Promise<string[]> {
  return codes(await db.selectFrom('refund_cases').select('region_code').distinct().where('batch_id', '=', batchId).execute());
}

export async function regionsOfReviewBatches(db: Db, batchIds: readonly number[]): Promise<string[]> {
  if (batchIds.length === 0) return [];
  return codes(
    await db
      .selectFrom('refund_cases')
      .select('region_code')
      .distinct()
      .where('batch_id', 'in', [...batchIds])
      .execute(),
  );
}

export async function regionsOfNotice(db: Db, noticeId: number): Promise<string[]> {
  return codes(
    await db
      .selectFrom('notice_items as i')
      .innerJoin('units as u', 'u.id', 'i.unit_id')
      .select('u.region_code')
      .distinct()
      .where('i.notice_id', '=', noticeId)
      .execute(),
  );
}

export async function regionsOfPayments(db: Db, paymentIds: readonly number[]): Promise<string[]> {
  if (paymentIds.length === 0) return [];
  return codes(
    await db
      .selectFrom('payments')
      .select('region_code')
      .distinct()
      .where('id', 'in', [...paymentIds])
      .execute(),
  );
}

export async function regionsOfPaymentBatch(db: Db, batchId: number): Promise<string[]> {
  const current = db.selectFrom('payments').select('region_code').where('batch_id', '=', batchId);
  const earlier = db
    .selectFrom('payment_attempts as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select('p.region_code')
    .where('a.batch_id', '=', batchId);
  return codes(await current.union(earlier).execute());
}

export async function regionsOfCorrection(db: Db, correctionId: number): Promise<string[]> {
  return codes(
    await db
      .selectFrom('account_corrections as c')
      .innerJoin('payments as p', 'p.id', 'c.payment_id')
      .select('p.region_code')
      .where('c.id', '=', correctionId)
      .execute(),
  );
}

export async function regionsOfDispatchApplication(db: Db, applicationId: number): Promise<string[]> {
  return codes(
    await db
      .selectFrom('dispatch_applications as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select('u.region_code')
      .where('a.id', '=', applicationId)
      .execute(),
  );
}

export async function regionOfPerson(db: Db, personId: number): Promise<string[]> {
  return codes(await db.selectFrom('persons').select('region_code').where('id', '=', personId).execute());
}

export async function regionOfStaffAccount(db: Db, accountId: number): Promise<string[]> {
  return codes(await db.selectFrom('staff_accounts').select('region_code').where('id', '=', accountId).execute());
}

export async function regionOfRiskHit(db: Db, hitId: number): Promise<string[]> {
  return codes(await db.selectFrom('risk_hits').select('region_code').where('id', '=', hitId).execute());
}
