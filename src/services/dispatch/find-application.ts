// A labour-dispatch unit's application as stored (鲁人社发〔2024〕8号 第三条), with its allocations.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';

export interface StoredApplication {
  id: number;
  round: string;
  unitId: number;
  unitName: string;
  status: 'submitted' | 'decided' | 'withdrawn';
  amountFen: Fen;
  excludedFen: Fen;
  workerCount: number;
  submittedBy: string;
  submittedAt: Date;
  decidedAt: Date | null;
  decision: unknown;
  allocations: {
    recipient: string;
    recipientName: string | null;
    role: 'dispatch_unit' | 'user_unit';
    baseFen: Fen;
    amountFen: Fen;
  }[];
}

type Db = Kysely<Database>;

function applications(db: Db) {
  return db
    .selectFrom('dispatch_applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.round',
      'a.unit_id',
      'u.name',
      'a.status',
      'a.amount_fen',
      'a.excluded_fen',
      'a.workers',
      'a.submitted_by',
      'a.submitted_at',
      'a.decided_at',
      'a.decision',
    ]);
}

async function withAllocations(
  db: Db,
  row: Awaited<ReturnType<ReturnType<typeof applications>['executeTakeFirstOrThrow']>>,
): Promise<StoredApplication> {
  const allocations = await db
    .selectFrom('dispatch_allocations')
    .select(['recipient_credit_code', 'recipient_name', 'role', 'base_fen', 'amount_fen'])
    .where('application_id', '=', row.id)
    .orderBy('recipient_credit_code')
    .execute();
  return {
    id: row.id,
    round: row.round,
    unitId: row.unit_id,
    unitName: row.name,
    status: row.status,
    amountFen: row.amount_fen,
    excludedFen: row.excluded_fen,
    workerCount: row.workers.length,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decision: row.decision,
    allocations: allocations.map((a) => ({
      recipient: a.recipient_credit_code,
      recipientName: a.recipient_name,
      role: a.role,
      baseFen: a.base_fen,
      amountFen: a.amount_fen,
    })),
  };
}

export async function findDispatchApplication(db: Db, id: number): Promise<StoredApplication | undefined> {
  const row = await applications(db).where('a.id', '=', id).executeTakeFirst();
  return row && withAllocations(db, row);
}

/** The unit's open application in the round (the latest withdrawn one when none is open). */
export async function findUnitApplication(db: Db, round: string, unitId: number): Promise<StoredApplication | undefined> {
  const row = await applications(db)
    .where('a.round', '=', round)
    .where('a.unit_id', '=', unitId)
    .orderBy((eb) => eb.case().when('a.status', '=', 'withdrawn').then(1).else(0).end())
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
  return row && withAllocations(db, row);
}
