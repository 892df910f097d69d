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
    pub votes_written: usize,
    /// Roll calls whose symbol names a resolution the registry holds as text.
    pub linked_to_registry: usize,
}

/// A roll call and its votes, for one symbol.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollCallVotes {
    /// `hrc` or `unga`.
    pub body: String,
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
    /// `hrc` or `unga`.
    pub body: Option<String>,
    /// ISO 8601 dates, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The body's session.
    pub session: Option<u32>,
    /// An issue tag of the voting records (UNGA's six: "Human rights", "Colonialism"…).
    pub issue: Option<String>,
}

/// A roll call as the analytics list it beside the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollCallInfo {
    pub body: String,
    pub source_id: String,
    pub symbol: Option<String>,
    /// ISO 8601.
    pub date: String,
    pub session: Option<u32>,
    pub title: String,
}

/// Every vote under a filter, as the analytics want it: a States × roll calls matrix, and the
/// roll calls in the matrix's column order.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteTable {
    pub matrix: taawun_votes::VoteMatrix,
    pub roll_calls: Vec<RollCallInfo>,
}

/// Identifies the voting records' content: it changes whenever an import adds roll calls, so
/// analytics cached under an older stamp are stale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VotesStamp {
    pub roll_calls: i64,
    pub last_id: i64,
}

/// One line of a State's voting record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateVoteRecord {
    pub body: String,
    pub source_id: String,
    pub symbol: Option<String>,
    /// ISO 8601.
    pub date: String,
    pub title: String,
    /// `yes`, `no`, `abstain`, `non-voting`, `absent`, `not-member`.
    pub choice: String,
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
            .map(|r| format!("{}:{}", r.body, r.source_id))
            .collect();
        let mut matrix =
            taawun_votes::VoteMatrix::new(ids, states.into_iter().map(|(s, _)| s).collect());
        for (column, row, choice) in self.cells {
            matrix.set(rank[usize::from(row)], column as usize, choice);
        }
        VoteTable {
            matrix,
            roll_calls: self.roll_calls,
        }
    }
}
