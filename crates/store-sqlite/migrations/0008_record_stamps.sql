-- Each body's records (its roll calls and the resolution texts held for it) change only when
-- something is imported for it. A generation per body, raised in the import's own transaction,
-- lets the servers keep what they compute from the records (vote matrices, registry listings)
-- until the next import of that body, and read in one indexed lookup whether it is still valid;
-- an import for one body leaves what was computed for the other alone.
CREATE TABLE record_stamps (
    body TEXT PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO record_stamps (body, generation) VALUES ('hrc', 1), ('unga', 1);
