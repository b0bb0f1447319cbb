// A what-if run as an .xlsx: the totals and the cap, one sheet per breakdown (district, size, industry, reason), the
// benefit claims and skill-subsidy applications re-decided, and the units whose decision moves, streamed from the store a page at a time.
import type { Kysely } from 'kysely';
import { writeXlsx, type ExportCell, type XlsxSheet } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { DECISION_STATUS_LABELS } from '../../domain/vocabulary/refund.ts';
import { certificateLevelLabel } from '../../domain/vocabulary/certificates.ts';
import {
  IMPACT_DIMENSION_LABELS,
  PERSON_IMPACT_LABELS,
  UNIT_SHIFT_LABELS,
  type ImpactDimension,
} from '../../domain/vocabulary/simulation.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { formatBpPercent } from '../../policy/core/ratio.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { impactKeyLabels, type KeyLabels } from './impact-labels.ts';
import { changedUnits, impactRun, type ImpactRunView } from './impact-read.ts';
import type { Bucket, PersonImpact } from './impact-tally.ts';

const BUCKET_HEADERS = [
  '单位数',
  '现行符合条件单位数',
  '方案符合条件单位数',
  '现行返还金额（元）',
  '方案返还金额（元）',
  '增减金额（元）',
  '新增符合条件单位数',
  '新增符合条件单位参保人数',
  '不再符合条件单位数',
  '不再符合条件单位参保人数',
  '结论或金额变化单位数',
];

const bucketCells = (b: Bucket): ExportCell[] => [
  b.units,
  b.baselineEligible,
  b.reformEligible,
  formatYuan(b.baselineFen),
  formatYuan(b.reformFen),
  formatYuan(b.reformFen - b.baselineFen),
  b.newlyEligible,
  b.newlyEligiblePeople,
  b.noLongerEligible,
  b.noLongerEligiblePeople,
  b.changed,
];

const PERSON_HEADERS = [
  '件数',
  '现行符合条件件数',
  '方案符合条件件数',
  '现行金额（元）',
  '方案金额（元）',
  '增减金额（元）',
  '新增符合条件人数',
  '不再符合条件人数',
  '结论或金额变化件数',
];

const personCells = (b: Bucket): ExportCell[] => [
  b.units,
  b.baselineEligible,
  b.reformEligible,
  formatYuan(b.baselineFen),
  formatYuan(b.reformFen),
  formatYuan(b.reformFen - b.baselineFen),
  b.newlyEligiblePeople,
  b.noLongerEligiblePeople,
  b.changed,
];

/** The claims and applications re-decided (none in runs made before they were). */
function personSheet(persons: PersonImpact | undefined): XlsxSheet {
  const levels = Object.entries(persons?.skillLevel ?? {}).sort(([a], [b]) => b.localeCompare(a));
  return {
    name: '失业保险金与技能补贴',
    columns: ['项目', ...PERSON_HEADERS].map((header, i) => ({ header, width: i === 0 ? 40 : 16 })),
    rows: persons
      ? [
          [PERSON_IMPACT_LABELS.benefit, ...personCells(persons.benefit)],
          [PERSON_IMPACT_LABELS.skill, ...personCells(persons.skill)],
          ...levels.map(([level, b]) => [`  其中${certificateLevelLabel(Number(level))}证书`, ...personCells(b)]),
        ]
      : [['本次测算未包含失业保险金与技能提升补贴']],
  };
}

