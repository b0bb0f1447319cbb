// 已发放补贴: skill-upgrade and vocational-training subsidies already paid, for the once-only and annual limits of
// 鲁人社发〔2024〕8号 第四条. Natural key: person, type, occupation, level, date granted.
import { amountYuan, date, defineImportSpec, enumOf, text } from '../../../adapters/files/column-spec.ts';
import type { GrantType } from '../../../adapters/store/schema.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';
import { CERTIFICATE_LEVEL_LABELS, CERTIFICATE_LEVEL_NOTE, GRANT_TYPE_LABELS } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface SubsidyGrantRow {
  idNumber: string;
  type: GrantType;
  occupationCode: string;
  level: number;
  grantedOn: string;
  amountFen: number;
}

export const subsidyGrantsKind: ImportKind<SubsidyGrantRow> = {
  description: '已发放的技能提升补贴和职业培训补贴',
  spec: defineImportSpec<SubsidyGrantRow>({
    kind: 'subsidy-grants',
    title: importKindLabels['subsidy-grants'],
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      type: { header: '补贴类型', required: true, example: '技能提升补贴', ...enumOf(GRANT_TYPE_LABELS) },
      occupationCode: { header: '职业编码', required: true, example: '6-18-02-04', ...text({ maxLength: 32 }) },
      level: {
        header: '等级',
        required: true,
        example: '五级',
        ...enumOf(CERTIFICATE_LEVEL_LABELS),
        note: CERTIFICATE_LEVEL_NOTE,
      },
      grantedOn: { header: '发放日期', required: true, example: '2023-09-28', ...date() },
      amountFen: { header: '金额（元）', required: true, example: '1,000.00', ...amountYuan() },
    },
  }),
  references: [{ to: 'person', column: 'idNumber', mustExist: true }],
  naturalKey: ['idNumber', 'type', 'occupationCode', 'level', 'grantedOn'],
  target: {
    table: 'subsidy_grants',
    columns: ['person_id', 'type', 'occupation_code', 'level', 'granted_on', 'amount_fen', 'region_code'],
    key: ['person_id', 'type', 'occupation_code', 'level', 'granted_on'],
    audit: 'created',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [person.id, row.type, row.occupationCode, row.level, row.grantedOn, row.amountFen, person.regionCode];
  },
};
