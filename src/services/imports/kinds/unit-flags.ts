// 单位排除标记: serious dishonesty, zombie enterprise, deregistration, bankruptcy, each with the dates it applies
// (鲁人社发〔2024〕8号 第二条, as applied by Shandong's cities in 2024). Natural key: unit, flag, start date.
import { date, defineImportSpec, enumOf, text } from '../../../adapters/files/column-spec.ts';
import type { UnitFlag } from '../../../adapters/store/schema.ts';
import { unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE } from './columns.ts';
import { UNIT_FLAG_LABELS } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface UnitFlagRow {
  creditCode: string;
  flag: UnitFlag;
  fromDate: string;
  toDate: string | null;
  source: string | null;
}

export const unitFlagsKind: ImportKind<UnitFlagRow> = {
  description: '严重失信、僵尸企业、注销、破产标记及其起止日期',
  spec: defineImportSpec<UnitFlagRow>({
    kind: 'unit-flags',
    title: importKindLabels['unit-flags'],
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      flag: { header: '标记类型', required: true, example: '严重失信', ...enumOf(UNIT_FLAG_LABELS) },
      fromDate: { header: '开始日期', required: true, example: '2024-03-15', ...date() },
      toDate: { header: '结束日期', required: false, example: '', ...date(), note: '仍在名单中的不填' },
      source: { header: '信息来源', required: false, example: '信用中国（山东）', ...text({ maxLength: 100 }) },
    },
  }),
  references: [{ to: 'unit', column: 'creditCode', mustExist: true }],
  naturalKey: ['creditCode', 'flag', 'fromDate'],
  target: {
    table: 'unit_flags',
    columns: ['unit_id', 'flag', 'from_date', 'to_date', 'source'],
    key: ['unit_id', 'flag', 'from_date'],
    audit: 'changed',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.toDate !== null && row.toDate < row.fromDate ? [{ column: 'toDate', message: '结束日期不能早于开始日期' }] : [];
  },
  toCells(row, refs) {
    return [unitOf(refs, row.creditCode).id, row.flag, row.fromDate, row.toDate, row.source];
  },
};
