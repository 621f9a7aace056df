-- Selection cases at scale (issue 17, "Speed": 10,500 cases, 126,000 events).
-- `banzi audit verify` reads, for each case, the hash its newest audit entry anchored: the
-- newest entry of each key of entity `selection_case`, found in this index alone rather
-- than by reading the whole trail a second time (the audit page's filter by entity and
-- key uses it too).
CREATE INDEX audit_log_entity_key ON audit_log(entity, entity_key, seq);
-- The case board lists cases newest activity first: read in this order, not sorted.
CREATE INDEX selection_cases_recent ON selection_cases(updated_at, id);
