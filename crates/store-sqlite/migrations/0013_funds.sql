-- The assistance funds: donors, requests for assistance with every step of their workflow, and
-- each fund's double-entry ledger. The funds themselves are configuration (`taawun-funds`),
-- named here by their id. Amounts are integers in the minor units of the currency beside them
-- (never floating point). Times are Unix seconds; dates are `YYYY-MM-DD` text on both engines.
-- `demonstration` marks the records `taawun demo funds` made: their pages and exports say so.
CREATE TABLE fund_donors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('state', 'organisation', 'private')),
    state TEXT REFERENCES states (iso3),
    -- Resolution 56/2 asks to broaden the donor base towards non-traditional donors.
    non_traditional INTEGER NOT NULL,
    demonstration INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    CHECK ((kind = 'state') = (state IS NOT NULL))
);

-- A request as its State wrote it, and where it stands. `version` rises with every change: a
-- change made from an older version is refused and the writer is told.
CREATE TABLE fund_requests (
    id INTEGER PRIMARY KEY,
    fund TEXT NOT NULL,
    state TEXT NOT NULL REFERENCES states (iso3),
    request_type TEXT NOT NULL CHECK (request_type IN ('upr-implementation', 'review-participation', 'technical-cooperation', 'crisis-response')),
    crisis TEXT CHECK (crisis IS NULL OR crisis IN ('health', 'financial', 'food', 'climate', 'displacement')),
    purpose TEXT NOT NULL,
    -- JSON: an array of strings; an array of {"item", "minor"} in `currency`.
    activities TEXT NOT NULL,
    budget TEXT NOT NULL,
    currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
    requested_minor INTEGER CHECK (requested_minor IS NULL OR requested_minor >= 0),
    starts TEXT CHECK (starts IS NULL OR length(starts) = 10),
    ends TEXT CHECK (ends IS NULL OR length(ends) = 10),
    priority TEXT CHECK (priority IS NULL OR priority IN ('high', 'medium', 'low')),
    consent_by TEXT,
    consent_on TEXT CHECK (consent_on IS NULL OR length(consent_on) = 10),
    publish_purpose INTEGER NOT NULL DEFAULT 0,
    publish_activities INTEGER NOT NULL DEFAULT 0,
    publish_budget INTEGER NOT NULL DEFAULT 0,
    publish_recommendations INTEGER NOT NULL DEFAULT 0,
    stage TEXT NOT NULL CHECK (stage IN ('draft', 'submitted', 'screening', 'information-requested', 'review', 'decision', 'agreement', 'disbursement', 'reporting', 'closed')),
    resume_stage TEXT,
    recommendations_made INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL CHECK (version > 0),
    demonstration INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    CHECK ((requested_minor IS NULL) = (currency IS NULL))
);
CREATE INDEX fund_requests_register ON fund_requests (fund, submitted_at, id);
CREATE INDEX fund_requests_state ON fund_requests (state, id);

CREATE TABLE fund_request_recommendations (
    request_id INTEGER NOT NULL REFERENCES fund_requests (id),
    recommendation_id INTEGER NOT NULL REFERENCES upr_recommendations (id),
    PRIMARY KEY (request_id, recommendation_id)
) WITHOUT ROWID;

CREATE TABLE fund_request_plan_actions (
    request_id INTEGER NOT NULL REFERENCES fund_requests (id),
    action_id INTEGER NOT NULL REFERENCES upr_plan_actions (id),
    PRIMARY KEY (request_id, action_id)
) WITHOUT ROWID;

-- Every step a request took: who (the account, and the name shown), in which role, from which
-- stage to which, and why. Written in the transaction that moves the request, with its audit
-- entry.
CREATE TABLE fund_request_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES fund_requests (id),
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    step TEXT NOT NULL,
    outcome TEXT,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    conditions TEXT NOT NULL,
    amount_minor INTEGER
);
CREATE INDEX fund_request_events_request ON fund_request_events (request_id, id);

-- The ledger: entries in the fund's currency, each with lines that sum to zero (a debit
-- positive, a credit negative). An entry is never changed: a correction is a reversing entry
-- (`reverses`, at most one per entry). `account` is cash, pledges-receivable, obligations,
-- contributions, grants or programme-support; `of_id` the donor or request it is kept for.
CREATE TABLE fund_entries (
    id INTEGER PRIMARY KEY,
    fund TEXT NOT NULL,
    day TEXT NOT NULL CHECK (length(day) = 10),
    kind TEXT NOT NULL CHECK (kind IN ('pledge', 'contribution', 'programme-support', 'commitment', 'disbursement', 'reversal')),
    memo TEXT NOT NULL,
    donor_id INTEGER REFERENCES fund_donors (id),
    request_id INTEGER REFERENCES fund_requests (id),
    -- A contribution paid in another currency: what was paid, and the rate used (units of the
    -- fund's currency per unit paid, in billionths) with its date.
    original_currency TEXT CHECK (original_currency IS NULL OR length(original_currency) = 3),
    original_minor INTEGER,
    rate_nano INTEGER CHECK (rate_nano IS NULL OR rate_nano > 0),
    rate_day TEXT,
    earmark TEXT,
    reverses INTEGER UNIQUE REFERENCES fund_entries (id),
    demonstration INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX fund_entries_fund ON fund_entries (fund, id);

CREATE TABLE fund_entry_lines (
    entry_id INTEGER NOT NULL REFERENCES fund_entries (id),
    position INTEGER NOT NULL,
    fund TEXT NOT NULL,
    account TEXT NOT NULL CHECK (account IN ('cash', 'pledges-receivable', 'obligations', 'contributions', 'grants', 'programme-support')),
    of_id INTEGER,
    minor INTEGER NOT NULL CHECK (minor <> 0),
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
-- Balances are sums over this index (a fund's accounts; one request's or donor's account).
CREATE INDEX fund_entry_lines_account ON fund_entry_lines (fund, account, of_id, minor);
CREATE INDEX fund_entry_lines_of ON fund_entry_lines (account, of_id, minor);

INSERT INTO record_stamps (body, generation) VALUES ('funds', 1);
