-- Issue 18: on PostgreSQL the pinyin is given the byte order ("C") SQLite compares text in
-- already; nothing to change here (the numbering of both backends' migrations is kept alike).
SELECT 1;
