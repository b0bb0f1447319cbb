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

-- Staff sign-in throttling instead of a lock-out. Wrong passwords are counted per username — known or not, so the
-- answers never differ — and per client address; after five, each further failure makes the next attempt wait longer
-- (1 s, 2 s, 4 s … up to 1 minute per username, 15 minutes per address). A count is forgotten 15 minutes after its
-- last failure; a successful sign-in or an administrator's unlock clears the username's. The key of a username is
-- `account:<SM3 of the username>` (a password typed into the username field is not kept), of an address `address:<ip>`.
CREATE TABLE sign_in_throttles (
  key            text PRIMARY KEY,
  failures       integer NOT NULL CHECK (failures > 0),
  last_failed_at timestamptz NOT NULL,
  blocked_until  timestamptz NOT NULL
);
ALTER TABLE staff_accounts DROP COLUMN failed_attempts, DROP COLUMN locked_until;
