-- The fund's payout account in the ledger (鲁人社发〔2024〕8号 第八条：优先保障保生活支出，规范资金管理): money arriving
-- for payment (an allocation from the fund's finance account, 资金到账) is posted Dr payout_funds / Cr payout_allocated
-- under the key arrival:<document number>, so the same arrival recorded twice is posted once; a payment run under
-- the living-guarantee order draws each batch it proposes from it (Dr payout_released / Cr payout_funds, key
-- release:<batch>), and a rejected batch gives its money back (release-undo:<batch>). The payout_funds balance is
-- the funds available to the next payment run.
DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'ledger_transactions_kind_check';
  EXECUTE 'ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_kind_check';
  EXECUTE 'ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check '
    || replace(def, 'ARRAY[', 'ARRAY[''fund_arrival''::text, ''payout_release''::text, ');
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'ledger_lines_account_check';
  EXECUTE 'ALTER TABLE ledger_lines DROP CONSTRAINT ledger_lines_account_check';
  EXECUTE 'ALTER TABLE ledger_lines ADD CONSTRAINT ledger_lines_account_check '
    || replace(def, 'ARRAY[', 'ARRAY[''payout_funds''::text, ''payout_allocated''::text, ''payout_released''::text, ');
END;
$$;
