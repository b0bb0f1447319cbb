-- The audit trail (issue 7): an append-only, hash-chained log of who did what to whom (sign-ins, reads of personal
-- data, case changes, approvals, payments, parameter changes), and checkpoints of its head kept beside it.
-- Entries are appended by src/services/audit/append-audit.ts under a transaction-scoped advisory lock, so seq has no
-- gaps and prev_hash is the previous entry's hash. `at` is text: the instant exactly as hashed (toISOString form).

CREATE TABLE audit_log (
  seq       bigint PRIMARY KEY CHECK (seq > 0),
  at        text NOT NULL CHECK (at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$'),
  actor     text NOT NULL,
  action    text NOT NULL,
  subject   text NOT NULL,
  detail    jsonb NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash      text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, seq);
CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops, seq);
CREATE INDEX audit_log_subject_idx ON audit_log (subject text_pattern_ops, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The application only ever inserts. This stops mistakes, not an owner of the database (who can disable the
-- trigger): `wengang audit verify` is what detects an edit or a deletion.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只能追加，不得修改或删除' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- A head of the chain (seq and hash) recorded every so many entries and on demand; verification checks the latest,
-- which catches deleted last entries and a log rewritten from scratch. No foreign key: it must outlive tampering.
CREATE TABLE audit_checkpoints (
  seq  bigint PRIMARY KEY CHECK (seq > 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  at   text NOT NULL
);
