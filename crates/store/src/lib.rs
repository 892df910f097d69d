//! What the platform needs from a database, as one trait with two implementations
//! (`taawun-store-sqlite`, embedded and the default; `taawun-store-postgres`, for deployments
//! that outgrow one machine). Types here are plain data; no SQL and no HTTP.

pub mod accounts;
pub mod cooperation;
pub mod council;
pub mod funds;
pub mod plans;
pub mod practices;
pub mod resolutions;
pub mod states;
pub mod upr;
mod vocabulary;
pub mod votes;

pub use accounts::{
    AccountError, AccountStore, ApiTokenRecord, AuditFilter, Credentials, InvitationRecord,
    LinkState, NewInvitation, NewMessage, NewOrganisation, NewUser, OrganisationFilter,
    OrganisationNames, OrganisationRecord, OutboxMessage, SessionRecord, SignInFailures,
    UserFilter, UserRecord,
};
pub use cooperation::{CooperationError, CooperationStore};
pub use council::{CouncilError, CouncilStore};
pub use funds::{FundError, FundStore};
pub use plans::{PlanError, PlanStore};
pub use practices::{PracticeError, PracticeStore};
pub use resolutions::{
    ImportOutcome, MandateFilter, MandateRecord, NewResolutionVersion, RecordContent,
    ResolutionFilter, ResolutionSort, ResolutionSummary, StoredResolution, SummaryColumns,
    VersionInfo, slug_of,
};
pub use states::{
    NamesRecord, StateFilter, StateRecord, StateSort, state_records_from_builtin, table_fingerprint,
};
pub use upr::UprStore;
pub use votes::{
    RollCallInfo, RollCallVotes, StateVote, StateVoteRecord, VOTE_BATCH, VoteFilter,
    VoteImportReport, VoteTable, VoteTableBuilder, VotesStamp, pack_ballot, unpack_ballot,
};

use async_trait::async_trait;
use serde::Serialize;
pub use taawun_audit::{Actor, Change, ChangeContext};

/// What a store error keeps of its cause: the driver's own error, for whoever needs more than
/// the message (a log's error chain, a test that looks at the constraint's name).
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Errors from a store. The message says what failed; `source()` gives the driver's error.
/// The variants tell apart what a caller does next: an outage (`Unreachable`, `Database`), a
/// wait that ran out (`Busy`: try again), and a write the schema refused (`Constraint`: the
/// request conflicts with the records; trying again will not help).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot reach the database: {message}")]
    Unreachable {
        message: String,
        #[source]
        cause: Option<Cause>,
    },
    #[error("the database schema is not migrated: {0}")]
    NotMigrated(String),
    /// A unique key, a reference, a NOT NULL or a CHECK refused the write; nothing was written.
    #[error("the database refused the write: {message}")]
    Constraint {
        message: String,
        #[source]
        cause: Option<Cause>,
    },
    #[error("database error: {message}")]
    Database {
        message: String,
        #[source]
        cause: Option<Cause>,
    },
    /// Another process holds the database's write lock (on SQLite, an import) for longer than a
    /// write waits, or PostgreSQL gave up on a lock or a serialisation: the write did not
    /// happen, and can be tried again in a few seconds.
    #[error("the database is busy with another write: {message}")]
    Busy {
        message: String,
        #[source]
        cause: Option<Cause>,
    },
}

impl StoreError {
    /// A failure found by the store's own code (a stored value it cannot read back), with no
    /// driver error behind it.
    pub fn database(message: impl Into<String>) -> Self {
        StoreError::Database {
            message: message.into(),
            cause: None,
        }
    }

    /// A failure with the error behind it (a migration, a stored value that does not parse).
    pub fn database_from(message: impl Into<String>, cause: impl Into<Cause>) -> Self {
        StoreError::Database {
            message: message.into(),
            cause: Some(cause.into()),
        }
    }

    /// The database could not be reached or opened.
    pub fn unreachable(message: impl Into<String>, cause: impl Into<Cause>) -> Self {
        StoreError::Unreachable {
            message: message.into(),
            cause: Some(cause.into()),
        }
    }

    /// Whether trying the same request again in a few seconds may work.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy { .. })
    }

    /// Whether the schema refused the write (the records conflict with it), as opposed to an
    /// outage.
    pub fn is_constraint(&self) -> bool {
        matches!(self, StoreError::Constraint { .. })
    }
}

