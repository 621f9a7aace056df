-- A code is marked used on its own row (issue 4, speed): the hash of the voter's nonce goes
-- into ballot_codes.nonce, where ballot_used held it. Casting a ballot then updates the one
-- code row it already looks up (the row lock also orders a cast against a void of the same
-- code), and inserts the ballot. R-VOTE-3 is unchanged: the used mark and the ballot are
-- still written in one transaction in separate tables, and neither holds anything that
-- names the other; closing a session rewrites its codes in hash order, as its ballots.
ALTER TABLE ballot_codes ADD COLUMN nonce TEXT;
UPDATE ballot_codes k SET nonce = u.nonce FROM ballot_used u WHERE u.hash = k.hash;
DROP TABLE ballot_used;
