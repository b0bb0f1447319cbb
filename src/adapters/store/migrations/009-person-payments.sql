-- Payments to a person (鲁人社发〔2024〕8号 第四条、第五条): the skill-upgrade subsidy and the unemployment benefits go to
-- the person's social security card bank account, through the same payments, batches, bank files and ledger as the
-- refunds. A payment is either a unit's or a person's, never both. The person's account number is personal data: the
-- payment keeps it encrypted (copied from persons.bank_account_cipher) and masked; only the bank file decrypts it.
-- The idempotency key stays (decision, purpose, recipient): <purpose>:<decision>:person:<person id>.

ALTER TABLE payments ALTER COLUMN unit_id DROP NOT NULL;
ALTER TABLE payments ADD COLUMN person_id bigint REFERENCES persons(id);
ALTER TABLE payments ADD COLUMN account_cipher bytea;
ALTER TABLE payments ADD CONSTRAINT payments_one_recipient_check CHECK ((unit_id IS NULL) <> (person_id IS NULL));
ALTER TABLE payments DROP CONSTRAINT payments_role_check;
ALTER TABLE payments ADD CONSTRAINT payments_role_check CHECK (role IN ('unit', 'dispatch_unit', 'user_unit', 'person'));
ALTER TABLE payments ADD CONSTRAINT payments_person_role_check CHECK ((role = 'person') = (person_id IS NOT NULL));
ALTER TABLE payments DROP CONSTRAINT payments_account_kind_check;
ALTER TABLE payments ADD CONSTRAINT payments_account_kind_check
  CHECK (account_kind IN ('corporate_account', 'contribution_account', 'social_security_card'));
-- A person is paid only to the social security card, whose number is kept encrypted.
ALTER TABLE payments ADD CONSTRAINT payments_person_account_check
  CHECK ((person_id IS NOT NULL) = (account_kind = 'social_security_card') AND (person_id IS NULL OR account_cipher IS NOT NULL));
ALTER TABLE payments ADD CONSTRAINT payments_purpose_check CHECK (purpose IN (
  'job_retention_refund', 'skill_subsidy', 'unemployment_benefit', 'medical_insurance_on_behalf', 'price_subsidy'));
CREATE INDEX payments_person_idx ON payments (person_id) WHERE person_id IS NOT NULL;

ALTER TABLE payment_attempts ADD COLUMN account_cipher bytea;

-- A batch pays one purpose (its bank file names it); the refunds' batches are job_retention_refund.
ALTER TABLE payment_batches ADD COLUMN purpose text NOT NULL DEFAULT 'job_retention_refund' CHECK (purpose IN (
  'job_retention_refund', 'skill_subsidy', 'unemployment_benefit', 'medical_insurance_on_behalf', 'price_subsidy'));

-- Each purpose's commitment debits its own expense account (Dr <expense> / Cr payable): the refunds keep `fund`.
ALTER TABLE ledger_lines DROP CONSTRAINT ledger_lines_account_check;
ALTER TABLE ledger_lines ADD CONSTRAINT ledger_lines_account_check CHECK (account IN (
  'fund', 'payable', 'bank_in_transit', 'bank', 'pilot_spending', 'pilot_bank',
  'skill_subsidy_expense', 'unemployment_benefit_expense', 'medical_insurance_expense', 'price_subsidy_expense'));