/// A failure shared by several waiting callers (a cache's loader) handed to one of them: the
/// same kind, the same message, the shared error as its cause.
impl From<std::sync::Arc<StoreError>> for StoreError {
    fn from(shared: std::sync::Arc<StoreError>) -> Self {
        let cause: Option<Cause> = Some(Box::new(shared.clone()));
        match &*shared {
            StoreError::Unreachable { message, .. } => StoreError::Unreachable {
                message: message.clone(),
                cause,
            },
            StoreError::NotMigrated(message) => StoreError::NotMigrated(message.clone()),
            StoreError::Constraint { message, .. } => StoreError::Constraint {
                message: message.clone(),
                cause,
            },
            StoreError::Database { message, .. } => StoreError::Database {
                message: message.clone(),
                cause,
            },
            StoreError::Busy { message, .. } => StoreError::Busy {
                message: message.clone(),
                cause,
            },
        }
    }
}

/// Which engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What `/readyz` reports.
#[derive(Clone, Debug, Serialize)]
pub struct Readiness {
    pub backend: Backend,
    /// Migrations the binary knows and the database has applied.
    pub migrations_applied: usize,
    pub migrations_known: usize,
}

impl Readiness {
    pub fn is_ready(&self) -> bool {
        self.migrations_applied == self.migrations_known
    }
}

/// One page of a listing.
#[derive(Clone, Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many records match the filter, over all pages.
    pub total: u64,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u32 {
        if self.total == 0 {
            1
        } else {
            self.total.div_ceil(u64::from(self.per_page)) as u32
        }
    }
}

/// Paging parameters, already validated: `page` ≥ 1, `per_page` in 1..=MAX_PER_PAGE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    pub const MAX_PER_PAGE: u32 = 500;
    pub const DEFAULT_PER_PAGE: u32 = 50;

    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            page: 1,
            per_page: Self::DEFAULT_PER_PAGE,
        }
    }
}

/// What happened when reference data was brought in line with the built-in table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// False when the database already held this version of the table and nothing was written.
    pub changed: bool,
    pub states: usize,
}

/// The storage interface. Every method is one transaction.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    fn backend(&self) -> Backend;

    /// Accounts, sessions, organisations, the outbox and the audit trail.
    fn accounts(&self) -> &dyn AccountStore;

    /// The Universal Periodic Review: recommendations, responses, pledges.
    fn upr(&self) -> &dyn upr::UprStore;

    /// States' implementation plans for their UPR recommendations.
    fn plans(&self) -> &dyn plans::PlanStore;

    /// The assistance funds: donors, requests and their workflow, the ledgers.
    fn funds(&self) -> &dyn funds::FundStore;

    /// The Council's calendar as amended, and the outputs of mandates.
    fn council(&self) -> &dyn council::CouncilStore;

    /// The best-practice compendium.
    fn practices(&self) -> &dyn practices::PracticeStore;

    /// The regional seminars, the calls for inputs and the mandates' summary reports.
    fn cooperation(&self) -> &dyn cooperation::CooperationStore;

    /// Applies the migrations the database lacks.
    async fn migrate(&self) -> Result<(), StoreError>;

    /// Whether the database answers and has every migration applied.
    async fn readiness(&self) -> Result<Readiness, StoreError>;

    /// Writes the built-in States into the database when the stored copy is from another
    /// version of the table (compared by `fingerprint`); otherwise writes nothing.
    async fn sync_states(
        &self,
        context: &ChangeContext,
        states: &[StateRecord],
        fingerprint: &str,
    ) -> Result<SyncReport, StoreError>;

    async fn list_states(
        &self,
        filter: &StateFilter,
        paging: Paging,
    ) -> Result<Page<StateRecord>, StoreError>;

    /// The State with this ISO3 code (upper case).
    async fn get_state(&self, iso3: &str) -> Result<Option<StateRecord>, StoreError>;

    /// How many States each regional group has, members only, in `RegionalGroup::ALL` order.
    async fn count_members_by_group(&self) -> Result<Vec<(String, u64)>, StoreError>;

    /// Stores a resolution text in one transaction: a new symbol, a new version of a known
    /// symbol (references and mandates follow the newest version; mandates keep their status),
    /// or nothing at all when this exact text is already stored.
    async fn import_resolution(
        &self,
        context: &ChangeContext,
        version: &NewResolutionVersion,
    ) -> Result<ImportOutcome, StoreError>;

    async fn count_resolutions(&self) -> Result<u64, StoreError>;

    /// Every record of the registry for one body, in no particular order: what listings filter, sort and page in
    /// memory, read once per [`VotesStamp`] of the body.
    async fn registry_records(
        &self,
        body: taawun_votes::Body,
    ) -> Result<Vec<ResolutionSummary>, StoreError>;

    /// The registry's records: resolutions held as text and symbols known only from the
    /// voting records (one line per symbol).
    async fn list_resolutions(
        &self,
        filter: &ResolutionFilter,
        paging: Paging,
    ) -> Result<Page<ResolutionSummary>, StoreError>;

    /// The resolution with this normalised symbol, current version and history.
    async fn get_resolution(&self, symbol: &str) -> Result<Option<StoredResolution>, StoreError>;

    /// Resolutions whose current version cites `symbol`.
    async fn cited_by(&self, symbol: &str) -> Result<Vec<ResolutionSummary>, StoreError>;

    /// Which of these symbols the registry holds, as text or as voting records.
    async fn known_symbols(&self, symbols: &[String]) -> Result<Vec<String>, StoreError>;

    async fn list_mandates(
        &self,
        filter: &MandateFilter,
        paging: Paging,
    ) -> Result<Page<MandateRecord>, StoreError>;

    /// Stores a voting dataset in one transaction: roll calls new to the database with all their
    /// votes; roll calls already stored (same body and source id) are left alone, so a second
    /// run adds nothing. `progress` is told how many votes are written so far.
    async fn import_votes(
        &self,
        context: &ChangeContext,
        dataset: &taawun_votes::Dataset,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<VoteImportReport, StoreError>;

    /// The roll calls recorded for a symbol (usually one), with every State's vote.
    async fn votes_for_symbol(&self, symbol: &str) -> Result<Vec<RollCallVotes>, StoreError>;

    /// Every vote under the filter, as a matrix (for agreement, majority and cohesion).
    async fn vote_table(&self, filter: &VoteFilter) -> Result<VoteTable, StoreError>;

    /// The source's own description of each roll call of a body that has one, by the roll
    /// call's source id (for the search index; the matrix does not carry them).
    async fn roll_call_descriptions(&self, body: &str)
    -> Result<Vec<(String, String)>, StoreError>;

    /// Each body's generation: it changes whenever an import changes the body's roll calls or
    /// resolution texts (one indexed read of two rows).
    async fn votes_stamp(&self) -> Result<VotesStamp, StoreError>;

    /// The issue tags of the voting records, with the number of roll calls of each, most
    /// frequent first.
    async fn vote_issues(&self) -> Result<Vec<(String, u64)>, StoreError>;
}

