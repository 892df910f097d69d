-- The best-practice compendium (resolution 56/2, op. 29): practices submitted by stakeholders
-- and States, read by the secretariat before the public sees them. The rules (what a practice
-- must contain, who takes which step from which stage, versions and numbers) are
-- `taawun-cooperation`'s; a practice is kept whole as its record (JSON: content, every
-- published version, every step with its reason) beside the columns the lists filter on.
-- `revision` rises with every step: a step made from an older revision is refused.
CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    number TEXT UNIQUE,
    stage TEXT NOT NULL CHECK (stage IN ('draft', 'submitted', 'published', 'returned', 'declined')),
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    submitter_user_id INTEGER REFERENCES users (id),
    submitter TEXT NOT NULL,
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER,
    -- Made by `taawun demo practices`: its pages say so.
    demonstration INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practices_stage ON practices (stage, updated_at);
CREATE INDEX practices_submitter ON practices (submitter_user_id);

INSERT INTO record_stamps (body, generation) VALUES ('practices', 1);
