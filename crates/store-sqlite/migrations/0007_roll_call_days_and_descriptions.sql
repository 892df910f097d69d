-- Two facts of a roll call the pages need: whether the day of its date is real (the General
-- Assembly data dates every roll call before 2004 on a day between 1 and 7; year and month are
-- right), and the source's own description of the question ("TO ADOPT A CUBAN AMENDMENT…").
-- Imports write both; rows imported before get the day rule below (the one the reader applies,
-- see taawun-votes' unga module) and an empty description until imported again.
ALTER TABLE roll_calls ADD COLUMN day_known INTEGER NOT NULL DEFAULT 1;
ALTER TABLE roll_calls ADD COLUMN description TEXT NOT NULL DEFAULT '';
UPDATE roll_calls SET day_known = 0
WHERE body = 'unga'
  AND CAST(source_id AS INTEGER) < (
      SELECT coalesce(min(CAST(c.source_id AS INTEGER)), 9223372036854775807) FROM roll_calls c
      WHERE c.body = 'unga' AND CAST(substr(c.date, 9, 2) AS INTEGER) > 7)
  AND (SELECT count(*) FROM roll_calls c
       WHERE c.body = 'unga' AND CAST(c.source_id AS INTEGER) < (
           SELECT coalesce(min(CAST(d.source_id AS INTEGER)), 9223372036854775807) FROM roll_calls d
           WHERE d.body = 'unga' AND CAST(substr(d.date, 9, 2) AS INTEGER) > 7)) >= 50;
