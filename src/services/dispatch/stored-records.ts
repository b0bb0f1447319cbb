// What the agency's data already hold about a dispatch unit's workers (鲁人社发〔2024〕8号 第三条): each person's
// base-year contributions through the unit (person_contributions) and, when imported, the placements
// (dispatch_placements). Persons are keyed by the blind index of their ID number, as uploaded workers are.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { OrgType } from '../../policy/core/input-fields.ts';
import type { UploadedWorker, WorkerPayment } from './read-upload.ts';

type Db = Kysely<Database>;

/** Contributions of the base year (period and payment date both in it) through the unit, by person. */
function baseYearContributions(db: Db, unitId: number, baseYear: number) {
  return db
    .selectFrom('person_contributions as pc')
    .where('pc.unit_id', '=', unitId)
    .where('pc.period', '>=', `${baseYear}-01`)
    .where('pc.period', '<=', `${baseYear}-12`)
    .where('pc.paid_on', '>=', `${baseYear}-01-01`)
    .where('pc.paid_on', '<=', `${baseYear}-12-31`);
}

export async function hasStoredWorkerPayments(db: Db, unitId: number, baseYear: number): Promise<boolean> {
  const row = await baseYearContributions(db, unitId, baseYear).select('pc.person_id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function storedWorkerPayments(db: Db, unitId: number, baseYear: number): Promise<WorkerPayment[]> {
  const rows = await baseYearContributions(db, unitId, baseYear)
    .innerJoin('persons as p', 'p.id', 'pc.person_id')
    .select(['p.id_number_index', 'pc.period', 'pc.paid_on', 'pc.amount_fen'])
    .orderBy('pc.person_id')
    .orderBy('pc.period')
    .execute();
  return rows.map((r) => ({ workerId: r.id_number_index, period: r.period, paidOn: r.paid_on, amountFen: r.amount_fen }));
}

/** The placements imported for the unit, as workers (a person with only own-staff rows is own staff). */
export async function storedWorkers(db: Db, unitId: number): Promise<UploadedWorker[]> {
  const rows = await db
    .selectFrom('dispatch_placements as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .select([
      'p.id_number_index',
      'p.name',
      'p.id_number_masked',
      'd.from_period',
      'd.to_period',
      'd.own_staff',
      'd.user_unit_credit_code',
      'd.user_unit_name',
      'd.user_unit_org_type',
    ])
    .where('d.dispatch_unit_id', '=', unitId)
    .orderBy('d.person_id')
    .orderBy('d.from_period')
    .execute();
  const workers = new Map<string, UploadedWorker>();
  for (const r of rows) {
    let worker = workers.get(r.id_number_index);
    if (!worker) {
      worker = {
        workerId: r.id_number_index,
        name: r.name,
        idNumberMasked: r.id_number_masked,
        employeeNo: null,
        ownStaff: true,
        placements: [],
      };
      workers.set(r.id_number_index, worker);
    }
    if (r.own_staff || r.user_unit_credit_code === null) continue;
    worker.ownStaff = false;
    worker.placements.push({
      from: r.from_period,
      to: r.to_period,
      userUnit: { creditCode: r.user_unit_credit_code, name: r.user_unit_name ?? '', orgType: r.user_unit_org_type as OrgType },
    });
  }
  return [...workers.values()];
}
