-- The review's records (recommendations, pledges, SDG links) and the SDG framework have a
-- generation of their own, raised in the transaction of every write that changes them: the
-- search index says which generation it was built from, and the servers rebuild it when the
-- database has moved on.
INSERT INTO record_stamps (body, generation) VALUES ('upr', 1);
