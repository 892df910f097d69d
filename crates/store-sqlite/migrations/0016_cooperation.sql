-- The regional seminars (resolution 56/2, op. 30), the calls for inputs (op. 36) and the summary
-- report each mandate draws from them. The rules (who may register and until when, what an input
-- needs, late submissions marked, what may follow a published report) are `taawun-cooperation`'s
-- and `taawun-store`'s; each record is kept whole as JSON (`record`, the domain's type as it
-- serialises) beside the columns the lists filter and sort on. The ids inside a record are the
-- row's: the store gives them, and sets them again on reading.
--
-- Seminars, calls and reports name their mandate by its key (symbol, paragraph, addressee)
-- rather than a foreign key, as `mandate_outputs` does: a newer text of the resolution may
-- renumber or drop a paragraph, and what was held, received and published must survive that
-- import. A mandate must exist when a seminar, a call or a report is created.
-- Days are `YYYY-MM-DD` text and times Unix seconds, as elsewhere; booleans are integers 0/1 on
-- SQLite.
CREATE TABLE seminars (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    addressee TEXT NOT NULL,
    start_day TEXT NOT NULL,
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX seminars_mandate ON seminars (symbol, paragraph, addressee);

-- One registration per address and seminar: the domain refuses a second one with a clear
-- message (addresses are lower-cased); the constraint guards two made at the same moment.
CREATE TABLE seminar_registrations (
    id INTEGER PRIMARY KEY,
    seminar_id INTEGER NOT NULL REFERENCES seminars (id),
    user_id INTEGER REFERENCES users (id),
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (seminar_id, email)
);
CREATE INDEX seminar_registrations_user ON seminar_registrations (user_id);

-- What approved participants bring: challenges, gaps, good practices.
CREATE TABLE seminar_inputs (
    id INTEGER PRIMARY KEY,
    seminar_id INTEGER NOT NULL REFERENCES seminars (id),
    registration_id INTEGER NOT NULL REFERENCES seminar_registrations (id),
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX seminar_inputs_seminar ON seminar_inputs (seminar_id);

-- The rapporteur's notes of an agenda item, every version in the record (the current one last).
CREATE TABLE seminar_notes (
    seminar_id INTEGER NOT NULL REFERENCES seminars (id),
    agenda_item INTEGER NOT NULL,
    record TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (seminar_id, agenda_item)
);

CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    addressee TEXT NOT NULL,
    deadline TEXT NOT NULL,
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX calls_mandate ON calls (symbol, paragraph, addressee);

-- A submission after the deadline's day is taken and marked late, not refused.
CREATE TABLE call_submissions (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls (id),
    user_id INTEGER REFERENCES users (id),
    late INTEGER NOT NULL CHECK (late IN (0, 1)),
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX call_submissions_call ON call_submissions (call_id);

-- At most one summary report per mandate. `revision` rises with every version: a version made
-- from an older revision is refused.
CREATE TABLE summary_reports (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    addressee TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (symbol, paragraph, addressee)
);

-- Every version kept whole (the masthead and both languages' documents, as the JSON the web
-- layer reads), so the published text stays the one that was published. A published version is
-- one made by publishing, and a report has at most one.
CREATE TABLE summary_report_versions (
    report_id INTEGER NOT NULL REFERENCES summary_reports (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    stage TEXT NOT NULL CHECK (stage IN ('draft', 'published')),
    change TEXT NOT NULL CHECK (change IN ('generated', 'edited', 'published')),
    document_symbol TEXT NOT NULL,
    masthead TEXT NOT NULL,
    document_ar TEXT NOT NULL,
    document_en TEXT NOT NULL,
    author TEXT NOT NULL,
    note TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (report_id, number),
    CHECK ((stage = 'published') = (change = 'published'))
);
CREATE UNIQUE INDEX summary_report_versions_published ON summary_report_versions (report_id)
    WHERE stage = 'published';

-- Raised by every write to seminars, calls and reports; its row is also where those writes
-- queue (PostgreSQL), in one order.
INSERT INTO record_stamps (body, generation) VALUES ('cooperation', 1);
