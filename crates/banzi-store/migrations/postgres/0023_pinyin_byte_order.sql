-- Issue 18: the cadre list is in the byte order of the pinyin, as on SQLite (which compares
-- text as bytes), whatever collation the database was made with. A search by the query
-- alone reads the (pinyin, cadre) pairs of its key range and sorts them in the program
-- (`keys_page.rs`): PostgreSQL sorting, deduplicating and counting them took it twice as long
-- as reading them, and the program's order is that of bytes. With a linguistic collation
-- (zh_CN.UTF-8, en_US.UTF-8) the list's `ORDER BY name_pinyin` would have disagreed with it:
-- such collations pass over the spaces between syllables.
ALTER TABLE cadres ALTER COLUMN name_pinyin TYPE TEXT COLLATE "C";
ALTER TABLE cadre_search ALTER COLUMN pinyin TYPE TEXT COLLATE "C";
