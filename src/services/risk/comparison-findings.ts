// What one comparison extract found and what it triggered (鲁人社发〔2024〕8号 第八条：与全国社保信息比对查询系统比对):
// the comparison imports with their counts, and for one import every row it reported — the person (ID number masked),
// the region, the kind and date — with the case the comparison rules opened from it, whether that case holds the
// person's payments now, and whether the person's unemployment benefit stopped for that reason. Read in SQL, in
// the staff member's region.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { type ComparisonKind, type RiskHitStatus } from '../../domain/vocabulary/risk.ts';
import { Refusal } from '../../domain/refusal.ts';
import { comparisonImportKinds } from '../imports/kinds/comparison-records.ts';
import { regionAndDistricts } from '../scope/region-and-districts.ts';
import { holdsNow } from './list-hits.ts';

const IMPORT_NAMES = comparisonImportKinds.map((kind) => kind.spec.kind);

export interface ComparisonImport {
  batchId: number;
  importKind: string;
  fileName: string;
  importedBy: string;
  importedAt: Date;
  findings: number;
  cases: number;
}

export interface ComparisonFinding {
  personKey: string;
  personName: string;
  regionCode: string;
  regionName: string;
  kind: ComparisonKind;
  fromDate: string;
  place: string | null;
  hitId: number | null;
  hitStatus: RiskHitStatus | null;
  /** The case holds the person's payments now. */
  held: boolean;
  /** The person's unemployment benefit stopped for the reason the extract reported. */
  stopped: boolean;
}

/**
 * The comparison rules' hit that a finding opened: a report of death, imprisonment or pension is the case of
 * person_deceased_imprisoned_or_pensioned under the same kind and date; contributions or benefit elsewhere are the
 * cases of benefit_with_new_employer and benefit_received_elsewhere whose evidence names the same date elsewhere.
 */
const hitOfFinding = sql`
  SELECT h.id, h.status, h.hold FROM risk_hits h
  WHERE h.person_id = f.person_id AND (
    (h.rule_code = 'person_deceased_imprisoned_or_pensioned' AND h.evidence->>'kind' = f.kind AND (h.evidence->>'from')::date = f.from_date)
    OR (h.rule_code = 'benefit_with_new_employer' AND f.kind = 'contribution_elsewhere' AND (h.evidence->>'elsewhereFrom')::date = f.from_date)
    OR (h.rule_code = 'benefit_received_elsewhere' AND f.kind = 'benefit_elsewhere' AND (h.evidence->>'elsewhereFrom')::date = f.from_date))
  ORDER BY h.id LIMIT 1`;

const inRegion = (column: string, withinRegion?: string) =>
  withinRegion ? sql`AND ${sql.ref(column)} IN ${regionAndDistricts(withinRegion)}` : sql``;

/** The accepted comparison imports, latest first, with their findings and the cases opened from them (in the region). */
export async function listComparisonImports(db: Kysely<Database>, withinRegion?: string): Promise<ComparisonImport[]> {
  const { rows } = await sql<{
    id: number;
    kind: string;
    file_name: string;
    created_by: string;
    created_at: Date;
    findings: number;
    cases: number;
  }>`
    SELECT b.id, b.kind, b.file_name, b.created_by, b.created_at,
      count(f.person_id)::int AS findings, count(h.id)::int AS cases
    FROM import_batches b
    LEFT JOIN comparison_findings f ON f.batch_id = b.id ${inRegion('f.region_code', withinRegion)}
    LEFT JOIN LATERAL (${hitOfFinding}) h ON true
    WHERE b.kind IN (${sql.join(IMPORT_NAMES)}) AND b.status = 'accepted'
    GROUP BY b.id ORDER BY b.id DESC LIMIT 200`.execute(db);
  return rows.map((r) => ({
    batchId: r.id,
    importKind: r.kind,
    fileName: r.file_name,
    importedBy: r.created_by,
    importedAt: r.created_at,
    findings: r.findings,
    cases: r.cases,
  }));
}

/** Every finding of one comparison import (in the region), by region and person. */
export async function listComparisonFindings(
  db: Kysely<Database>,
  batchId: number,
  withinRegion?: string,
): Promise<ComparisonFinding[]> {
  const batch = await db.selectFrom('import_batches').select('kind').where('id', '=', batchId).executeTakeFirst();
  if (!batch || !IMPORT_NAMES.includes(batch.kind)) throw new Refusal('NOT_FOUND', `比对导入批次 ${batchId} 不存在`);
  const { rows } = await sql<{
    id_number_masked: string;
    name: string;
    region_code: string;
    region_name: string;
    kind: ComparisonKind;
    from_date: string;
    place: string | null;
    hit_id: number | null;
    hit_status: RiskHitStatus | null;
    hit_hold: boolean | null;
    stopped: boolean;
  }>`
    SELECT p.id_number_masked, p.name, f.region_code, r.name AS region_name, f.kind, f.from_date, c.place,
      h.id AS hit_id, h.status AS hit_status, h.hold AS hit_hold,
      EXISTS (SELECT 1 FROM benefit_claims bc WHERE bc.person_id = f.person_id AND bc.status = 'stopped'
        AND bc.stop_reason = f.kind) AS stopped
    FROM comparison_findings f
    JOIN persons p ON p.id = f.person_id
    JOIN regions r ON r.code = f.region_code
    LEFT JOIN comparison_records c ON c.person_id = f.person_id AND c.kind = f.kind AND c.from_date = f.from_date
    LEFT JOIN LATERAL (${hitOfFinding}) h ON true
    WHERE f.batch_id = ${batchId} ${inRegion('f.region_code', withinRegion)}
    ORDER BY f.region_code, p.id_number_masked, f.kind, f.from_date`.execute(db);
  return rows.map((r) => ({
    personKey: r.id_number_masked,
    personName: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    kind: r.kind,
    fromDate: r.from_date,
    place: r.place,
    hitId: r.hit_id,
    hitStatus: r.hit_status,
    held: r.hit_status !== null && holdsNow(Boolean(r.hit_hold), r.hit_status),
    stopped: r.stopped,
  }));
}
