-- The Universal Periodic Review. A recommendation is one record however many sources hold it
-- (UPR Info's compilation, the Working Group's report, OHCHR's thematic list): `match_key` is
-- the State under review, the session and a hash of the text as compared, and each source that
-- holds it is a row of upr_recommendation_sources.
CREATE TABLE upr_recommendations (
    id BIGSERIAL PRIMARY KEY,
    match_key TEXT NOT NULL UNIQUE,
    reviewed TEXT NOT NULL,
    session INTEGER NOT NULL CHECK (session > 0),
    cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 9),
    paragraph TEXT,
    text TEXT NOT NULL,
    response TEXT CHECK (response IN ('supported', 'noted')),
    action INTEGER CHECK (action BETWEEN 1 AND 5),
    -- What a source (OHCHR's thematic list) says of its implementation.
    assessment TEXT
);
CREATE INDEX upr_recommendations_reviewed ON upr_recommendations (reviewed, session, id);
CREATE INDEX upr_recommendations_session ON upr_recommendations (session, id);
CREATE INDEX upr_recommendations_cycle ON upr_recommendations (cycle, id);

-- The States that made a recommendation, in the order the sources name them.
CREATE TABLE upr_recommending (
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    state TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, state)
);
CREATE INDEX upr_recommending_state ON upr_recommending (state, recommendation_id);

-- The themes (issues) and the groups of persons the sources tag a recommendation with, as the
-- sources word them.
CREATE TABLE upr_themes (
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    kind TEXT NOT NULL CHECK (kind IN ('theme', 'persons')),
    theme TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, kind, theme)
);
CREATE INDEX upr_themes_theme ON upr_themes (kind, theme, recommendation_id);

CREATE TABLE upr_recommendation_sources (
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, kind, file, line)
);

-- Voluntary pledges a State made in its review.
CREATE TABLE upr_pledges (
    id BIGSERIAL PRIMARY KEY,
    match_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    session INTEGER NOT NULL CHECK (session > 0),
    cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 9),
    text TEXT NOT NULL,
    themes JSONB NOT NULL DEFAULT '[]',
    source_kind TEXT NOT NULL,
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL
);
CREATE INDEX upr_pledges_state ON upr_pledges (state, session);

-- The Sustainable Development Goals, their targets and indicators, in the six languages
-- (`taawun import sdg`).
CREATE TABLE sdg_goals (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
    title_ar TEXT NOT NULL, title_en TEXT NOT NULL, title_fr TEXT NOT NULL,
    title_es TEXT NOT NULL, title_ru TEXT NOT NULL, title_zh TEXT NOT NULL,
    short_ar TEXT NOT NULL, short_en TEXT NOT NULL, short_fr TEXT NOT NULL,
    short_es TEXT NOT NULL, short_ru TEXT NOT NULL, short_zh TEXT NOT NULL
);
CREATE TABLE sdg_targets (
    code TEXT PRIMARY KEY, -- "16.3", "16.a"
    goal INTEGER NOT NULL REFERENCES sdg_goals (number),
    position INTEGER NOT NULL, -- the official order within the goal (1.5 before 1.10 before 1.a)
    title_ar TEXT NOT NULL, title_en TEXT NOT NULL, title_fr TEXT NOT NULL,
    title_es TEXT NOT NULL, title_ru TEXT NOT NULL, title_zh TEXT NOT NULL
);
CREATE INDEX sdg_targets_goal ON sdg_targets (goal, position);
CREATE TABLE sdg_indicators (
    code TEXT PRIMARY KEY, -- "16.3.1"
    target TEXT NOT NULL REFERENCES sdg_targets (code),
    position INTEGER NOT NULL,
    title_ar TEXT NOT NULL, title_en TEXT NOT NULL, title_fr TEXT NOT NULL,
    title_es TEXT NOT NULL, title_ru TEXT NOT NULL, title_zh TEXT NOT NULL
);
CREATE INDEX sdg_indicators_target ON sdg_indicators (target, position);

-- A recommendation's links to SDGs: a goal ("16") or a target ("16.3"). `origin` says whether a
-- source gave the link or the secretariat added it (who and when; removals are in the audit
-- trail). Suggestions of the keyword suggester are never stored here until accepted.
CREATE TABLE upr_sdg_links (
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    sdg TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('source', 'secretariat')),
    added_by BIGINT REFERENCES users (id),
    added_at BIGINT NOT NULL, -- microseconds since 1970, as the accounts tables
    PRIMARY KEY (recommendation_id, sdg)
);
CREATE INDEX upr_sdg_links_sdg ON upr_sdg_links (sdg, recommendation_id);
