-- Recorded votes: one row per vote taken (a roll call) and one per State and roll call. The
-- registry links to them by symbol; a roll call need not have a text in the registry.
CREATE TABLE roll_calls (
    id BIGSERIAL PRIMARY KEY,
    body TEXT NOT NULL CHECK (body IN ('hrc', 'unga')),
    source_id TEXT NOT NULL,
    symbol TEXT,
    date DATE NOT NULL,
    session INTEGER,
    title TEXT NOT NULL,
    amendment BOOLEAN NOT NULL,
    paragraph_vote BOOLEAN NOT NULL,
    important BOOLEAN NOT NULL,
    draft BOOLEAN NOT NULL,
    issues JSONB NOT NULL DEFAULT '[]',
    yes_count INTEGER NOT NULL,
    no_count INTEGER NOT NULL,
    abstain_count INTEGER NOT NULL,
    UNIQUE (body, source_id)
);
CREATE INDEX roll_calls_symbol ON roll_calls (symbol);
CREATE INDEX roll_calls_date ON roll_calls (body, date);

CREATE TABLE votes (
    roll_call_id BIGINT NOT NULL REFERENCES roll_calls (id),
    state TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain', 'non-voting', 'absent', 'not-member')),
    PRIMARY KEY (roll_call_id, state)
);
CREATE INDEX votes_state ON votes (state, roll_call_id);
