// 单位应缴: what a unit (with its staff) owed for each month. Natural key: unit, 费款所属期.
import { amountYuan, defineImportSpec, period } from '../../../adapters/files/column-spec.ts';
import { unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface ContributionMonthRow {
  creditCode: string;
  period: string;
  dueFen: number;
}

export const contributionMonthsKind: ImportKind<ContributionMonthRow> = {
  description: '单位各月失业保险应缴金额',
  spec: defineImportSpec<ContributionMonthRow>({
    kind: 'contribution-months',
    title: importKindLabels['contribution-months'],
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      period: { header: '费款所属期', required: true, example: '2023-06', ...period() },
      dueFen: { header: '应缴金额（元）', required: true, example: '3,456.78', ...amountYuan() },
    },
  }),
  references: [{ to: 'unit', column: 'creditCode', mustExist: true }],
  naturalKey: ['creditCode', 'period'],
  target: {
    table: 'unit_contribution_months',
    columns: ['unit_id', 'period', 'due_fen', 'region_code'],
    key: ['unit_id', 'period'],
    audit: 'none',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const unit = unitOf(refs, row.creditCode);
    return [unit.id, row.period, row.dueFen, unit.regionCode];
  },
};
