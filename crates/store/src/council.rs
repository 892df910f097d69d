//! The Council's calendar as the secretariat amended it, and the outputs that mandates produced.
//! The rules (a consistent calendar, what a delivered output needs, what progress outputs give a
//! mandate) are `taawun-council`'s; the store applies them inside the transaction that writes.

use async_trait::async_trait;
use serde::Serialize;
pub use taawun_council::calendar::{Calendar, CalendarError, Session, SessionKind};
pub use taawun_council::mandates::{Output, OutputKind, OutputState, Progress, Status};

use crate::resolutions::MandateRecord;
use crate::{ChangeContext, StoreError};

/// A session as the secretariat amended it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SessionAmendment {
    pub session: Session,
    /// Why (the Council's decision or announcement that set the dates).
    pub reason: String,
    /// Unix seconds.
    pub amended_at: i64,
    /// The name shown for whoever amended it.
    pub amended_by: String,
}

/// Which mandate: a resolution's operative paragraph and the addressee it asks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MandateKey {
    pub symbol: String,
    pub paragraph: u32,
    /// `high-commissioner`, `secretary-general`, `states`, `the-body`, `un-system`, `other`.
    pub addressee: String,
}

/// An output as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutputRecord {
    pub id: i64,
    #[serde(skip)]
    pub mandate: MandateKey,
    #[serde(flatten)]
    pub output: Output,
    /// Rises with every change; a change must name the version it was made from.
    pub version: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
}

/// How many mandates due at a session, addressed to whom, stand where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TallyRow {
    pub due_session: Option<u32>,
    pub addressee: String,
    pub status: Status,
    pub count: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum CouncilError {
    #[error("not found: {0}")]
    NotFound(String),
    /// The output changed since the version the change was made from: here it is now.
    #[error("the output was changed by someone else in the meantime (now version {}): reload it and try again", .0.version)]
    Conflict(Box<OutputRecord>),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    #[error("invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The calendar and mandate-outputs part of a store.
#[async_trait]
pub trait CouncilStore: Send + Sync {
    /// Every amendment the secretariat made, by kind and number.
    async fn session_amendments(&self) -> Result<Vec<SessionAmendment>, StoreError>;

    /// The built-in calendar with the stored amendments laid over it.
    async fn calendar(&self) -> Result<Calendar, StoreError> {
        let amendments = self.session_amendments().await?;
        Calendar::amended(amendments.into_iter().map(|a| a.session)).map_err(|e| {
            StoreError::database(format!(
                "the stored session amendments do not make a calendar: {e}"
            ))
        })
    }

    /// Replaces a session's dates or adds a session; refused, with nothing written, when the
    /// calendar it would make is not consistent or no reason is given.
    async fn amend_session(
        &self,
        context: &ChangeContext,
        session: &Session,
        reason: &str,
        by: &str,
    ) -> Result<SessionAmendment, CouncilError>;

    /// One mandate, its status read with `last_closed` (the last regular session closed).
    async fn mandate(
        &self,
        key: &MandateKey,
        last_closed: Option<u32>,
    ) -> Result<Option<MandateRecord>, StoreError>;

    /// The outputs of these mandates, oldest first.
    async fn outputs(&self, keys: &[MandateKey]) -> Result<Vec<OutputRecord>, StoreError>;

    async fn output(&self, id: i64) -> Result<Option<OutputRecord>, StoreError>;

    /// Records an output of an existing mandate and sets the mandate's progress from its
    /// outputs, in one transaction.
    async fn add_output(
        &self,
        context: &ChangeContext,
        key: &MandateKey,
        output: &Output,
    ) -> Result<OutputRecord, CouncilError>;

    /// Changes an output made from `expected_version` (a stale version is refused with the
    /// output as it is now) and sets the mandate's progress again.
    async fn update_output(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        output: &Output,
    ) -> Result<OutputRecord, CouncilError>;

    /// Marks a mandate discontinued with the reason, or (`None`) takes that back, its progress
    /// then following its outputs again.
    async fn set_discontinued(
        &self,
        context: &ChangeContext,
        key: &MandateKey,
        reason: Option<&str>,
    ) -> Result<(), CouncilError>;

    /// Mandates counted by due session, addressee and status (late read with `last_closed`).
    async fn mandate_tally(&self, last_closed: Option<u32>) -> Result<Vec<TallyRow>, StoreError>;

    /// The outputs most recently recorded or changed, newest first (the feed).
    async fn recent_outputs(&self, limit: u32) -> Result<Vec<OutputRecord>, StoreError>;
}
