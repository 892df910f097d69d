-- The Universal Periodic Review. A recommendation is one record however many sources hold it
-- (UPR Info's compilation, the Working Group's report, OHCHR's thematic list): `match_key` is
-- the State under review, the session and a hash of the text as compared, and each source that
-- holds it is a row of upr_recommendation_sources.
CREATE TABLE upr_recommendations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    match_key TEXT NOT NULL UNIQUE,
    reviewed TEXT NOT NULL,
    session INTEGER NOT NULL CHECK (session > 0),
    cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 9),
    paragraph TEXT,
    text TEXT NOT NULL,
    response TEXT CHECK (response IN ('supported', 'noted')),
    action INTEGER CHECK (action BETWEEN 1 AND 5)
);
CREATE INDEX upr_recommendations_reviewed ON upr_recommendations (reviewed, session, id);
CREATE INDEX upr_recommendations_session ON upr_recommendations (session, id);
CREATE INDEX upr_recommendations_cycle ON upr_recommendations (cycle, id);

-- The States that made a recommendation, in the order the sources name them.
CREATE TABLE upr_recommending (
    recommendation_id INTEGER NOT NULL REFERENCES upr_recommendations (id),
    state TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, state)
) WITHOUT ROWID;
CREATE INDEX upr_recommending_state ON upr_recommending (state, recommendation_id);

-- The themes (issues) the sources tag a recommendation with, as the sources word them.
CREATE TABLE upr_themes (
    recommendation_id INTEGER NOT NULL REFERENCES upr_recommendations (id),
    theme TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, theme)
) WITHOUT ROWID;
CREATE INDEX upr_themes_theme ON upr_themes (theme, recommendation_id);

CREATE TABLE upr_recommendation_sources (
    recommendation_id INTEGER NOT NULL REFERENCES upr_recommendations (id),
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, kind, file, line)
) WITHOUT ROWID;

-- Voluntary pledges a State made in its review.
CREATE TABLE upr_pledges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    match_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    session INTEGER NOT NULL CHECK (session > 0),
    cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 9),
    text TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '[]', -- JSON array
    source_kind TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL
);
CREATE INDEX upr_pledges_state ON upr_pledges (state, session);
