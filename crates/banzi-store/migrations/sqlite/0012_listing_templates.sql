-- 名册 templates (issue 16, item 4): the columns of a roster listing kept under a name the
-- whole department shares (one name, one template), with who saved it last and when.
-- `columns` holds the column keys of banzi_domain::listing, comma-separated, in order.
CREATE TABLE listing_templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    columns TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
