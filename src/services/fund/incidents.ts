// Major incident reports (要情报告, 鲁人社发〔2024〕8号 第八条：严格执行社会保险基金要情报告制度，不得瞒报谎报；威人社函〔2024〕41号
// 第三条): case staff and finance record an incident with its time, region, category, description and follow-up; an
// entry is never changed or deleted (the database refuses it) — a correction or further follow-up is a new entry
// naming the one it corrects. Each entry is audited in its own transaction; the list exports as .xlsx.
import type { Kysely, Selectable } from 'kysely';
import { writeXlsx } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { FundIncidentsTable } from '../../adapters/store/schema-fund.ts';
import { incidentCategories, incidentCategoryLabels, type IncidentCategory } from '../../domain/vocabulary/fund.ts';
import type { Incident } from '../../domain/fund-incident.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';
import { regionScope } from '../screening/region-scope.ts';

export type { Incident };

export interface RecordIncident {
  occurredAt: string;
  regionCode: string;
  category: IncidentCategory;
  description: string;
  followUp?: string;
  correctsId?: number;
  actor: Actor;
  clock: Clock;
}

function incidentView(row: Selectable<FundIncidentsTable>, regionName: string): Incident {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    regionCode: row.region_code,
    regionName,
    category: row.category,
    categoryLabel: incidentCategoryLabels[row.category],
    description: row.description,
    followUp: row.follow_up,
    correctsId: row.corrects_id,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function recordIncident(db: Kysely<Database>, request: RecordIncident): Promise<Incident> {
  const { actor, clock } = request;
  if (actor.kind !== 'staff' || !['case_worker', 'reviewer', 'finance'].includes(actor.role)) {
    throw new Refusal('FORBIDDEN', '只有经办员、复核员或财务人员可以登记要情报告');
  }
  if (!incidentCategories.includes(request.category)) throw new Refusal('INVALID', `没有这个要情类别：${request.category}`);
  const description = request.description.trim();
  if (!description) throw new Refusal('INVALID', '请填写要情内容');
  const occurredAt = new Date(request.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) throw new Refusal('INVALID', `发生时间 ${request.occurredAt} 不是有效的时间`);
  if (occurredAt > clock.now()) throw new Refusal('INVALID', '发生时间不能晚于现在');
  return db.transaction().execute(async (trx) => {
    const region = await trx.selectFrom('regions').select('name').where('code', '=', request.regionCode).executeTakeFirst();
    if (!region) throw new Refusal('NOT_FOUND', `没有行政区划代码为 ${request.regionCode} 的地区`);
    if (request.correctsId !== undefined) {
      const earlier = await trx.selectFrom('fund_incidents').select('id').where('id', '=', request.correctsId).executeTakeFirst();
      if (!earlier) throw new Refusal('NOT_FOUND', `没有编号为 ${request.correctsId} 的要情报告`);
    }
    const row = await trx
      .insertInto('fund_incidents')
      .values({
        occurred_at: occurredAt,
        region_code: request.regionCode,
        category: request.category,
        description,
        follow_up: request.followUp?.trim() || null,
        corrects_id: request.correctsId ?? null,
        recorded_by: actorName(actor),
        recorded_at: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'fund_incident.record',
      subject: auditSubject.fundIncident(row.id),
      clock,
      detail: {
        regionCode: row.region_code,
        category: row.category,
        ...(row.corrects_id !== null && { correctsId: row.corrects_id }),
      },
    });
    return incidentView(row, region.name);
  });
}

/** Incidents in the region and below it, newest first. */
export async function listIncidents(db: Kysely<Database>, filter: { regionCode: string }): Promise<Incident[]> {
  const scope = await regionScope(db, filter.regionCode);
  const rows = await db
    .selectFrom('fund_incidents as i')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .selectAll('i')
    .select('r.name')
    .where('i.region_code', 'in', scope)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  return rows.map((row) => incidentView(row, row.name));
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
  hour12: false,
});

export async function exportIncidents(db: Kysely<Database>, filter: { regionCode: string }, path: string): Promise<number> {
  const incidents = await listIncidents(db, filter);
  await writeXlsx(path, [
    {
      name: '要情报告',
      columns: [
        { header: '编号', width: 8 },
        { header: '发生时间', width: 18 },
        { header: '地区', width: 16 },
        { header: '类别', width: 12 },
        { header: '要情内容', width: 50 },
        { header: '后续处理', width: 40 },
        { header: '更正第几号', width: 10 },
        { header: '登记人', width: 20 },
        { header: '登记时间', width: 18 },
      ],
      rows: incidents.map((i) => [
        i.id,
        timeFormat.format(i.occurredAt),
        i.regionName,
        i.categoryLabel,
        i.description,
        i.followUp,
        i.correctsId,
        i.recordedBy,
        timeFormat.format(i.recordedAt),
      ]),
    },
  ]);
  return incidents.length;
}
