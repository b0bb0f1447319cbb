// 参保经历: a person insured through a unit from one month to another (open-ended when still insured).
// Natural key: person, unit, start month.
import { defineImportSpec, period } from '../../../adapters/files/column-spec.ts';
import { personOf, unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE, EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface InsuranceSpellRow {
  idNumber: string;
  creditCode: string;
  fromPeriod: string;
  toPeriod: string | null;
}

export const insuranceSpellsKind: ImportKind<InsuranceSpellRow> = {
  description: '人员在单位的参保起止年月',
  spec: defineImportSpec<InsuranceSpellRow>({
    kind: 'insurance-spells',
    title: importKindLabels['insurance-spells'],
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      fromPeriod: { header: '参保起始年月', required: true, example: '2021-03', ...period() },
      toPeriod: { header: '参保终止年月', required: false, example: '', ...period(), note: '仍在参保的不填' },
    },
  }),
  references: [
    { to: 'person', column: 'idNumber', mustExist: true },
    { to: 'unit', column: 'creditCode', mustExist: true },
  ],
  naturalKey: ['idNumber', 'creditCode', 'fromPeriod'],
  target: {
    table: 'insurance_spells',
    columns: ['person_id', 'unit_id', 'from_period', 'to_period', 'region_code'],
    key: ['person_id', 'unit_id', 'from_period'],
    audit: 'none',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.toPeriod !== null && row.toPeriod < row.fromPeriod
      ? [{ column: 'toPeriod', message: '参保终止年月不能早于起始年月' }]
      : [];
  },
  toCells(row, refs) {
    const unit = unitOf(refs, row.creditCode);
    return [personOf(refs, row.idNumber).id, unit.id, row.fromPeriod, row.toPeriod, unit.regionCode];
  },
};
