-- A State's implementation plan for the recommendations of one review cycle: clusters of
-- recommendations (by theme, or the State's own), actions in each cluster, the status changes of
-- each action with their evidence, and the days the reminders ran. Times are Unix seconds; dates
-- are `YYYY-MM-DD` text on both engines (they sort and compare as dates).
CREATE TABLE upr_plans (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 9),
    published BOOLEAN NOT NULL DEFAULT FALSE,
    published_at BIGINT,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (state, cycle)
);

CREATE TABLE upr_plan_clusters (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES upr_plans (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('theme', 'own')),
    position BIGINT NOT NULL,
    UNIQUE (plan_id, name)
);

-- A recommendation is in at most one cluster of a plan.
CREATE TABLE upr_plan_cluster_members (
    plan_id BIGINT NOT NULL REFERENCES upr_plans (id),
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    cluster_id BIGINT NOT NULL REFERENCES upr_plan_clusters (id),
    PRIMARY KEY (plan_id, recommendation_id)
);
CREATE INDEX upr_plan_cluster_members_cluster ON upr_plan_cluster_members (cluster_id, recommendation_id);

-- `version` rises by one with every change: a change made from an older version is refused
-- (optimistic concurrency), so that two people editing one action never overwrite each other.
CREATE TABLE upr_plan_actions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES upr_plans (id),
    cluster_id BIGINT NOT NULL REFERENCES upr_plan_clusters (id),
    title TEXT NOT NULL,
    lead_institution TEXT NOT NULL,
    partners TEXT,
    start_date TEXT CHECK (start_date IS NULL OR length(start_date) = 10),
    due_date TEXT CHECK (due_date IS NULL OR length(due_date) = 10),
    budget_hundredths BIGINT CHECK (budget_hundredths IS NULL OR budget_hundredths >= 0),
    budget_currency TEXT CHECK (budget_currency IS NULL OR length(budget_currency) = 3),
    status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')),
    version BIGINT NOT NULL CHECK (version > 0),
    owner_user_id BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    CHECK (start_date IS NULL OR due_date IS NULL OR due_date >= start_date),
    CHECK ((budget_hundredths IS NULL) = (budget_currency IS NULL))
);
CREATE INDEX upr_plan_actions_plan ON upr_plan_actions (plan_id, cluster_id, id);
CREATE INDEX upr_plan_actions_owner ON upr_plan_actions (owner_user_id, due_date);

CREATE TABLE upr_plan_action_recommendations (
    action_id BIGINT NOT NULL REFERENCES upr_plan_actions (id),
    recommendation_id BIGINT NOT NULL REFERENCES upr_recommendations (id),
    PRIMARY KEY (action_id, recommendation_id)
);

-- An action's indicators: what is measured, its baseline and its target (free text).
CREATE TABLE upr_plan_indicators (
    action_id BIGINT NOT NULL REFERENCES upr_plan_actions (id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    baseline TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
);

-- Evidence files: the bytes are kept in the data directory under `storage_key` (content-addressed
-- by SHA-256), not in the database; here their name, type, size and hash.
CREATE TABLE upr_plan_evidence (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES upr_plans (id),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    storage_key TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX upr_plan_evidence_plan ON upr_plan_evidence (plan_id, id);

CREATE TABLE upr_plan_status_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id BIGINT NOT NULL REFERENCES upr_plan_actions (id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT,
    link TEXT,
    evidence_id BIGINT REFERENCES upr_plan_evidence (id),
    changed_by BIGINT REFERENCES users (id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX upr_plan_status_changes_action ON upr_plan_status_changes (action_id, id);

-- One row per day the reminders were sent: inserted in the transaction that queues the day's
-- messages, so that of several servers (or a server and `taawun upr reminders`) only the first
-- sends them, and a run that fails leaves the day free for the next try.
CREATE TABLE upr_plan_reminder_runs (
    day TEXT PRIMARY KEY,
    ran_at BIGINT NOT NULL,
    messages BIGINT NOT NULL
);
