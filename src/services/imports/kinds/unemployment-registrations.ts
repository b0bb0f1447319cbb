// 离职与失业登记: a person's separation from a unit, its reason, and the date registered as unemployed — what a benefit
// claim is decided from (失业保险条例 第十四条；鲁人社发〔2024〕8号 第五条、第七条). Natural key: person, separation date.
import { date, defineImportSpec, enumOf } from '../../../adapters/files/column-spec.ts';
import type { SeparationReason } from '../../../domain/benefit.ts';
import { separationReasonLabels } from '../../../domain/vocabulary/benefit.ts';
import { personOf, unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE, EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';

interface RegistrationRow {
  idNumber: string;
  creditCode: string;
  separatedOn: string;
  reason: SeparationReason;
  registeredOn: string | null;
}

const reasonByLabel = Object.fromEntries(
  Object.entries(separationReasonLabels).map(([code, label]) => [label, code as SeparationReason]),
);

export const unemploymentRegistrationsKind: ImportKind<RegistrationRow> = {
  description: '离职原因与失业登记（失业保险金申领依据）',
  spec: defineImportSpec<RegistrationRow>({
    kind: 'unemployment-registrations',
    title: '离职与失业登记',
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      creditCode: { header: '原单位统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      separatedOn: { header: '离职日期', required: true, example: '2024-05-31', ...date() },
      reason: { header: '离职原因', required: true, example: '劳动合同期满终止', ...enumOf(reasonByLabel) },
      registeredOn: { header: '失业登记日期', required: false, example: '2024-06-03', ...date() },
    },
  }),
  references: [
    { to: 'person', column: 'idNumber', mustExist: true },
    { to: 'unit', column: 'creditCode', mustExist: true },
  ],
  naturalKey: ['idNumber', 'separatedOn'],
  target: {
    table: 'unemployment_registrations',
    columns: ['person_id', 'separated_on', 'unit_id', 'separation_reason', 'registered_on', 'region_code'],
    key: ['person_id', 'separated_on'],
    audit: 'created',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.registeredOn !== null && row.registeredOn < row.separatedOn
      ? [{ column: 'registeredOn', message: '失业登记日期不能早于离职日期' }]
      : [];
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [person.id, row.separatedOn, unitOf(refs, row.creditCode).id, row.reason, row.registeredOn, person.regionCode];
  },
};
