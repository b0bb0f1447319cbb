-- Risk runs in steps, and each comparison extract's findings (鲁人社发〔2024〕8号 第八条).
--
-- A risk run stores each rule's hits in its own transaction and notes the rule as done, so a city-size run reports
-- its progress and a run broken off part-way is resumed with the rules it has not done yet.
ALTER TABLE risk_runs ADD COLUMN rules_done jsonb NOT NULL DEFAULT '[]';

-- Every row of an accepted comparison import (全国社保信息比对查询系统 extracts), kept with the batch it came from so
-- the console lists what one extract matched and what it triggered; comparison_records keeps the latest state.
CREATE TABLE comparison_findings (
  batch_id    bigint NOT NULL REFERENCES import_batches(id),
  person_id   bigint NOT NULL REFERENCES persons(id),
  kind        text NOT NULL CHECK (kind IN ('death', 'imprisonment', 'pension', 'contribution_elsewhere', 'benefit_elsewhere')),
  from_date   date NOT NULL,
  region_code text NOT NULL,
  PRIMARY KEY (batch_id, person_id, kind, from_date)
);
CREATE INDEX comparison_findings_person_idx ON comparison_findings (person_id, kind, from_date);
