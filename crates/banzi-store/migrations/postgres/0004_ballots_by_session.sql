-- Ballots keyed by their session and their random id (issue 4): every read of ballots is by
-- session, so the key serves it and the separate index on (session_id, grp) goes. R-VOTE-3
-- is unchanged: the row holds no time, code or voter.
ALTER TABLE ballots DROP CONSTRAINT ballots_pkey;
DROP INDEX ballots_session;
ALTER TABLE ballots ADD PRIMARY KEY (session_id, id);
