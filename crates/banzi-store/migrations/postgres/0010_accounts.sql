-- Issue 14 (R-SEC-1, R-SEC-2). An account the system administrator creates or the security
-- administrator resets must change its password at the next sign-in; the security
-- administrator can lock an account outright. Failed sign-ins are counted per source address
-- as well as per login, and a run of failures locks the login for that source only, so that a
-- stranger guessing at an account cannot keep its owner out.
ALTER TABLE users ADD COLUMN must_change BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN admin_locked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users DROP COLUMN locked_until;
ALTER TABLE login_failures ADD COLUMN source TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_source ON login_failures(source, at);
CREATE TABLE login_locks (
    login TEXT NOT NULL,
    source TEXT NOT NULL,
    until TEXT NOT NULL,
    PRIMARY KEY (login, source)
);
