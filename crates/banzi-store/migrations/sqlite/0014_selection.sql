-- 干部选拔任用 (issue 17, DOMAIN.md M4). A case fills one post; a batch (换届 or 个别调整)
-- groups cases. A case's record is its events, appended and never updated (全程纪实,
-- R-SEL-12): each row HMAC-chained to the one before (banzi_domain::selection::chain), and
-- its hash anchored in the audit trail by the entry written with it.
-- selection_cases.step, events and head are what the case board lists: written in the
-- transaction of each event from the events themselves, never edited otherwise, and checked
-- against them by `banzi audit verify`.
CREATE TABLE selection_batches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE selection_cases (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER REFERENCES selection_batches(id),
    post_id INTEGER NOT NULL REFERENCES posts(id),
    staff TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    step TEXT NOT NULL,
    events INTEGER NOT NULL,
    head TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selection_cases_step ON selection_cases(step);

CREATE TABLE selection_events (
    case_id INTEGER NOT NULL REFERENCES selection_cases(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
