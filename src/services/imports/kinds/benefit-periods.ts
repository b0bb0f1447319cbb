// 失业保险金领取期: a certificate obtained inside one qualifies an unemployed person for the skill-upgrade subsidy
// (鲁人社发〔2024〕8号 第四条). Natural key: person, start date.
import { date, defineImportSpec } from '../../../adapters/files/column-spec.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface BenefitPeriodRow {
  idNumber: string;
  fromDate: string;
  toDate: string;
}

export const benefitPeriodsKind: ImportKind<BenefitPeriodRow> = {
  description: '失业保险金领取起止日期',
  spec: defineImportSpec<BenefitPeriodRow>({
    kind: 'benefit-periods',
    title: importKindLabels['benefit-periods'],
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      fromDate: { header: '开始日期', required: true, example: '2023-04-01', ...date() },
      toDate: { header: '结束日期', required: true, example: '2023-12-31', ...date() },
    },
  }),
  references: [{ to: 'person', column: 'idNumber', mustExist: true }],
  naturalKey: ['idNumber', 'fromDate'],
  target: {
    table: 'benefit_periods',
    columns: ['person_id', 'from_date', 'to_date', 'region_code'],
    key: ['person_id', 'from_date'],
    audit: 'none',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.toDate < row.fromDate ? [{ column: 'toDate', message: '结束日期不能早于开始日期' }] : [];
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [person.id, row.fromDate, row.toDate, person.regionCode];
  },
};
