-- An entry can only be added where the chain continues: its number must follow the head's and
-- it must carry the head's hash. The same trigger then moves the head to it, so the head always
-- names the last row. A row written outside the platform is therefore either refused, or becomes
-- the head (and `taawun audit verify` reports it, since its hash is not the hash of its content);
-- either way the next entry the platform appends continues the chain instead of colliding with
-- a stray row.
CREATE TRIGGER audit_log_continues_head BEFORE INSERT ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log: an entry must continue the head (next number, head hash); entries are appended by the platform only')
    WHERE NOT EXISTS (
        SELECT 1 FROM audit_head
        WHERE id = 1 AND NEW.seq = audit_head.seq + 1 AND NEW.prev_hash = audit_head.hash
    );
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END;

-- Sent e-mail carried single-use links (invitations, password resets): a sent message keeps its
-- recipient and subject, never its body.
UPDATE outbox SET body = '' WHERE sent_at IS NOT NULL OR failed_at IS NOT NULL;
