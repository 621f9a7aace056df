-- 职务层次 of a post (ROSTER_FORMAT.md, added 2026-12-02; R-TERM-1, R-PROB-1): the label of
-- banzi_domain::codes::PostLevel (正厅级 … 副科级), NULL when unknown. Posts stored before
-- the column existed stay unknown until a roster or a form gives their level.
ALTER TABLE posts ADD COLUMN level TEXT;
