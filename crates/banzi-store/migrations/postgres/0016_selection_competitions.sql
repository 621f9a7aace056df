-- 竞争上岗 of a selection case (issue 17, item 4; R-SEL-11): what staff typed (conditions,
-- the interview panel, applications and their review, written and interview scores), as
-- JSON of banzi_domain::competition::CompetitionText. Every save is audited with the text
-- before and after; the ranking is computed from it, never stored.
CREATE TABLE selection_competitions (
    case_id BIGINT PRIMARY KEY REFERENCES selection_cases(id),
    text TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