/// Puts per-group counts in `RegionalGroup::ALL` order, with zero for groups the rows lack.
pub fn order_by_group(rows: Vec<(String, i64)>) -> Vec<(String, u64)> {
    taawun_states::RegionalGroup::ALL
        .iter()
        .map(|g| {
            let n = rows
                .iter()
                .find(|(slug, _)| slug == g.slug())
                .map_or(0, |(_, n)| *n);
            (g.slug().to_owned(), n.max(0) as u64)
        })
        .collect()
}

/// The audit entry of a resolution import: which version of which text, from which file (the
/// texts themselves are kept as versions; the log names them by their hash).
pub fn resolution_change(new: &NewResolutionVersion, version: u32) -> Change {
    let action = if version == 1 {
        "create"
    } else {
        "new-version"
    };
    let after = serde_json::json!({
        "version": version,
        "content_hash": new.content_hash,
        "source": new.source,
        "title": new.record.title,
        "language": new.record.language,
    });
    let mut change = Change::new(action, "resolution", new.record.symbol.clone()).after(&after);
    if version > 1 {
        change = change.before(&serde_json::json!({ "version": version - 1 }));
    }
    change
}

/// The audit entry of a voting-records import: how many roll calls and votes, and which.
pub fn votes_change(
    body: &str,
    new_roll_calls: &[&taawun_votes::RollCall],
    report: &VoteImportReport,
) -> Change {
    let after = serde_json::json!({
        "roll_calls_created": report.roll_calls_created,
        "roll_calls_completed": report.roll_calls_completed,
        "votes_written": report.votes_written,
        "first_source_id": new_roll_calls.first().map(|r| r.id.as_str()),
        "last_source_id": new_roll_calls.last().map(|r| r.id.as_str()),
    });
    Change::new("import", "voting-records", body).after(&after)
}

/// The issues to add to roll calls already stored without any (imported before the issues file
/// was at hand): `(source id, issues as a JSON array)`. Issues already stored are never changed.
pub fn issues_to_complete<'a>(
    dataset: &'a taawun_votes::Dataset,
    stored_without_issues: &std::collections::HashSet<String>,
) -> Vec<(&'a str, String)> {
    dataset
        .roll_calls
        .iter()
        .filter(|r| !r.issues.is_empty() && stored_without_issues.contains(&r.id))
        .map(|r| {
            (
                r.id.as_str(),
                serde_json::to_string(&r.issues).unwrap_or_else(|_| "[]".into()),
            )
        })
        .collect()
}

/// The audit entry of the built-in States written into the database.
pub fn states_change(count: usize, fingerprint: &str) -> Change {
    Change::new("sync", "reference-data", "states")
        .after(&serde_json::json!({ "states": count, "fingerprint": fingerprint }))
}
