-- Units' bank accounts are kept sealed since 013 (the plain columns are dropped once sealed), so the account-change
-- record of the risk rules (011) compares the masked forms, as it does for persons. Sealing an old plain value fills
-- the masked column for the first time and is not a change; a unit replacing an account it had is.
CREATE OR REPLACE FUNCTION units_record_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.corporate_account_masked IS NOT NULL AND NEW.corporate_account_masked IS DISTINCT FROM OLD.corporate_account_masked)
     OR (OLD.contribution_account_masked IS NOT NULL AND NEW.contribution_account_masked IS DISTINCT FROM OLD.contribution_account_masked) THEN
    INSERT INTO bank_account_changes (unit_id) VALUES (NEW.id);
  END IF;
  RETURN NEW;
END;
$$;
