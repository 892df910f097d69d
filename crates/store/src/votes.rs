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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoteFilter {
    /// `hrc` or `unga`.
    pub body: Option<String>,
    /// ISO 8601 dates, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
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
