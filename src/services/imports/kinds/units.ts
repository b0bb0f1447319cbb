// 参保单位: the unit register. Natural key: 统一社会信用代码. The contact phone and the corporate account are stored
// encrypted with a masked copy.
import { defineImportSpec, enterpriseSize, enumOf, integer, text, yesNo } from '../../../adapters/files/column-spec.ts';
import type { OrgType } from '../../../adapters/store/schema.ts';
import { maskPhone } from '../../../domain/masking.ts';
import type { EnterpriseSize, Industry } from '../../../policy/core/input-fields.ts';
import { sealed, sealedAccount, type ImportKind } from '../import-kind.ts';
import {
  accountNumber,
  amountWan,
  contactPhone,
  creditCode,
  EXAMPLE_CREDIT_CODE,
  EXAMPLE_REGION,
  regionCode,
} from './columns.ts';
import { INDUSTRY_LABELS, ORG_TYPE_LABELS } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface UnitRow {
  creditCode: string;
  name: string;
  orgType: OrgType;
  industry: Industry | null;
  employees: number | null;
  revenueWan: string | null;
  assetsWan: string | null;
  size: EnterpriseSize | null;
  regionCode: string;
  laborDispatch: boolean | null;
  corporateBank: string | null;
  corporateAccount: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export const unitsKind: ImportKind<UnitRow> = {
  description: '单位登记信息：类型、行业、规模指标、区划、劳务派遣、对公账户、联系人（新增或更新）',
  spec: defineImportSpec<UnitRow>({
    kind: 'units',
    title: importKindLabels.units,
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      name: { header: '单位名称', required: true, example: '威海示例制造有限公司', ...text({ maxLength: 100 }) },
      orgType: { header: '单位类型', required: true, example: '企业', ...enumOf(ORG_TYPE_LABELS) },
      industry: {
        header: '行业',
        required: false,
        example: '工业',
        ...enumOf(INDUSTRY_LABELS),
        note: '按《中小企业划型标准规定》（工信部联企业〔2011〕300号）的行业填写；机关、事业单位可不填',
      },
      employees: { header: '从业人员', required: false, example: '56', ...integer({ max: 10_000_000 }) },
      revenueWan: { header: '营业收入（万元）', required: false, example: '1,280.50', ...amountWan() },
      assetsWan: { header: '资产总额（万元）', required: false, example: '960', ...amountWan() },
      size: {
        header: '企业规模',
        required: false,
        example: '小型',
        ...enterpriseSize(),
        note: '不填时按行业、从业人员、营业收入、资产总额划型',
      },
      regionCode: { header: '所属区划代码', required: true, example: EXAMPLE_REGION, ...regionCode() },
      laborDispatch: { header: '是否劳务派遣', required: false, example: '否', ...yesNo(), note: '不填视为“否”' },
      corporateBank: { header: '开户银行', required: false, example: '中国工商银行威海分行', ...text({ maxLength: 100 }) },
      corporateAccount: { header: '对公账户', required: false, example: '1614000109000000001', ...accountNumber('对公账户') },
      contactName: { header: '联系人', required: false, example: '王芳', ...text({ maxLength: 50 }) },
      contactPhone: { header: '联系电话', required: false, example: '13806310000', ...contactPhone() },
    },
  }),
  references: [
    { to: 'unit', column: 'creditCode', mustExist: false },
    { to: 'region', column: 'regionCode', mustExist: true },
  ],
  naturalKey: ['creditCode'],
  target: {
    table: 'units',
    columns: [
      'credit_code',
      'name',
      'org_type',
      'industry',
      'employees',
      'revenue_wan',
      'assets_wan',
      'size',
      'region_code',
      'labor_dispatch',
      'corporate_bank',
      'corporate_account_cipher',
      'corporate_account_masked',
      'contact_name',
      'contact_phone_cipher',
      'contact_phone_masked',
    ],
    key: ['credit_code'],
    audit: 'changed',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.corporateAccount !== null && row.corporateBank === null
      ? [{ column: 'corporateBank', message: '填写了对公账户时须同时填写开户银行' }]
      : [];
  },
  toCells(row, refs, cipher) {
    const stored = refs.unit(row.creditCode);
    return [
      row.creditCode,
      row.name,
      row.orgType,
      row.industry,
      row.employees,
      row.revenueWan,
      row.assetsWan,
      row.size,
      row.regionCode,
      row.laborDispatch ?? false,
      row.corporateBank,
      ...sealedAccount(cipher, row.corporateAccount, stored?.corporateAccountCipher),
      row.contactName,
      sealed(cipher, row.contactPhone, stored?.contactPhoneCipher),
      row.contactPhone === null ? null : maskPhone(row.contactPhone),
    ];
  },
};
