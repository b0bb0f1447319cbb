-- Bank account numbers at rest like every other piece of personal data: SM4-sealed (`*_cipher`, with its key version)
-- beside a masked copy for lists (`*_masked`, last four digits). Many small payees (individual businesses) are people.
--
-- SQL cannot seal a value (the keys live outside the database), so this migration only adds the sealed columns.
-- Opening the store then seals the plain values in chunks and, once none is left, drops the plain columns
-- (src/adapters/store/seal-bank-accounts.ts): idempotent, and resumed where it stopped after a crash.
-- A confirmation's pay_to keeps only the account kind; its number moves to account_cipher.

ALTER TABLE units
  ADD COLUMN corporate_account_cipher    bytea,
  ADD COLUMN corporate_account_masked    text,
  ADD COLUMN contribution_account_cipher bytea,
  ADD COLUMN contribution_account_masked text;

ALTER TABLE confirmations ADD COLUMN account_cipher bytea, ADD COLUMN account_masked text;

-- A person's payment (migration 009) already keeps its number sealed in account_cipher and the masked form in account_no.
ALTER TABLE payments ADD COLUMN IF NOT EXISTS account_cipher bytea, ADD COLUMN account_masked text,
  ALTER COLUMN account_no DROP NOT NULL;
ALTER TABLE payment_attempts ADD COLUMN IF NOT EXISTS account_cipher bytea, ADD COLUMN account_masked text,
  ALTER COLUMN account_no DROP NOT NULL;
UPDATE payments SET account_masked = account_no, account_no = NULL WHERE account_cipher IS NOT NULL;
UPDATE payment_attempts SET account_masked = account_no, account_no = NULL WHERE account_cipher IS NOT NULL;
ALTER TABLE account_corrections ADD COLUMN account_cipher bytea, ADD COLUMN account_masked text,
  ALTER COLUMN account_no DROP NOT NULL;
