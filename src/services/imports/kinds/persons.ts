// 参保人员: ID number, phone and social security card bank account are stored encrypted, with a blind index of the
// ID number for look-ups and masked copies for lists. Gender and birth date are read from the ID number.
// Natural key: 公民身份号码.
import { defineImportSpec, text } from '../../../adapters/files/column-spec.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../../domain/masking.ts';
import { sealed, type ImportKind } from '../import-kind.ts';
import { accountNumber, EXAMPLE_ID_NUMBER, EXAMPLE_REGION, idNumber, mobilePhone, regionCode } from './columns.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface PersonRow {
  idNumber: string;
  name: string;
  phone: string | null;
  bankAccount: string | null;
  regionCode: string;
}

/** GB 11643-1999: digits 7–14 are the birth date; the 17th digit is odd for men. */
function fromIdNumber(value: string): { gender: 'male' | 'female'; birthDate: string } {
  return {
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
  };
}

export const personsKind: ImportKind<PersonRow> = {
  description: '身份证号、姓名、手机号、社保卡银行账号、区划（新增或更新；个人信息加密存储）',
  spec: defineImportSpec<PersonRow>({
    kind: 'persons',
    title: importKindLabels.persons,
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      name: { header: '姓名', required: true, example: '张三', ...text({ maxLength: 50 }) },
      phone: { header: '手机号码', required: false, example: '13906310000', ...mobilePhone() },
      bankAccount: {
        header: '社保卡银行账号',
        required: false,
        example: '6217000000000000001',
        ...accountNumber('社保卡银行账号'),
      },
      regionCode: { header: '所属区划代码', required: true, example: EXAMPLE_REGION, ...regionCode() },
    },
  }),
  references: [
    { to: 'person', column: 'idNumber', mustExist: false },
    { to: 'region', column: 'regionCode', mustExist: true },
  ],
  naturalKey: ['idNumber'],
  target: {
    table: 'persons',
    columns: [
      'id_number_index',
      'id_number_cipher',
      'id_number_masked',
      'name',
      'gender',
      'birth_date',
      'phone_cipher',
      'phone_masked',
      'bank_account_cipher',
      'bank_account_masked',
      'region_code',
    ],
    key: ['id_number_index'],
    // The blind index proves an existing person's ID number is the same value: its ciphertext stays.
    insertOnly: ['id_number_cipher'],
    audit: 'changed',
    mode: 'upsert',
  },
  toCells(row, refs, cipher) {
    const existing = refs.person(row.idNumber);
    const { gender, birthDate } = fromIdNumber(row.idNumber);
    return [
      refs.blindIndex(row.idNumber),
      cipher.encrypt(row.idNumber),
      maskIdNumber(row.idNumber),
      row.name,
      gender,
      birthDate,
      sealed(cipher, row.phone, existing?.phoneCipher),
      row.phone === null ? null : maskPhone(row.phone),
      sealed(cipher, row.bankAccount, existing?.bankAccountCipher),
      row.bankAccount === null ? null : maskBankAccount(row.bankAccount),
      row.regionCode,
    ];
  },
};
