-- Anonymous ballots (DOMAIN.md M5). R-VOTE-3: a code and a ballot are written in one
-- transaction into separate tables, and nothing stored links them: a ballot row holds its
-- session, rater group and answers, under a random id; a used-code row holds the code's hash
-- and the hash of the client's nonce (so a retry of the same submission is told 已记录),
-- and no time. On SQLite both are WITHOUT ROWID tables, kept in key order (a random order),
-- not in the order they were written; closing a session rewrites both on PostgreSQL (see
-- banzi_store::q::ballots::seal).
CREATE TABLE ballot_sessions (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    -- banzi_domain::ballot::SessionSpec as JSON: groups, questions, threshold.
    spec TEXT NOT NULL,
    -- draft → open → closed.
    state TEXT NOT NULL DEFAULT 'draft',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One-time codes (R-VOTE-2): only their SHA-256 is kept; the serial is printed on the slip
-- so a lost slip can be voided.
CREATE TABLE ballot_codes (
    hash TEXT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES ballot_sessions(id),
    grp BIGINT NOT NULL,
    serial BIGINT NOT NULL,
    voided BIGINT NOT NULL DEFAULT 0,
    UNIQUE (session_id, serial)
);

CREATE TABLE ballot_used (
    hash TEXT PRIMARY KEY REFERENCES ballot_codes(hash),
    nonce TEXT NOT NULL
);

CREATE TABLE ballots (
    id TEXT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES ballot_sessions(id),
    grp BIGINT NOT NULL,
    -- banzi_domain::ballot::Ballot as JSON.
    content TEXT NOT NULL,
    -- 1 for a paper ballot keyed in twice (R-VOTE-2).
    paper BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ballots_session ON ballots (session_id, grp);

-- Paper ballots keyed in twice by two people (R-VOTE-2): the slip's place in the stack, the
-- round (1 or 2), who keyed it and what; counted into ballots (with a random id) only when
-- both rounds agree. Nothing here names a voter.
CREATE TABLE ballot_paper (
    session_id BIGINT NOT NULL REFERENCES ballot_sessions(id),
    seq BIGINT NOT NULL,
    round BIGINT NOT NULL,
    clerk TEXT NOT NULL,
    grp BIGINT NOT NULL,
    content TEXT NOT NULL,
    counted BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, seq, round)
);
