-- Ballots keyed by their session and their random id (issue 4, speed): every read of
-- ballots is by session, so the key serves it and the separate index on (session_id, grp)
-- goes; a ballot is then one B-tree write, not two. R-VOTE-3 is unchanged: within a session
-- the order is the random id's, and the row still holds no time, code or voter.
CREATE TABLE ballots_by_session (
    id TEXT NOT NULL,
    session_id BIGINT NOT NULL REFERENCES ballot_sessions(id),
    grp INTEGER NOT NULL,
    -- banzi_domain::ballot::Ballot as JSON.
    content TEXT NOT NULL,
    -- 1 for a paper ballot keyed in twice (R-VOTE-2).
    paper INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, id)
) WITHOUT ROWID;
INSERT INTO ballots_by_session (id, session_id, grp, content, paper)
    SELECT id, session_id, grp, content, paper FROM ballots ORDER BY session_id, id;
DROP TABLE ballots;
ALTER TABLE ballots_by_session RENAME TO ballots;
