//! Recorded votes as stored: roll calls (one per vote taken) and the cast votes, linked to the
//! registry by symbol.

use serde::Serialize;

/// What a votes import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VoteImportReport {
    /// Roll calls new to the database.
    pub roll_calls_created: usize,
    /// Roll calls already imported (by body and source id): left as they are.
    pub roll_calls_existing: usize,
    /// Roll calls already imported without issues (the issues file was missing then) that this
    /// import gave their issues.
    pub roll_calls_completed: usize,
    pub votes_written: usize,
    /// Roll calls whose symbol names a resolution the registry holds as text.
    pub linked_to_registry: usize,
}

/// A roll call and its votes, for one symbol.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollCallVotes {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "human-rights-council"))]
    pub body: taawun_votes::Body,
    /// The source's own key (HRC symbol, UNGA rcid).
    pub source_id: String,
    pub symbol: Option<String>,
    /// ISO 8601.
    pub date: String,
    pub title: String,
    /// A vote on an amendment rather than on the text.
    pub amendment: bool,
    /// A separate vote on one paragraph.
    pub paragraph_vote: bool,
    /// The roll call that speaks for the symbol (the vote on the whole text).
    pub principal: bool,
    /// The vote was taken on a draft (an `L.` symbol), not on an adopted text.
    pub draft: bool,
    /// Whether the day of `date` is the real one (false: only its year and month are known).
    pub day_known: bool,
    /// The source's own description of the question, when it has one beyond the title.
    pub description: String,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// Every State's vote: `yes`, `no`, `abstain`, `non-voting`, `absent`, `not-member`.
    pub votes: Vec<StateVote>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateVote {
    pub state: String,
    pub choice: String,
}

/// Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
pub const VOTE_BATCH: usize = 8_000;

/// Filters of vote listings and analytics, already validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct VoteFilter {
    pub body: Option<taawun_votes::Body>,
    /// Inclusive.
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// The body's session.
    pub session: Option<u32>,
    /// An issue tag of the voting records (UNGA's six: "Human rights", "Colonialism"…).
    pub issue: Option<String>,
}

/// A roll call as the analytics list it beside the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollCallInfo {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "human-rights-council"))]
    pub body: taawun_votes::Body,
    pub source_id: String,
    pub symbol: Option<String>,
    /// ISO 8601.
    pub date: String,
    /// Whether the day of `date` is the real one (false: only its year and month are known).
    pub day_known: bool,
    pub session: Option<u32>,
    pub title: String,
}

/// Every vote under a filter, as the analytics want it: a States × roll calls matrix, and the
/// roll calls in the matrix's column order.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteTable {
    pub matrix: taawun_votes::VoteMatrix,
    pub roll_calls: Vec<RollCallInfo>,
    /// Per State (matrix row), a bit per roll call: whether the records hold a vote of the
    /// State there. The matrix reads a missing vote as absent; a State's voting record lists
    /// only the votes the records hold.
    present: Vec<u64>,
}

impl VoteTable {
    fn words(&self) -> usize {
        self.roll_calls.len().div_ceil(64)
    }

    /// The State's vote on the roll call (matrix indices), if the records hold one.
    pub fn vote(&self, state: usize, roll_call: usize) -> Option<taawun_votes::VoteChoice> {
        let word = self.present.get(state * self.words() + roll_call / 64)?;
        (word >> (roll_call % 64) & 1 == 1).then(|| self.matrix.get(state, roll_call))
    }

    /// The roll calls (matrix columns) on which the records hold a vote of the State, newest
    /// first (the table keeps them oldest first).
    pub fn state_record(&self, iso3: &str) -> Vec<usize> {
        let Some(state) = self.matrix.state_index(iso3) else {
            return Vec::new();
        };
        let words = &self.present[state * self.words()..(state + 1) * self.words()];
        let mut columns = Vec::new();
        for (w, word) in words.iter().enumerate().rev() {
            let mut bits = *word;
            while bits != 0 {
                let top = 63 - bits.leading_zeros() as usize;
                columns.push(w * 64 + top);
                bits &= !(1u64 << top);
            }
        }
        columns
    }
}

/// Identifies the content of each body's records — its roll calls and the resolution texts the
/// registry holds for it: a body's generation grows, in the import's own transaction, whenever an
/// import changes them. Anything computed from the records (vote matrices, registry listings)
/// is cached under the stamp it was read at, so it stays valid until the next import of the
/// bodies it covers, on every server, without any message between them; an import of one body
/// leaves what was computed for the other alone ([`VotesStamp::scoped`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VotesStamp {
    pub hrc: i64,
    pub unga: i64,
}

