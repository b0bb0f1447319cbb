-- A blind index of the bank account each payment goes to (HMAC-SM3 under the index key, as for ID numbers), so the
-- risk rule "one account receiving for several recipients" (鲁人社发〔2024〕8号 第八条) compares accounts exactly: the
-- sealed number carries a random IV and the masked copy only its last four digits. SQL cannot compute the index (the
-- key lives outside the database): opening the store fills it for existing payments, and each risk run for payments
-- written since (src/adapters/store/index-payment-accounts.ts).
ALTER TABLE payments ADD COLUMN account_index text;
CREATE INDEX payments_account_index_idx ON payments (round, account_index) WHERE account_index IS NOT NULL;
CREATE INDEX payments_unindexed_idx ON payments (id) WHERE account_index IS NULL;
