-- An entry can only be added where the chain continues: its number must follow the head's and
-- it must carry the head's hash. The same trigger then moves the head to it (locking it first,
-- as the platform's appenders do), so the head always names the last row. A row written outside
-- the platform is therefore either refused, or becomes the head (and `taawun audit verify`
-- reports it, since its hash is not the hash of its content); either way the next entry the
-- platform appends continues the chain instead of colliding with a stray row.
CREATE FUNCTION audit_log_continue_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_seq BIGINT;
    head_hash TEXT;
BEGIN
    SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
    IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
        RAISE EXCEPTION 'audit_log: entry % does not continue the head (entry %, next number and head hash); entries are appended by the platform only',
            NEW.seq, head_seq
            USING ERRCODE = 'restrict_violation';
    END IF;
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_continues_head BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_continue_head();

-- Sent e-mail carried single-use links (invitations, password resets): a sent message keeps its
-- recipient and subject, never its body.
UPDATE outbox SET body = '' WHERE sent_at IS NOT NULL OR failed_at IS NOT NULL;
