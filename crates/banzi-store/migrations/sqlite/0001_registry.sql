-- The registry of DOMAIN.md M1, accounts, sessions and the audit trail.
-- Dates are ISO text (YYYY-MM-DD) on both backends so that one SQL text serves both and
-- sorts correctly; times are RFC 3339 UTC text.

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES units(id),
    category TEXT NOT NULL,
    platform TEXT NOT NULL DEFAULT '',
    system TEXT NOT NULL DEFAULT '其他',
    non_cpc_required BOOLEAN NOT NULL DEFAULT FALSE,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    name TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_id, name)
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    seats BIGINT NOT NULL DEFAULT 1,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX posts_team ON posts(team_id);

CREATE TABLE cadres (
    id INTEGER PRIMARY KEY,
    id_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL,
    name_initials TEXT NOT NULL,
    gender TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    native_place TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL,
    party_joined TEXT,
    work_started TEXT,
    ft_education TEXT,
    ft_degree TEXT,
    ft_school TEXT NOT NULL DEFAULT '',
    pt_education TEXT,
    pt_degree TEXT,
    pt_school TEXT NOT NULL DEFAULT '',
    profession TEXT NOT NULL DEFAULT '',
    rank TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX cadres_initials ON cadres(name_initials);
CREATE INDEX cadres_pinyin ON cadres(name_pinyin);

CREATE TABLE cadre_photos (
    cadre_id INTEGER NOT NULL PRIMARY KEY REFERENCES cadres(id),
    mime TEXT NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE resume_lines (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    start_ym TEXT NOT NULL,
    end_ym TEXT,
    text TEXT NOT NULL
);
CREATE INDEX resume_lines_cadre ON resume_lines(cadre_id);

CREATE TABLE family_members (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    relation TEXT NOT NULL,
    name TEXT NOT NULL,
    birth_ym TEXT,
    party TEXT NOT NULL DEFAULT '',
    work TEXT NOT NULL DEFAULT ''
);
CREATE INDEX family_members_cadre ON family_members(cadre_id);

CREATE TABLE rewards (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX rewards_cadre ON rewards(cadre_id);

CREATE TABLE ratings (
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    year BIGINT NOT NULL,
    rating TEXT NOT NULL,
    PRIMARY KEY (cadre_id, year)
);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    post_id INTEGER NOT NULL REFERENCES posts(id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    manner TEXT,
    doc_no TEXT NOT NULL DEFAULT '',
    end_doc_no TEXT NOT NULL DEFAULT '',
    CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX appointments_cadre ON appointments(cadre_id);
CREATE INDEX appointments_post ON appointments(post_id);

CREATE TABLE portfolios (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    post_id INTEGER NOT NULL REFERENCES posts(id),
    work TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT
);
CREATE INDEX portfolios_cadre ON portfolios(cadre_id);

CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    cadre_id INTEGER NOT NULL REFERENCES cadres(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    hours DOUBLE PRECISION
);
CREATE INDEX trainings_cadre ON trainings(cadre_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_login ON login_failures(login, at);

CREATE TABLE sessions (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq BIGINT NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- One row: the newest sequence number and hash. Every write starts by updating it, which
-- both serialises audit appends (a row lock on PostgreSQL, the write lock on SQLite) and
-- lets `audit verify` notice deleted newest rows.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
