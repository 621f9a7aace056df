-- The unit search (issue 18, item 1): the keys of `banzi_domain::registry::search::unit_keys`
-- (suffixes of the name, its pinyin and initials from each character on, the code), found by
-- an index range search. Written with the unit in the same transaction; the keys of units
-- stored before this table existed are filled in when the store opens.
CREATE TABLE unit_search (
    key TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;
CREATE INDEX unit_search_unit ON unit_search(unit_id);
-- The tree opens level by level, a page of children at a time, in the registry's order.
CREATE INDEX units_children ON units(parent_id, sort_order, id);
