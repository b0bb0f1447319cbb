-- Security hardening.
--
-- The payee as one record (鲁人社发〔2024〕8号 第七条：经其确认后发放): a confirmation keeps the account name and the bank
-- together with the account number the unit confirmed, and payments are made from it alone. A later import that
-- changes the unit's bank details changes no confirmed payee: a change goes through the maker-checker account
-- correction. Confirmations made before this migration take the unit's name and bank as they stand now.
ALTER TABLE confirmations ADD COLUMN account_name text, ADD COLUMN bank_name text;
UPDATE confirmations AS k
   SET account_name = u.name,
       bank_name = CASE WHEN k.pay_to LIKE 'corporate_account:%' THEN u.corporate_bank END
  FROM units AS u
 WHERE u.id = k.unit_id;
ALTER TABLE confirmations ALTER COLUMN account_name SET NOT NULL;