impl VotesStamp {
    /// The part of the stamp a result for `body` depends on: that body's generation alone, or
    /// both when `body` is `None`.
    pub fn scoped(self, body: Option<taawun_votes::Body>) -> VotesStamp {
        match body {
            None => self,
            Some(taawun_votes::Body::Hrc) => VotesStamp {
                hrc: self.hrc,
                unga: 0,
            },
            Some(taawun_votes::Body::Unga) => VotesStamp {
                hrc: 0,
                unga: self.unga,
            },
        }
    }

    /// The generation of one body.
    pub fn generation(self, body: taawun_votes::Body) -> i64 {
        match body {
            taawun_votes::Body::Hrc => self.hrc,
            taawun_votes::Body::Unga => self.unga,
        }
    }
}

/// One line of a State's voting record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateVoteRecord {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "human-rights-council"))]
    pub body: taawun_votes::Body,
    pub source_id: String,
    pub symbol: Option<String>,
    /// ISO 8601.
    pub date: String,
    /// Whether the day of `date` is the real one (false: only its year and month are known).
    pub day_known: bool,
    pub title: String,
    /// `yes`, `no`, `abstain`, `non-voting`, `absent`, `not-member`.
    pub choice: String,
}

/// The letter of a choice in a packed ballot.
fn ballot_letter(choice: taawun_votes::VoteChoice) -> char {
    use taawun_votes::VoteChoice::*;
    match choice {
        Yes => 'Y',
        No => 'N',
        Abstain => 'A',
        NonVoting => 'V',
        Absent => 'X',
        NotMember => 'M',
    }
}

fn choice_of_letter(letter: char) -> Option<taawun_votes::VoteChoice> {
    use taawun_votes::VoteChoice::*;
    Some(match letter {
        'Y' => Yes,
        'N' => No,
        'A' => Abstain,
        'V' => NonVoting,
        'X' => Absent,
        'M' => NotMember,
        _ => return None,
    })
}

/// A roll call's votes packed in one text, as the `ballot` column keeps them: each State's code
/// followed by its choice's letter, comma-separated (`EGYY,USAN`).
pub fn pack_ballot<'a>(
    votes: impl IntoIterator<Item = (&'a str, taawun_votes::VoteChoice)>,
) -> String {
    let mut out = String::new();
    for (state, choice) in votes {
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(state);
        out.push(ballot_letter(choice));
    }
    out
}

/// The votes of a packed ballot; malformed entries are skipped.
pub fn unpack_ballot(ballot: &str) -> impl Iterator<Item = (&str, taawun_votes::VoteChoice)> {
    ballot.split(',').filter_map(|entry| {
        let letter = entry.chars().last()?;
        let state = &entry[..entry.len() - letter.len_utf8()];
        (!state.is_empty())
            .then_some(())
            .and(choice_of_letter(letter).map(|c| (state, c)))
    })
}

/// Builds a [`VoteTable`] from rows as a store reads them: the roll calls first (in the order
/// the table should keep), then the votes in any order. Shared by both backends so that they
/// give the same matrix for the same rows.
#[derive(Default)]
pub struct VoteTableBuilder {
    columns: std::collections::HashMap<i64, u32>,
    roll_calls: Vec<RollCallInfo>,
    states: std::collections::HashMap<String, u16>,
    cells: Vec<(u32, u16, taawun_votes::VoteChoice)>,
}

