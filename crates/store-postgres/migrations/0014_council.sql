-- The Council's calendar as the secretariat amended it, and mandates followed to their outputs.
--
-- The sessions are built in (`taawun-council`'s table, written from the Council's documents);
-- `council_sessions` holds only the secretariat's amendments laid over it (a session's dates
-- corrected, or a session the table does not know yet added). Dates are `YYYY-MM-DD` text on
-- both engines; times are Unix seconds.
CREATE TABLE council_sessions (
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'special')),
    number INTEGER NOT NULL CHECK (number >= 1),
    opening TEXT NOT NULL,
    closing TEXT NOT NULL CHECK (opening <= closing),
    reason TEXT NOT NULL,
    amended_at BIGINT NOT NULL,
    amended_by TEXT NOT NULL,
    PRIMARY KEY (kind, number)
);

-- A mandate's stored status is its progress: what its outputs make it (pending, in
-- preparation, delivered) or what the secretariat decided (discontinued, with the reason).
-- Late is not stored: it depends on the day and the calendar, and is read with them.
ALTER TABLE mandates DROP CONSTRAINT mandates_status_check;
ALTER TABLE mandates RENAME COLUMN status TO progress;
ALTER TABLE mandates ALTER COLUMN progress SET DEFAULT 'pending';
UPDATE mandates SET progress = CASE progress
    WHEN 'open' THEN 'pending'
    WHEN 'in-progress' THEN 'in-preparation'
    WHEN 'closed' THEN 'discontinued'
    ELSE progress END;
ALTER TABLE mandates ADD CONSTRAINT mandates_progress_check
    CHECK (progress IN ('pending', 'in-preparation', 'delivered', 'discontinued'));
ALTER TABLE mandates ADD COLUMN discontinued_reason TEXT;

-- What a mandate produced. Keyed by the mandate's key rather than a foreign key: a newer text of
-- the resolution may renumber or drop a paragraph, and what the secretariat recorded must
-- survive that import (the mandate's page shows outputs whose mandate is gone as such).
CREATE TABLE mandate_outputs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    addressee TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('report', 'seminar', 'compilation', 'consultation', 'study', 'other')),
    title TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'in-preparation', 'delivered')),
    document_symbol TEXT,
    delivered_on TEXT,
    link TEXT,
    version INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (state <> 'delivered' OR delivered_on IS NOT NULL)
);
CREATE INDEX mandate_outputs_mandate ON mandate_outputs (symbol, paragraph, addressee);
CREATE INDEX mandate_outputs_updated ON mandate_outputs (updated_at);

-- Raised by every calendar amendment and output write: the pages keep the calendar and the
-- mandates' tallies per generation. Its row is also the lock two amendments queue on (PostgreSQL),
-- so that two sessions moved at once cannot make an inconsistent calendar between them.
INSERT INTO record_stamps (body, generation) VALUES ('council', 1);
