// 参保人数: a unit's insured headcount per month and the staff who retired or died that month (natural attrition,
// not counted as layoffs, 鲁人社发〔2024〕8号 第二条). Natural key: unit, month.
import { defineImportSpec, integer, period } from '../../../adapters/files/column-spec.ts';
import { unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface HeadcountRow {
  creditCode: string;
  period: string;
  insuredCount: number;
  naturalAttrition: number | null;
}

export const headcountsKind: ImportKind<HeadcountRow> = {
  description: '单位各月参保人数及退休、死亡人数',
  spec: defineImportSpec<HeadcountRow>({
    kind: 'headcounts',
    title: importKindLabels.headcounts,
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      period: { header: '年月', required: true, example: '2023-12', ...period() },
      insuredCount: { header: '参保人数', required: true, example: '56', ...integer({ max: 10_000_000 }) },
      naturalAttrition: {
        header: '退休及死亡人数',
        required: false,
        example: '1',
        ...integer({ max: 10_000_000 }),
        note: '不填视为 0',
      },
    },
  }),
  references: [{ to: 'unit', column: 'creditCode', mustExist: true }],
  naturalKey: ['creditCode', 'period'],
  target: {
    table: 'unit_headcounts',
    columns: ['unit_id', 'period', 'insured_count', 'natural_attrition', 'region_code'],
    key: ['unit_id', 'period'],
    audit: 'none',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const unit = unitOf(refs, row.creditCode);
    return [unit.id, row.period, row.insuredCount, row.naturalAttrition ?? 0, unit.regionCode];
  },
};
