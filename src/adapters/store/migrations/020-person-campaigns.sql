-- Push campaigns reach persons too (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条): a campaign has an audience
-- (units with an unconfirmed refund, certificate holders with no skill-subsidy application, separated persons with no
-- benefit claim, labour-dispatch units that must apply and have not); a target is a unit or a person; the outbox records the person an SMS went to, so the repeat window
-- and the opt-out hold for persons as for units.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_audience_check;
UPDATE campaigns SET audience = 'units_unconfirmed' WHERE audience = 'unconfirmed_refund';
ALTER TABLE campaigns ADD CONSTRAINT campaigns_audience_check
  CHECK (audience IN ('units_unconfirmed', 'persons_skill', 'persons_benefit', 'dispatch_unapplied'));

ALTER TABLE sms_outbox ADD COLUMN person_id bigint REFERENCES persons(id);
CREATE INDEX sms_outbox_person_idx ON sms_outbox (person_id, template) WHERE person_id IS NOT NULL;

ALTER TABLE campaign_targets DROP CONSTRAINT campaign_targets_pkey;
ALTER TABLE campaign_targets ALTER COLUMN unit_id DROP NOT NULL;
ALTER TABLE campaign_targets ADD COLUMN person_id bigint REFERENCES persons(id);
ALTER TABLE campaign_targets ADD CONSTRAINT campaign_targets_one_subject CHECK ((unit_id IS NULL) <> (person_id IS NULL));
CREATE UNIQUE INDEX campaign_targets_unit_idx ON campaign_targets (campaign_id, unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX campaign_targets_person_idx ON campaign_targets (campaign_id, person_id) WHERE person_id IS NOT NULL;

CREATE TABLE person_push_opt_outs (
  person_id    bigint PRIMARY KEY REFERENCES persons(id),
  opted_out_at timestamptz NOT NULL DEFAULT now(),
  recorded_by  text NOT NULL
);
