-- A person's payment the bank failed or returned (鲁人社发〔2024〕8号 第四条、第五条) is corrected like a unit's, by two
-- members of finance (第八条): the corrected account of a person is again a social security card's bank account, so a
-- correction may now name that kind. Which kind fits which payment is checked when the correction is proposed.
ALTER TABLE account_corrections DROP CONSTRAINT account_corrections_account_kind_check;
ALTER TABLE account_corrections ADD CONSTRAINT account_corrections_account_kind_check
  CHECK (account_kind IN ('corporate_account', 'contribution_account', 'social_security_card'));
