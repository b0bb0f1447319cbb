-- Trace on demand (issue 15): a screening stores what a decision is — status, amount, reasons and the figures — and
-- not its full trace, which is rebuilt from the store when someone opens the decision (the input hash proves the
-- inputs are unchanged). Decisions stored before keep their traces; a one-unit run still stores its trace.
ALTER TABLE refund_decisions ALTER COLUMN trace DROP NOT NULL;
-- Contract v2: the size class the refund ratio follows ('large' | 'sme'), null when it is not known.
ALTER TABLE refund_decisions ADD COLUMN size_class text;
