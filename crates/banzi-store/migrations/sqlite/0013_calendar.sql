-- 工作日历 (issue 17, R-SEL-9): the years the system administrator entered from the
-- 国务院办公厅 notice of holidays and 调休 working days, as typed (banzi_domain::calendar
-- reads the text again on load), with the notice's title, who entered it and when. The
-- shipped notices are in the binary and never stored here: they cannot be replaced.
CREATE TABLE calendar_years (
    year BIGINT NOT NULL PRIMARY KEY,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
