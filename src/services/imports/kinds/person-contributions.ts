// 个人缴费明细: a person's monthly contribution through a unit (unit and individual share together), used to split
// a labour-dispatch unit's refund by user unit (鲁人社发〔2024〕8号 第三条). Natural key: unit, person, month.
import { amountYuan, date, defineImportSpec, period } from '../../../adapters/files/column-spec.ts';
import { personOf, unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE, EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface PersonContributionRow {
  idNumber: string;
  creditCode: string;
  period: string;
  paidOn: string;
  amountFen: number;
}

export const personContributionsKind: ImportKind<PersonContributionRow> = {
  description: '人员各月缴费明细（单位与个人合计）',
  spec: defineImportSpec<PersonContributionRow>({
    kind: 'person-contributions',
    title: importKindLabels['person-contributions'],
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      period: { header: '费款所属期', required: true, example: '2023-06', ...period() },
      paidOn: { header: '缴费日期', required: true, example: '2023-07-15', ...date() },
      amountFen: { header: '金额（元）', required: true, example: '52.00', ...amountYuan() },
    },
  }),
  references: [
    { to: 'person', column: 'idNumber', mustExist: true },
    { to: 'unit', column: 'creditCode', mustExist: true },
  ],
  naturalKey: ['creditCode', 'idNumber', 'period'],
  target: {
    table: 'person_contributions',
    columns: ['person_id', 'unit_id', 'period', 'paid_on', 'amount_fen', 'region_code'],
    key: ['unit_id', 'person_id', 'period'],
    audit: 'none',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const unit = unitOf(refs, row.creditCode);
    return [personOf(refs, row.idNumber).id, unit.id, row.period, row.paidOn, row.amountFen, unit.regionCode];
  },
};
