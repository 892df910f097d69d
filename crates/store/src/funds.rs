//! The assistance funds as stored: donors, requests for assistance with every step they took,
//! and each fund's double-entry ledger. The rules (what a request must contain, which role takes
//! which step from which stage, what an entry's lines are, what a balanced ledger is) are
//! `taawun-funds`'s; the store applies them inside the transaction that writes, so that what it
//! checked is what it wrote.

use async_trait::async_trait;
use chrono::NaiveDate;
use serde::Serialize;
pub use taawun_funds::ledger::{Account, Balances, Entry, EntryKind, LedgerError, Line, Original};
pub use taawun_funds::request::{Publication, RequestDraft};
pub use taawun_funds::workflow::{Event, Position, Refusal, Role, Stage, Step};
pub use taawun_funds::{Fund, Money};

use crate::{ChangeContext, StoreError};

/// A request with where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequestRecord {
    pub id: i64,
    pub fund: String,
    /// ISO3 of the State asking.
    pub state: String,
    pub draft: RequestDraft,
    pub position: Position,
    /// Rises with every change; a change must name the version it was made from.
    pub version: i64,
    /// Made by `taawun demo funds`.
    pub demonstration: bool,
    pub created_at: i64,
    pub updated_at: i64,
    /// When it was first submitted (Unix seconds); `None` for a draft.
    pub submitted_at: Option<i64>,
    /// In the fund's minor units, from its ledger.
    pub approved_minor: i64,
    pub disbursed_minor: i64,
}

/// One step a request took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub id: i64,
    pub request_id: i64,
    /// Unix seconds.
    pub at: i64,
    #[serde(skip)]
    pub actor_user_id: Option<i64>,
    /// The name shown for whoever took it.
    pub actor: String,
    pub role: Role,
    pub step: Step,
    pub from: Stage,
    pub to: Stage,
    pub reason: String,
    pub conditions: String,
    /// An approval's or a disbursement's amount, in the fund's minor units.
    pub amount_minor: Option<i64>,
}

impl EventRecord {
    /// The workflow's view of it (for timeliness).
    pub fn event(&self) -> Event {
        Event {
            at: chrono::DateTime::from_timestamp(self.at, 0).unwrap_or_default(),
            actor: self.actor.clone(),
            role: self.role,
            step: self.step,
            from: self.from,
            to: self.to,
            reason: self.reason.clone(),
        }
    }
}

/// A request as the public register lists it: what is always public, and the purpose when the
/// State published it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterRow {
    pub id: i64,
    pub fund: String,
    pub state: String,
    pub request_type: taawun_funds::RequestType,
    pub crisis: Option<taawun_funds::CrisisKind>,
    pub stage: Stage,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// ISO 4217 of the amount requested (`None` while the budget is empty).
    pub currency: Option<String>,
    pub requested_minor: Option<i64>,
    /// In the fund's currency.
    pub approved_minor: i64,
    pub disbursed_minor: i64,
    pub demonstration: bool,
    /// Only when the State published it.
    pub purpose: Option<String>,
}

/// Which requests a register page lists. Drafts are never in the register.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RegisterFilter {
    pub fund: Option<String>,
    pub state: Option<String>,
    pub stage: Option<Stage>,
    /// The year it was submitted.
    pub year: Option<i32>,
}

/// A submitted request's steps, for the timeliness figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub request_id: i64,
    pub state: String,
    /// The year it was submitted.
    pub year: i32,
    pub stage: Stage,
    pub events: Vec<EventRecord>,
}

/// A step to take, as someone asked for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepInput {
    pub step: Step,
    pub role: Role,
    pub reason: String,
    pub conditions: String,
    /// The amount approved (with an approval) or paid out (with a disbursement), in the fund's
    /// currency.
    pub amount: Option<Money>,
    /// The name shown for whoever takes it.
    pub actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DonorKind {
    State,
    Organisation,
    Private,
}

impl DonorKind {
    pub const ALL: [DonorKind; 3] = [
        DonorKind::State,
        DonorKind::Organisation,
        DonorKind::Private,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            DonorKind::State => "state",
            DonorKind::Organisation => "organisation",
            DonorKind::Private => "private",
        }
    }

    pub fn parse(slug: &str) -> Option<DonorKind> {
        Self::ALL.into_iter().find(|k| k.slug() == slug.trim())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Donor {
    pub id: i64,
    pub name: String,
    pub kind: DonorKind,
    /// ISO3, for a State.
    pub state: Option<String>,
    /// Outside the traditional donor base (resolution 56/2 asks to broaden it towards these).
    pub non_traditional: bool,
    pub demonstration: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDonor {
    pub name: String,
    pub kind: DonorKind,
    pub state: Option<String>,
    pub non_traditional: bool,
}

/// An entry the secretariat makes in a fund's ledger. Approvals and disbursements are made by
/// the request's workflow steps, not here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewEntry {
    Pledge {
        donor: i64,
        amount: Money,
    },
    /// A payment received, in the fund's currency; `original` when paid in another.
    Contribution {
        donor: i64,
        amount: Money,
        original: Option<Original>,
    },
    ProgrammeSupport {
        amount: Money,
    },
    /// Cancels an earlier entry.
    Reversal {
        entry: i64,
    },
}

/// An entry as stored, with whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryRecord {
    pub fund: String,
    #[serde(flatten)]
    pub entry: Entry,
    pub donor_id: Option<i64>,
    pub request_id: Option<i64>,
    pub demonstration: bool,
    pub created_at: i64,
}

