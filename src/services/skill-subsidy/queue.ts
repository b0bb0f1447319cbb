// The skill-subsidy queue as case workers and reviewers see it: filtered lists with the ID number masked, one
// application with its decision trace and payment, and the list as an Excel file (all in Chinese).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { writeXlsx } from '../../adapters/files/write-xlsx.ts';
import type { SkillApplicationState } from '../../adapters/store/schema-skill-subsidy.ts';
import type { SkillDecisionStatus } from '../../domain/skill-application.ts';
import {
  skillApplicationChannelLabels,
  skillApplicationStateLabels,
  skillDecisionStatusLabels,
  skillReasonLabels,
} from '../../domain/vocabulary/skill-subsidy.ts';
import { paymentStatusLabel } from '../../domain/vocabulary/payments.ts';
import type { TraceStep } from '../../policy/core/decision.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface SkillQueueFilter {
  state?: SkillApplicationState;
  status?: SkillDecisionStatus;
  /** A region and every region under it (a city's districts). */
  regionCodes?: readonly string[];
  retroactive?: boolean;
  personId?: number;
  limit?: number;
  offset?: number;
}

function applications(db: Kysely<Database>) {
  return db
    .selectFrom('skill_subsidy_applications as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('certificates as c', 'c.number', 'a.certificate_number')
    .leftJoin('payments as pay', 'pay.id', 'a.payment_id')
    .select([
      'a.id',
      'a.person_id',
      'p.name',
      'p.id_number_masked',
      'a.certificate_number',
      'a.occupation_code',
      'c.occupation_name',
      'c.issuing_body',
      'a.level',
      'a.issue_date',
      'a.application_date',
      'a.channel',
      'a.status',
      'a.state',
      'a.amount_fen',
      'a.reasons',
      'a.retroactive',
      'a.region_code',
      'a.submitted_by',
      'a.submitted_at',
      'a.reviewed_by',
      'a.reviewed_at',
      'a.review_note',
      'a.payment_id',
      'pay.status as payment_status',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof applications>['execute']>>[number];

function view(r: Row) {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    idNumberMasked: r.id_number_masked,
    certificateNumber: r.certificate_number,
    occupationCode: r.occupation_code,
    occupationName: r.occupation_name,
    issuingBody: r.issuing_body,
    level: r.level,
    issueDate: r.issue_date,
    applicationDate: r.application_date,
    channel: r.channel,
    status: r.status,
    state: r.state,
    amountFen: r.amount_fen,
    reasons: r.reasons,
    retroactive: r.retroactive,
    regionCode: r.region_code,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    paymentId: r.payment_id,
    paymentStatus: r.payment_status,
  };
}

export type SkillApplicationView = ReturnType<typeof view>;

export async function listSkillApplications(
  db: Kysely<Database>,
  filter: SkillQueueFilter = {},
): Promise<SkillApplicationView[]> {
  let query = applications(db)
    .orderBy('a.id', 'desc')
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  if (filter.state) query = query.where('a.state', '=', filter.state);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.regionCodes) query = query.where('a.region_code', 'in', filter.regionCodes.length ? [...filter.regionCodes] : ['']);
  if (filter.retroactive !== undefined) query = query.where('a.retroactive', '=', filter.retroactive);
  if (filter.personId !== undefined) query = query.where('a.person_id', '=', filter.personId);
  return (await query.execute()).map(view);
}

/** A person's own applications (newest first), each with its decision trace, as the person portal shows them. */
export async function personSkillApplications(
  db: Kysely<Database>,
  personId: number,
): Promise<(SkillApplicationView & { trace: TraceStep[] })[]> {
  const rows = await applications(db).select('a.trace').where('a.person_id', '=', personId).orderBy('a.id', 'desc').execute();
  return rows.map((row) => ({ ...view(row), trace: row.trace }));
}

export async function skillApplicationDetail(
  db: Kysely<Database>,
  id: number,
): Promise<SkillApplicationView & { trace: TraceStep[] }> {
  const row = await applications(db).select('a.trace').where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new Refusal('NOT_FOUND', `技能提升补贴申请 ${id} 不存在`);
  return { ...view(row), trace: row.trace };
}

/** The filtered queue as XLSX (证书、判定、金额、补发、复核与支付状态). */
export async function writeSkillApplicationsXlsx(db: Kysely<Database>, filter: SkillQueueFilter, path: string): Promise<number> {
  const rows = await listSkillApplications(db, { ...filter, limit: filter.limit ?? 100_000 });
  await writeXlsx(path, [
    {
      name: '技能提升补贴申请',
      columns: [
        '申请编号',
        '姓名',
        '公民身份号码',
        '证书编号',
        '职业（工种）',
        '等级',
        '发证日期',
        '申请日期',
        '申请渠道',
        '判定结果',
        '不符合原因',
        '补贴金额（元）',
        '补发',
        '复核状态',
        '复核人',
        '支付状态',
      ].map((header) => ({ header, width: 16 })),
      rows: rows.map((r) => [
        r.id,
        r.name,
        r.idNumberMasked,
        r.certificateNumber,
        r.occupationName ?? r.occupationCode,
        r.level,
        r.issueDate,
        r.applicationDate,
        skillApplicationChannelLabels[r.channel],
        skillDecisionStatusLabels[r.status],
        r.reasons.map((c) => skillReasonLabels[c] ?? c).join('；'),
        formatYuan(r.amountFen),
        r.retroactive ? '是' : '否',
        skillApplicationStateLabels[r.state],
        r.reviewedBy ?? '',
        r.paymentStatus ? paymentStatusLabel[r.paymentStatus] : '',
      ]),
    },
  ]);
  return rows.length;
}
