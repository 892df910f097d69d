-- The registry of resolutions: one row per symbol (the listing's columns, from the current
-- version), every text version imported for it, and what the current version cites and mandates.
CREATE TABLE resolutions (
    symbol TEXT PRIMARY KEY NOT NULL,
    body TEXT NOT NULL CHECK (body IN ('human-rights-council', 'general-assembly')),
    session INTEGER,
    year INTEGER,
    adoption_date TEXT, -- ISO 8601
    adoption_method TEXT CHECK (adoption_method IN ('recorded-vote', 'without-vote')),
    yes_count INTEGER,
    no_count INTEGER,
    abstain_count INTEGER,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX resolutions_listing ON resolutions (body, session, year);
CREATE INDEX resolutions_date ON resolutions (adoption_date);

CREATE TABLE resolution_versions (
    symbol TEXT NOT NULL REFERENCES resolutions (symbol),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    record TEXT NOT NULL, -- the parsed record, JSON
    source TEXT NOT NULL,
    warnings INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (symbol, version),
    UNIQUE (symbol, content_hash)
);

CREATE TABLE resolution_references (
    symbol TEXT NOT NULL REFERENCES resolutions (symbol),
    cited_symbol TEXT NOT NULL,
    kind TEXT NOT NULL,
    paragraph TEXT NOT NULL,
    PRIMARY KEY (symbol, cited_symbol, paragraph)
);
CREATE INDEX resolution_references_cited ON resolution_references (cited_symbol);

CREATE TABLE mandates (
    symbol TEXT NOT NULL REFERENCES resolutions (symbol),
    paragraph INTEGER NOT NULL,
    addressee TEXT NOT NULL,
    action TEXT NOT NULL,
    output TEXT,
    due_session INTEGER,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'delivered', 'closed')),
    PRIMARY KEY (symbol, paragraph, addressee)
);
CREATE INDEX mandates_status ON mandates (status, due_session);
