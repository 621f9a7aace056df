-- Rule parameters (the *(param)* values of DOMAIN.md), edited by 组织部 staff and audited.
-- Only values that differ from the defaults of banzi_domain::rules::PARAMS are kept: a key
-- with no row has its default.
CREATE TABLE rule_params (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
