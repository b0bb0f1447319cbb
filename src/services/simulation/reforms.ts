// Saved reforms: each save of a name is a new version (never an edit), checked against the parameter declarations
// before it is stored, with the audit entry in the same transaction. A reform becomes a parameter store only for a
// what-if run; the project's own parameters change only through a reviewed change of the parameter files.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { PARAMETER_DECLARATIONS } from '../../policy/parameter-declarations.ts';
import { applyReform, compareReforms, reformSchema, type Reform, type ReformDifference } from '../../policy/simulation/reform.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';

export interface SavedReform {
  id: number;
  name: string;
  version: number;
  reform: Reform;
  createdBy: string;
  createdAt: Date;
}

/** The reform checked as data and against the parameters it changes; INVALID lists every problem in Chinese. */
export function checkedReform(data: unknown, base: ParameterStore): Reform {
  const parsed = reformSchema.safeParse(data);
  if (!parsed.success) {
    throw new Refusal('INVALID', parsed.error.issues.map((i) => `${i.path.join('.') || '方案'}：${i.message}`).join('；'));
  }
  const applied = applyReform(base, parsed.data, PARAMETER_DECLARATIONS, base.version);
  if (!applied.ok) throw new Refusal('INVALID', applied.problems.join('；'));
  return parsed.data;
}

/** The parameter store a run of this saved reform uses: named after the base set and the reform's id. */
export function reformParameters(base: ParameterStore, saved: SavedReform): ParameterStore {
  const applied = applyReform(base, saved.reform, PARAMETER_DECLARATIONS, `${base.version}+reform-${saved.id}`);
  if (!applied.ok)
    throw new Refusal('INVALID', `方案「${saved.name}」第 ${saved.version} 版与当前参数不符：${applied.problems.join('；')}`);
  return applied.params;
}

type Row = { id: number; name: string; version: number; definition: unknown; created_by: string; created_at: Date };
const view = (row: Row): SavedReform => ({
  id: row.id,
  name: row.name,
  version: row.version,
  reform: row.definition as Reform,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function saveReform(
  db: Kysely<Database>,
  base: ParameterStore,
  request: { reform: unknown; actor: Actor; clock: Clock },
): Promise<SavedReform> {
  const reform = checkedReform(request.reform, base);
  return db.transaction().execute(async (trx) => {
    // One writer per name at a time (also for a name's first save), so two saves never take the same version number.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`policy_reform:${reform.name}`}))`.execute(trx);
    const last = await trx
      .selectFrom('policy_reforms')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('name', '=', reform.name)
      .executeTakeFirst();
    const row = await trx
      .insertInto('policy_reforms')
      .values({
        name: reform.name,
        version: Number(last?.v ?? 0) + 1,
        definition: JSON.stringify(reform),
        created_by: actorName(request.actor),
        created_at: request.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'simulation.save_reform',
      subject: auditSubject.policyReform(row.id),
      clock: request.clock,
      detail: { name: row.name, version: row.version, changes: reform.changes.length },
    });
    return view(row);
  });
}

export async function getReform(db: Kysely<Database>, id: number): Promise<SavedReform> {
  const row = await db.selectFrom('policy_reforms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Refusal('NOT_FOUND', `没有编号为 ${id} 的模拟方案`);
  return view(row);
}

/** A name's version, the latest when none is given. */
export async function findReform(db: Kysely<Database>, name: string, version?: number): Promise<SavedReform> {
  let query = db.selectFrom('policy_reforms').selectAll().where('name', '=', name);
  query = version === undefined ? query.orderBy('version', 'desc') : query.where('version', '=', version);
  const row = await query.limit(1).executeTakeFirst();
  if (!row) throw new Refusal('NOT_FOUND', `没有模拟方案「${name}」${version === undefined ? '' : `第 ${version} 版`}`);
  return view(row);
}

/** Every saved version, newest first. */
export async function listReforms(db: Kysely<Database>): Promise<SavedReform[]> {
  const rows = await db.selectFrom('policy_reforms').selectAll().orderBy('name').orderBy('version', 'desc').execute();
  return rows.map(view);
}

export async function compareSavedReforms(db: Kysely<Database>, beforeId: number, afterId: number): Promise<ReformDifference[]> {
  const [before, after] = await Promise.all([getReform(db, beforeId), getReform(db, afterId)]);
  return compareReforms(before.reform, after.reform);
}
