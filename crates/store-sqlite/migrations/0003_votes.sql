-- Recorded votes: one row per vote taken (a roll call) and one per State and roll call. The
-- registry links to them by symbol; a roll call need not have a text in the registry.
CREATE TABLE roll_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body TEXT NOT NULL CHECK (body IN ('hrc', 'unga')),
    source_id TEXT NOT NULL,
    symbol TEXT,
    date TEXT NOT NULL, -- ISO 8601
    session INTEGER,
    title TEXT NOT NULL,
    amendment INTEGER NOT NULL,
    paragraph_vote INTEGER NOT NULL,
    important INTEGER NOT NULL,
    draft INTEGER NOT NULL,
    issues TEXT NOT NULL DEFAULT '[]', -- JSON array
    yes_count INTEGER NOT NULL,
    no_count INTEGER NOT NULL,
    abstain_count INTEGER NOT NULL,
    UNIQUE (body, source_id)
);
CREATE INDEX roll_calls_symbol ON roll_calls (symbol);
CREATE INDEX roll_calls_date ON roll_calls (body, date);

CREATE TABLE votes (
    roll_call_id INTEGER NOT NULL REFERENCES roll_calls (id),
    state TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain', 'non-voting', 'absent', 'not-member')),
    PRIMARY KEY (roll_call_id, state)
) WITHOUT ROWID;
CREATE INDEX votes_state ON votes (state, roll_call_id);
