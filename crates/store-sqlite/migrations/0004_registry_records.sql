-- The registry lists every symbol the platform knows: resolutions held as text, and symbols known
-- only from the voting records. A symbol with both is one record. Among the roll calls of one
-- symbol (amendments, paragraph votes, the vote on the whole), one speaks for the record in
-- listings: the `principal`, kept by the votes import.
ALTER TABLE roll_calls ADD COLUMN principal INTEGER NOT NULL DEFAULT 0;
UPDATE roll_calls SET principal = (
    id = (SELECT c.id FROM roll_calls c WHERE c.symbol = roll_calls.symbol
          ORDER BY c.amendment, c.paragraph_vote, c.date DESC, c.id DESC LIMIT 1)
) WHERE symbol IS NOT NULL;
CREATE INDEX roll_calls_principal ON roll_calls (principal, symbol);

CREATE VIEW registry_records AS
SELECT r.symbol, r.body, r.session, r.year, r.adoption_date, r.adoption_method,
       r.yes_count, r.no_count, r.abstain_count, r.title, r.language, r.current_version,
       1 AS has_text,
       EXISTS (SELECT 1 FROM roll_calls c WHERE c.symbol = r.symbol) AS has_votes
FROM resolutions r
UNION ALL
SELECT c.symbol,
       CASE c.body WHEN 'hrc' THEN 'human-rights-council' ELSE 'general-assembly' END,
       c.session, CAST(substr(c.date, 1, 4) AS INTEGER), c.date, 'recorded-vote',
       c.yes_count, c.no_count, c.abstain_count, c.title, NULL, 0,
       0, 1
FROM roll_calls c
WHERE c.principal = 1 AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.symbol = c.symbol);

-- Every roll call's votes again, packed in one text ("EGYY,USAN,…": the State's code and one
-- letter, Y N A V(non-voting) X(absent) M(not a member)), written with the votes by the import.
-- The analytics read a whole body's votes at once; 6,203 rows of this read in a fraction of the
-- time of 870,109 rows of `votes`. The `votes` table stays the record every other query reads.
ALTER TABLE roll_calls ADD COLUMN ballot TEXT NOT NULL DEFAULT '';
UPDATE roll_calls SET ballot = coalesce(
    (SELECT group_concat(state || CASE choice WHEN 'yes' THEN 'Y' WHEN 'no' THEN 'N' WHEN 'abstain' THEN 'A' WHEN 'non-voting' THEN 'V' WHEN 'absent' THEN 'X' ELSE 'M' END, ',') FROM votes WHERE roll_call_id = roll_calls.id), '');
