-- The 任免审批表's elements the roster row has no field for (出生地, 健康状况, 专长, the
-- file's wording of 现任职务, 奖惩 and 年度考核 …), kept as an LRMX import read them so an
-- export gives them back (issue 16; M1). `texts` is the JSON of banzi_domain's FormTexts.
CREATE TABLE cadre_forms (
    cadre_id BIGINT NOT NULL PRIMARY KEY REFERENCES cadres(id),
    texts TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
