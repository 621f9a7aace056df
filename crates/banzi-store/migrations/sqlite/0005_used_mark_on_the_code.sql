-- A code is marked used on its own row (issue 4, speed): the hash of the voter's nonce goes
-- into ballot_codes.nonce, where ballot_used held it. Casting a ballot then reads and writes
-- the one code row it already looks up, and inserts the ballot, instead of inserting a
-- second row into a second B-tree (checked against the first by a foreign key). R-VOTE-3 is
-- unchanged: the used mark and the ballot are still written in one transaction in separate
-- tables, and neither holds anything that names the other.
ALTER TABLE ballot_codes ADD COLUMN nonce TEXT;
UPDATE ballot_codes SET nonce = (SELECT u.nonce FROM ballot_used u WHERE u.hash = ballot_codes.hash)
    WHERE hash IN (SELECT hash FROM ballot_used);
DROP TABLE ballot_used;
