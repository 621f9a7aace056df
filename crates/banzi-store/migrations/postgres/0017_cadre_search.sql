-- Cadre search from an index kept with the registry (issue 18, item 2): the keys a cadre is
-- found by (banzi_domain::search_keys: every suffix of the name, the pinyin with and without
-- spaces, the initials, the ID number; all lower case), written in the same transaction as
-- the cadre. A search reads one range of the key index (`key >= q AND key < q || U+10FFFF`)
-- instead of converting every name of the registry.
-- COLLATE "C": the range is one of byte order, whatever collation the database was made
-- with (a linguistic one would not put every continuation of q below q || U+10FFFF).
-- The primary key's index holds kind too, so the range is read from the index alone.
-- No index by cadre: a rename drops the keys its stored name made, by this key, and an
-- import writes one b-tree in key order rather than a second one in random order.
-- No foreign key either: the keys are written only with their cadre, in its transaction,
-- and checking each key's cadre took most of the time to write them (on SQLite 1.4 s for
-- the 640,000 keys of 100,000 cadres with the check, 0.3 s without; here it is a query per
-- key). A deleted cadre's keys go with it by the trigger below (nothing deletes cadres).
CREATE TABLE cadre_search (
    key TEXT COLLATE "C" NOT NULL,
    cadre_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (key, cadre_id) INCLUDE (kind)
);
CREATE OR REPLACE FUNCTION cadre_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM cadre_search WHERE cadre_id = OLD.id;
    RETURN OLD;
END
$$;
CREATE TRIGGER cadre_search_forget AFTER DELETE ON cadres
    FOR EACH ROW EXECUTE FUNCTION cadre_search_forget();

-- The cadres already stored, as search_keys::cadre_keys makes them: the earlier kind wins
-- when two give the same key (name, pinyin, initials, then ID number). lower() under "C"
-- lowers ASCII only, as the program and SQLite do.
INSERT INTO cadre_search (key, cadre_id, kind)
    WITH RECURSIVE suffix(cadre_id, rest) AS (
        SELECT id, lower(name COLLATE "C") FROM cadres WHERE name <> ''
        UNION ALL
        SELECT cadre_id, substr(rest, 2) FROM suffix WHERE length(rest) > 1
    )
    SELECT rest, cadre_id, 'name' FROM suffix
    ON CONFLICT DO NOTHING;
INSERT INTO cadre_search (key, cadre_id, kind)
    SELECT replace(lower(name_pinyin COLLATE "C"), ' ', ''), id, 'pinyin' FROM cadres WHERE name_pinyin <> ''
    ON CONFLICT DO NOTHING;
INSERT INTO cadre_search (key, cadre_id, kind)
    SELECT lower(name_pinyin COLLATE "C"), id, 'pinyin' FROM cadres WHERE name_pinyin <> ''
    ON CONFLICT DO NOTHING;
INSERT INTO cadre_search (key, cadre_id, kind)
    SELECT lower(name_initials COLLATE "C"), id, 'initials' FROM cadres WHERE name_initials <> ''
    ON CONFLICT DO NOTHING;
INSERT INTO cadre_search (key, cadre_id, kind)
    SELECT lower(id_number COLLATE "C"), id, 'id' FROM cadres WHERE id_number <> ''
    ON CONFLICT DO NOTHING;
