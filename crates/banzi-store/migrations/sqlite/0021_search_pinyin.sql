-- Issue 18: each search key carries its cadre's stored pinyin (cadres.name_pinyin), the
-- order of the cadre list, so that a search by the query alone counts and orders what it
-- found from the keys and reads only the page's cadres (`q/search.rs`, `page_of_keys`).
-- Written with every key, in the cadre's transaction; a rename that changes the pinyin
-- writes all of its keys again.
ALTER TABLE cadre_search ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';
UPDATE cadre_search SET pinyin = (SELECT c.name_pinyin FROM cadres c WHERE c.id = cadre_search.cadre_id);
