// The personal data kept encrypted and shown masked (个人信息保护法); a reveal names the field by these labels.

export type PersonalDataField = 'id_number' | 'phone' | 'bank_account';
export const personalDataFieldLabels: Readonly<Record<PersonalDataField, string>> = {
  id_number: '公民身份号码',
  phone: '手机号码',
  bank_account: '银行账号',
};
