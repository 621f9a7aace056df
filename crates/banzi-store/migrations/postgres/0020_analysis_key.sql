-- Issue 18: the kept analysis is keyed by the newest audit entry that changed what it reads
-- (the registry, the rule parameters), not by the head: every search, profile view and
-- sign-in is audited too, and each one made the next alert page analyse a province again.
-- Set by every append (see `banzi_domain::audit::changes_registry`) in the same statement
-- that moves the head's hash, so it is as consistent as the head itself.
ALTER TABLE audit_head ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
UPDATE audit_head SET changed = seq;