impl VoteTableBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A roll call, by the store's own id.
    pub fn roll_call(&mut self, id: i64, info: RollCallInfo) {
        if self.columns.contains_key(&id) {
            return;
        }
        self.columns.insert(id, self.roll_calls.len() as u32);
        self.roll_calls.push(info);
    }

    /// A vote on a roll call given before; votes on other roll calls and unknown choices are
    /// ignored (the schema's CHECK constraint keeps the latter out).
    pub fn vote(&mut self, roll_call_id: i64, state: &str, choice: &str) {
        let (Some(&column), Some(choice)) = (
            self.columns.get(&roll_call_id),
            taawun_votes::VoteChoice::from_slug(choice),
        ) else {
            return;
        };
        let next = self.states.len() as u16;
        let row = match self.states.get(state) {
            Some(row) => *row,
            None => {
                self.states.insert(state.to_owned(), next);
                next
            }
        };
        self.cells.push((column, row, choice));
    }

    /// All votes of a roll call given before, from its packed ballot.
    pub fn ballot(&mut self, roll_call_id: i64, ballot: &str) {
        let Some(&column) = self.columns.get(&roll_call_id) else {
            return;
        };
        for (state, choice) in unpack_ballot(ballot) {
            let next = self.states.len() as u16;
            let row = match self.states.get(state) {
                Some(row) => *row,
                None => {
                    self.states.insert(state.to_owned(), next);
                    next
                }
            };
            self.cells.push((column, row, choice));
        }
    }

    pub fn finish(self) -> VoteTable {
        let mut states: Vec<(String, u16)> = self.states.into_iter().collect();
        states.sort_unstable();
        let mut rank = vec![0usize; states.len()];
        for (position, (_, met)) in states.iter().enumerate() {
            rank[usize::from(*met)] = position;
        }
        let ids = self
            .roll_calls
            .iter()
            .map(|r| format!("{}:{}", r.body.slug(), r.source_id))
            .collect();
        let mut matrix =
            taawun_votes::VoteMatrix::new(ids, states.into_iter().map(|(s, _)| s).collect());
        let words = self.roll_calls.len().div_ceil(64);
        let mut present = vec![0u64; matrix.states().len() * words];
        for (column, row, choice) in self.cells {
            let state = rank[usize::from(row)];
            matrix.set(state, column as usize, choice);
            present[state * words + column as usize / 64] |= 1 << (column % 64);
        }
        VoteTable {
            matrix,
            roll_calls: self.roll_calls,
            present,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use taawun_votes::{Body, VoteChoice};

    #[test]
    fn ballots_pack_and_unpack_every_choice() {
        let votes = [
            ("EGY", VoteChoice::Yes),
            ("USA", VoteChoice::No),
            ("FRA", VoteChoice::Abstain),
            ("CHN", VoteChoice::NonVoting),
            ("NAM", VoteChoice::Absent),
            ("YUG", VoteChoice::NotMember),
        ];
        let packed = pack_ballot(votes);
        assert_eq!(packed, "EGYY,USAN,FRAA,CHNV,NAMX,YUGM");
        assert_eq!(unpack_ballot(&packed).collect::<Vec<_>>(), votes);
        assert_eq!(unpack_ballot("").count(), 0);
        assert_eq!(
            unpack_ballot("Y,EGYQ,,USAN").collect::<Vec<_>>(),
            [("USA", VoteChoice::No)]
        );
    }

    #[test]
    fn the_builder_reads_ballots_and_rows_alike() {
        let info = |id: &str| RollCallInfo {
            body: Body::Hrc,
            source_id: id.into(),
            symbol: None,
            date: "2024-01-01".into(),
            day_known: true,
            session: None,
            title: String::new(),
        };
        let mut rows = VoteTableBuilder::new();
        let mut ballots = VoteTableBuilder::new();
        for (id, b) in [(1, "a"), (2, "b")] {
            rows.roll_call(id, info(b));
            ballots.roll_call(id, info(b));
        }
        rows.vote(1, "USA", "no");
        rows.vote(1, "EGY", "yes");
        rows.vote(2, "EGY", "abstain");
        ballots.ballot(1, "USAN,EGYY");
        ballots.ballot(2, "EGYA");
        let table = ballots.finish();
        assert_eq!(rows.finish(), table);
        // USA has no vote on the second roll call: the record lists only the first, where the
        // matrix alone would read an absence.
        assert_eq!(table.state_record("USA"), [0]);
        assert_eq!(table.state_record("EGY"), [1, 0]);
        let usa = table.matrix.state_index("USA").unwrap();
        assert_eq!(table.vote(usa, 0), Some(VoteChoice::No));
        assert_eq!(table.vote(usa, 1), None);
        assert!(table.state_record("FRA").is_empty());
    }

    #[test]
    fn a_stamp_scoped_to_one_body_ignores_the_other() {
        let before = VotesStamp { hrc: 3, unga: 7 };
        let after_unga_import = VotesStamp { hrc: 3, unga: 8 };
        assert_eq!(
            before.scoped(Some(Body::Hrc)),
            after_unga_import.scoped(Some(Body::Hrc))
        );
        assert_ne!(
            before.scoped(Some(Body::Unga)),
            after_unga_import.scoped(Some(Body::Unga))
        );
        assert_ne!(before.scoped(None), after_unga_import.scoped(None));
        assert_eq!(after_unga_import.generation(Body::Unga), 8);
    }
}
