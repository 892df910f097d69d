-- Accounts, roles, organisations, sessions, links and tokens, the e-mail outbox, and the audit
-- trail. Times are Unix seconds (the audit log: microseconds). Secrets are never stored: only the
-- SHA-256 digest of a session cookie, an invitation or reset link, or an API token.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name_ar TEXT, name_en TEXT, name_fr TEXT, name_es TEXT, name_ru TEXT, name_zh TEXT,
    kind TEXT NOT NULL,
    seat_iso3 TEXT REFERENCES states (iso3),
    search_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (coalesce(name_ar, name_en, name_fr, name_es, name_ru, name_zh) IS NOT NULL)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    name_public INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at INTEGER NOT NULL
);

-- A role and what it is bound to: a State (focal point, donor), an organisation (stakeholder,
-- donor), or nothing (secretariat, administrator). Rules on which binding a role needs are the
-- domain's (taawun-accounts); the CHECK keeps at most one.
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    state_iso3 TEXT REFERENCES states (iso3),
    organisation_id INTEGER REFERENCES organisations (id),
    CHECK (state_iso3 IS NULL OR organisation_id IS NULL)
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles (user_id, role, coalesce(state_iso3, ''), coalesce(organisation_id, 0));

CREATE TABLE sessions (
    digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_attempts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    succeeded INTEGER NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email, at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    token_digest TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    state_iso3 TEXT REFERENCES states (iso3),
    organisation_id INTEGER REFERENCES organisations (id),
    invited_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    revoked_at INTEGER,
    user_id INTEGER REFERENCES users (id)
);

CREATE TABLE password_resets (
    token_digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_digest TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    leased_until INTEGER,
    sent_at INTEGER,
    failed_at INTEGER,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, failed_at, leased_until);

-- The audit trail: append-only, hash-chained (see taawun-audit). `audit_head` holds the last
-- entry's number and hash so that appending is one row lock, not a scan.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at_us INTEGER NOT NULL,
    actor_user_id INTEGER,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