/// A fund's ledger summed for its charts: reversed entries and their reversals left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerSummary {
    /// Contributions received: (year, donor, amount in the fund's minor units).
    pub income: Vec<(i32, i64, i64)>,
    /// Paid out to requests: (State, amount), largest first.
    pub paid_by_state: Vec<(String, i64)>,
    /// Some entry is demonstration data.
    pub demonstration: bool,
}

/// A whole demonstration set, written in one transaction (see `taawun demo funds`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoSet {
    pub donors: Vec<NewDonor>,
    pub requests: Vec<DemoRequest>,
    /// Entries in order; their donors and requests are indexes into the lists above, and a
    /// reversal's target an index into this list.
    pub entries: Vec<DemoEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoRequest {
    pub fund: String,
    pub state: String,
    pub draft: RequestDraft,
    pub position: Position,
    pub created_at: i64,
    pub submitted_at: Option<i64>,
    /// Its steps, oldest first (`request_id` and `id` are ignored).
    pub events: Vec<EventRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoEntry {
    pub fund: String,
    pub date: NaiveDate,
    pub kind: EntryKind,
    /// With donor and request accounts' ids as indexes into the set's lists.
    pub lines: Vec<Line>,
    pub memo: String,
    pub donor: Option<usize>,
    pub request: Option<usize>,
    pub original: Option<Original>,
    pub earmark: Option<String>,
    pub reverses: Option<usize>,
}

/// What a demonstration set wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    pub donors: usize,
    pub requests: usize,
    pub events: usize,
    pub entries: usize,
}

/// Why a funds write did not happen. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum FundError {
    #[error("not found: {0}")]
    NotFound(String),
    /// The request changed since the version the change was made from: here it is now.
    #[error("the request was changed by someone else in the meantime (now version {}): reload it and try again", .0.version)]
    Conflict(Box<RequestRecord>),
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// What the request lacks before it can be submitted.
    #[error("the request is not complete: {}", .0.join("; "))]
    Incomplete(Vec<String>),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The funds part of a store.
#[async_trait]
pub trait FundStore: Send + Sync {
    /// A new draft of `state`'s request to `fund`.
    async fn create_request(
        &self,
        context: &ChangeContext,
        fund: &Fund,
        state: &str,
        draft: &RequestDraft,
        by: Option<i64>,
    ) -> Result<RequestRecord, FundError>;

    /// Changes a draft (or a request whose State was asked for more information), made from
    /// `expected_version`.
    async fn update_request(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        draft: &RequestDraft,
        by: Option<i64>,
    ) -> Result<RequestRecord, FundError>;

    async fn get_request(&self, id: i64) -> Result<Option<RequestRecord>, StoreError>;

    /// The request's steps, oldest first.
    async fn request_events(&self, id: i64) -> Result<Vec<EventRecord>, StoreError>;

    /// Takes a step of the workflow from `expected_version`: the step is checked against the
    /// stage and the role, a submission against what the fund requires, an approval's amount
    /// against what the fund has available and a disbursement's against what is owed; the
    /// event, its ledger entry and the audit entry are written in one transaction.
    async fn take_step(
        &self,
        context: &ChangeContext,
        fund: &Fund,
        id: i64,
        expected_version: i64,
        input: &StepInput,
        by: Option<i64>,
    ) -> Result<RequestRecord, FundError>;

    /// The public register: submitted requests, newest first.
    async fn register(
        &self,
        filter: &RegisterFilter,
        paging: crate::Paging,
    ) -> Result<crate::Page<RegisterRow>, StoreError>;

    /// Every request of `state`, drafts included (for its focal points), newest first.
    async fn requests_of_state(&self, state: &str) -> Result<Vec<RegisterRow>, StoreError>;

    /// Every submitted request of `fund` with its steps (for the timeliness figures).
    async fn timelines(&self, fund: &str) -> Result<Vec<Timeline>, StoreError>;

    /// How many requests are not demonstration data.
    async fn real_request_count(&self) -> Result<i64, StoreError>;

    /// Raised by every funds write: caches of figures compare it.
    async fn generation(&self) -> Result<i64, StoreError>;

    async fn add_donor(
        &self,
        context: &ChangeContext,
        donor: &NewDonor,
    ) -> Result<Donor, FundError>;

    async fn donors(&self) -> Result<Vec<Donor>, StoreError>;

    /// Makes an entry in `fund`'s ledger, its lines computed from the balances as they are in
    /// the transaction.
    #[allow(clippy::too_many_arguments)]
    async fn record_entry(
        &self,
        context: &ChangeContext,
        fund: &Fund,
        date: NaiveDate,
        entry: &NewEntry,
        memo: &str,
        earmark: Option<&str>,
        by: Option<i64>,
    ) -> Result<EntryRecord, FundError>;

    /// The fund's entries, in the order they were made.
    async fn entries(&self, fund: &str) -> Result<Vec<EntryRecord>, StoreError>;

    /// One page of the fund's entries, newest first.
    async fn entries_page(
        &self,
        fund: &str,
        paging: crate::Paging,
    ) -> Result<crate::Page<EntryRecord>, StoreError>;

    /// Every balance of the fund, summed from its entries' lines.
    async fn balances(&self, fund: &str) -> Result<Balances, StoreError>;

    /// Income by year and donor, payments by State: sums in the database.
    async fn ledger_summary(&self, fund: &str) -> Result<LedgerSummary, StoreError>;

    /// Ids of the fund's entries that have no audit entry.
    async fn entries_without_audit(&self, fund: &str) -> Result<Vec<i64>, StoreError>;

    /// Writes a demonstration set; refused when the database holds requests that are not
    /// demonstration data.
    async fn insert_demonstration(
        &self,
        context: &ChangeContext,
        set: &DemoSet,
    ) -> Result<DemoReport, FundError>;
}
