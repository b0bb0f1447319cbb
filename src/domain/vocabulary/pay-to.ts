// The accounts a refund is paid to (鲁人社发〔2024〕8号 第七条：返还至单位对公账户或社会保险费缴费账户).

export type PayTo = 'corporate_account' | 'contribution_account';
export const payToLabels: Readonly<Record<PayTo, string>> = {
  corporate_account: '单位对公账户',
  contribution_account: '单位社会保险费缴费账户',
};

/** Any payment's account: a unit's (as above), or a person's social security card bank account. */
export type AccountKind = PayTo | 'social_security_card';
export const accountKindLabels: Readonly<Record<AccountKind, string>> = {
  ...payToLabels,
  social_security_card: '个人社会保障卡银行账户',
};
