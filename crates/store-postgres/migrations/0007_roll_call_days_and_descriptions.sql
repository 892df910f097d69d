-- Two facts of a roll call the pages need: whether the day of its date is real (the General
-- Assembly data dates every roll call before 2004 on a day between 1 and 7; year and month are
-- right), and the source's own description of the question ("TO ADOPT A CUBAN AMENDMENT…").
-- Imports write both; rows imported before get the day rule below (the one the reader applies,
-- see taawun-votes' unga module) and an empty description until imported again.
ALTER TABLE roll_calls ADD COLUMN day_known BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE roll_calls ADD COLUMN description TEXT NOT NULL DEFAULT '';
WITH run_end AS (
    SELECT coalesce(min(source_id::bigint), 9223372036854775807) AS id FROM roll_calls
    WHERE body = 'unga' AND extract(day FROM date) > 7
)
UPDATE roll_calls SET day_known = FALSE
WHERE body = 'unga'
  AND source_id::bigint < (SELECT id FROM run_end)
  AND (SELECT count(*) FROM roll_calls c WHERE c.body = 'unga'
       AND c.source_id::bigint < (SELECT id FROM run_end)) >= 50;