function summarySheet(run: ImpactRunView): XlsxSheet {
  const { cap } = run;
  const capRows: ExportCell[][] = cap
    ? [
        ['试点支出额度所属', `${cap.regionName} ${cap.year} 年度`],
        ['封定历史结余基金（元）', formatYuan(cap.sealedBalanceFen)],
        ['已承诺及已支出（元）', formatYuan(cap.committedFen)],
        [
          '现行额度比例 / 额度 / 剩余（元）',
          `${cap.baseline.capRatioBp === null ? '—' : formatBpPercent(cap.baseline.capRatioBp)} / ${formatYuan(cap.baseline.capFen ?? 0)} / ${formatYuan(cap.baseline.remainingFen ?? 0)}`,
        ],
        [
          '方案额度比例 / 额度 / 剩余（元）',
          `${cap.reform.capRatioBp === null ? '—' : formatBpPercent(cap.reform.capRatioBp)} / ${formatYuan(cap.reform.capFen ?? 0)} / ${formatYuan(cap.reform.remainingFen ?? 0)}`,
        ],
        ['方案返还总额是否在剩余额度内', cap.reform.fits === null ? '—' : cap.reform.fits ? '是' : '否（超出剩余额度）'],
      ]
    : [['试点支出额度', '所属设区市尚未登记本年度封定历史结余基金，无法对照']];
  return {
    name: '汇总',
    columns: [
      { header: '项目', width: 36 },
      { header: '内容', width: 48 },
    ],
    rows: [
      ['模拟方案', `${run.reform.name}（第 ${run.reform.version} 版）`],
      ['年度', run.round],
      ['测算日期', run.asOf],
      ...BUCKET_HEADERS.map((header, i) => [header, bucketCells(run.tally.total)[i]!]),
      ...capRows,
    ],
  };
}

function bucketSheet(run: ImpactRunView, dimension: Exclude<ImpactDimension, 'reason'>, labels: KeyLabels): XlsxSheet {
  const entries = Object.entries(run.tally[dimension]).sort(([a], [b]) => a.localeCompare(b));
  return {
    name: `按${IMPACT_DIMENSION_LABELS[dimension]}`,
    columns: [IMPACT_DIMENSION_LABELS[dimension], ...BUCKET_HEADERS].map((header) => ({ header, width: 16 })),
    rows: entries.map(([key, bucket]) => [labels(dimension, key), ...bucketCells(bucket)]),
  };
}

function reasonSheet(run: ImpactRunView, labels: KeyLabels): XlsxSheet {
  return {
    name: '按原因',
    columns: ['原因', '现行单位数', '方案单位数', '增减'].map((header) => ({ header, width: 24 })),
    rows: Object.entries(run.tally.reason)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => [labels('reason', key), n.baseline, n.reform, n.reform - n.baseline]),
  };
}

function changedSheet(db: Kysely<Database>, runId: number, labels: KeyLabels): XlsxSheet {
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after = 0;
    for (;;) {
      const page = await changedUnits(db, runId, { afterUnitId: after, limit: 5_000 });
      if (page.length === 0) return;
      for (const u of page) {
        yield [
          u.unitName,
          labels('region', u.regionCode),
          UNIT_SHIFT_LABELS[u.shift],
          DECISION_STATUS_LABELS[u.baselineStatus],
          DECISION_STATUS_LABELS[u.reformStatus],
          formatYuan(u.baselineFen),
          formatYuan(u.reformFen),
          formatYuan(u.reformFen - u.baselineFen),
        ];
      }
      after = page.at(-1)!.unitId;
    }
  }
  return {
    name: '变化单位',
    columns: ['单位名称', '区县', '变化', '现行结论', '方案结论', '现行金额（元）', '方案金额（元）', '增减（元）'].map(
      (header, i) => ({ header, width: i === 0 ? 36 : 16 }),
    ),
    rows: rows(),
  };
}

export async function exportImpactXlsx(db: Kysely<Database>, params: ParameterStore, runId: number, path: string): Promise<void> {
  const run = await impactRun(db, params, runId);
  const labels = await impactKeyLabels(db, params);
  await writeXlsx(path, [
    summarySheet(run),
    bucketSheet(run, 'region', labels),
    bucketSheet(run, 'size', labels),
    bucketSheet(run, 'industry', labels),
    reasonSheet(run, labels),
    personSheet(run.tally.persons),
    changedSheet(db, runId, labels),
  ]);
}
