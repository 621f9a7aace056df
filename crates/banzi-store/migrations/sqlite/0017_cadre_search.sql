-- Cadre search from an index kept with the registry (issue 18, item 2): the keys a cadre is
-- found by (banzi_domain::search_keys: every suffix of the name, the pinyin with and without
-- spaces, the initials, the ID number; all lower case), written in the same transaction as
-- the cadre. A search reads one range of this table's key order (`key >= q AND key < q ||
-- U+10FFFF`) instead of converting every name of the registry.
-- WITHOUT ROWID: the table is its key order, so a range read holds cadre_id and kind
-- without a second lookup, and an import writes one b-tree, not a table and an index.
-- No index by cadre: a rename drops the keys its stored name made, by this key, and an
-- import writes one b-tree in key order rather than a second one in random order (that
-- doubled the time to write a province's keys).
-- No foreign key either: the keys are written only with their cadre, in its transaction,
-- and checking each key's cadre (a lookup in random order over the whole registry) took
-- most of the time to write them: 1.4 s for the 640,000 keys of 100,000 cadres with the
-- check, 0.3 s without. A deleted cadre's keys go with it by the trigger below (nothing
-- deletes cadres today).
CREATE TABLE cadre_search (
    key TEXT NOT NULL,
    cadre_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (key, cadre_id)
) WITHOUT ROWID;
CREATE TRIGGER cadre_search_forget AFTER DELETE ON cadres
BEGIN
    DELETE FROM cadre_search WHERE cadre_id = OLD.id;
END;

-- The cadres already stored, as search_keys::cadre_keys makes them: the earlier kind wins
-- when two give the same key (name, pinyin, initials, then ID number).
WITH RECURSIVE suffix(cadre_id, rest) AS (
    SELECT id, lower(name) FROM cadres WHERE name <> ''
    UNION ALL
    SELECT cadre_id, substr(rest, 2) FROM suffix WHERE length(rest) > 1
)
INSERT OR IGNORE INTO cadre_search (key, cadre_id, kind) SELECT rest, cadre_id, 'name' FROM suffix;
INSERT OR IGNORE INTO cadre_search (key, cadre_id, kind)
    SELECT replace(lower(name_pinyin), ' ', ''), id, 'pinyin' FROM cadres WHERE name_pinyin <> '';
INSERT OR IGNORE INTO cadre_search (key, cadre_id, kind)
    SELECT lower(name_pinyin), id, 'pinyin' FROM cadres WHERE name_pinyin <> '';
INSERT OR IGNORE INTO cadre_search (key, cadre_id, kind)
    SELECT lower(name_initials), id, 'initials' FROM cadres WHERE name_initials <> '';
INSERT OR IGNORE INTO cadre_search (key, cadre_id, kind)
    SELECT lower(id_number), id, 'id' FROM cadres WHERE id_number <> '';
