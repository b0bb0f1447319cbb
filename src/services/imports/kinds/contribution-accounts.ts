// 社保缴费账户 from the tax feed: where a unit without a corporate account receives its refund
// (鲁人社发〔2024〕8号 第二条). Only updates units already registered. Natural key: 统一社会信用代码. Stored encrypted
// with a masked copy.
import { defineImportSpec } from '../../../adapters/files/column-spec.ts';
import { sealedAccount, unitOf, type ImportKind } from '../import-kind.ts';
import { accountNumber, creditCode, EXAMPLE_CREDIT_CODE } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface ContributionAccountRow {
  creditCode: string;
  account: string;
}

export const contributionAccountsKind: ImportKind<ContributionAccountRow> = {
  description: '税务部门提供的缴费账户，用于无对公账户的单位（只更新已登记的单位）',
  spec: defineImportSpec<ContributionAccountRow>({
    kind: 'contribution-accounts',
    title: importKindLabels['contribution-accounts'],
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      account: { header: '社保缴费账户', required: true, example: '6228480000000000001', ...accountNumber('社保缴费账户') },
    },
  }),
  references: [{ to: 'unit', column: 'creditCode', mustExist: true }],
  naturalKey: ['creditCode'],
  target: {
    table: 'units',
    columns: ['id', 'contribution_account_cipher', 'contribution_account_masked'],
    key: ['id'],
    audit: 'changed',
    mode: 'update',
  },
  toCells(row, refs, cipher) {
    const unit = unitOf(refs, row.creditCode);
    return [unit.id, ...sealedAccount(cipher, row.account, unit.contributionAccountCipher)];
  },
};
