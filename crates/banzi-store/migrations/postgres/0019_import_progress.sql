-- Issue 18, item 5: several `banzi serve` on one PostgreSQL behind a load balancer. A roster
-- import runs on the server that took the upload, while the page's progress requests may
-- reach any server: the importing server writes how far it has got here, outside the
-- import's own transaction, and every server reads it. One row per running import, by the
-- user and the ticket the page sent with the file; the row goes when the import ends.
-- SQLite has one server, whose own memory has its imports (and the import holds SQLite's
-- only write lock, so nothing could be written here beside it): the table stays empty there.
CREATE TABLE import_progress (
    login TEXT NOT NULL,
    ticket TEXT NOT NULL,
    read_sheet TEXT NOT NULL,
    read_done BIGINT NOT NULL,
    read_total BIGINT NOT NULL,
    write_sheet TEXT NOT NULL,
    write_done BIGINT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (login, ticket)
);
