// 职业资格 / 职业技能等级证书 held by insured people (技能提升补贴, 鲁人社发〔2024〕8号 第四条). Natural key: 证书编号.
// This is the certificate registry's file feed (docs/FEEDS.md): the casework reads it through the CertificateRegistry
// port (adapters/registry/imported-certificate-registry.ts).
import { date, defineImportSpec, enumOf, text, yesNo } from '../../../adapters/files/column-spec.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';
import { CERTIFICATE_LEVEL_LABELS, CERTIFICATE_LEVEL_NOTE } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface CertificateRow {
  number: string;
  idNumber: string;
  occupationCode: string;
  occupationName: string | null;
  level: number;
  issueDate: string;
  verified: boolean | null;
  issuingBody: string | null;
}

export const certificatesKind: ImportKind<CertificateRow> = {
  description: '职业资格证书和职业技能等级证书',
  spec: defineImportSpec<CertificateRow>({
    kind: 'certificates',
    title: importKindLabels.certificates,
    columns: {
      number: { header: '证书编号', required: true, example: 'S000037100000230000001', ...text({ maxLength: 64 }) },
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      occupationCode: { header: '职业编码', required: true, example: '6-18-02-04', ...text({ maxLength: 32 }) },
      occupationName: { header: '职业名称', required: false, example: '焊工', ...text({ maxLength: 100 }) },
      level: {
        header: '等级',
        required: true,
        example: '四级',
        ...enumOf(CERTIFICATE_LEVEL_LABELS),
        note: CERTIFICATE_LEVEL_NOTE,
      },
      issueDate: { header: '发证日期', required: true, example: '2024-05-20', ...date() },
      issuingBody: { header: '发证机构', required: false, example: '威海市职业技能鉴定指导中心', ...text({ maxLength: 100 }) },
      verified: {
        header: '是否已核验',
        required: false,
        example: '是',
        ...yesNo(),
        note: '已在技能人才评价证书全国联网查询系统核验的填“是”，不填视为“否”',
      },
    },
  }),
  references: [{ to: 'person', column: 'idNumber', mustExist: true }],
  naturalKey: ['number'],
  target: {
    table: 'certificates',
    columns: [
      'number',
      'person_id',
      'occupation_code',
      'occupation_name',
      'level',
      'issue_date',
      'verified',
      'issuing_body',
      'region_code',
    ],
    key: ['number'],
    audit: 'changed',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [
      row.number,
      person.id,
      row.occupationCode,
      row.occupationName,
      row.level,
      row.issueDate,
      row.verified ?? false,
      row.issuingBody,
      person.regionCode,
    ];
  },
};
