-- Password-reset links are looked up by account (a new link retires the account's older ones).
-- PostgreSQL's schema had this index from 0005, SQLite's did not: found by the schema-agreement
-- test. IF NOT EXISTS keeps the two engines' migrations numbered alike.
CREATE INDEX IF NOT EXISTS password_resets_user ON password_resets (user_id);
