//! The best-practice compendium as stored: each practice whole (content, published versions,
//! steps) with the columns its lists filter on. The workflow is `taawun-cooperation`'s; the
//! store applies it inside the transaction that writes, so that what it checked is what it wrote.

use async_trait::async_trait;
use serde::Serialize;
pub use taawun_cooperation::moderation::{Event, PracticeRecord, Refusal, Stage, Step};
pub use taawun_cooperation::{Practice, PracticeNumber, Role};

use crate::{ChangeContext, StoreError};

/// A practice with who submitted it and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeRow {
    pub record: PracticeRecord,
    #[serde(skip)]
    pub submitter_user_id: Option<i64>,
    /// The name shown for the submitter.
    pub submitter: String,
    /// Rises with every step; a step must name the revision it was taken from.
    pub revision: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// Made by `taawun demo practices`.
    pub demonstration: bool,
}

/// A step as the web layer asks the store to take it.
#[derive(Clone, Debug)]
pub struct PracticeStep<'a> {
    pub step: Step,
    pub role: Role,
    pub reason: &'a str,
    /// The new content of an edit.
    pub content: Option<&'a Practice>,
    /// The revision the step was taken from.
    pub revision: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    #[error("not found: {0}")]
    NotFound(String),
    /// The practice changed since the revision the step was taken from: here it is now.
    #[error("the practice was changed by someone else in the meantime (now revision {}): reload it and try again", .0.revision)]
    Conflict(Box<PracticeRow>),
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The compendium part of a store.
#[async_trait]
pub trait PracticeStore: Send + Sync {
    /// A new draft by `submitter_user_id`.
    async fn create_practice(
        &self,
        context: &ChangeContext,
        submitter_user_id: i64,
        submitter: &str,
        content: &Practice,
    ) -> Result<PracticeRow, PracticeError>;

    async fn practice(&self, id: i64) -> Result<Option<PracticeRow>, StoreError>;

    /// A published practice by its number (`P-2026-0042`), its stable address.
    async fn practice_by_number(&self, number: &str) -> Result<Option<PracticeRow>, StoreError>;

    /// Takes a workflow step (an edit when `content` is given); the first publication gives the
    /// practice the year's next number. A stale revision is refused with the practice as it is.
    async fn step_practice(
        &self,
        context: &ChangeContext,
        id: i64,
        step: &PracticeStep<'_>,
    ) -> Result<PracticeRow, PracticeError>;

    /// Every published practice, newest publication first.
    async fn published_practices(&self) -> Result<Vec<PracticeRow>, StoreError>;

    /// One submitter's practices, at any stage, newest change first.
    async fn practices_of(&self, submitter_user_id: i64) -> Result<Vec<PracticeRow>, StoreError>;

    /// Practices at a stage (the secretariat's queue: `submitted`), oldest change first.
    async fn practices_at(&self, stage: Stage) -> Result<Vec<PracticeRow>, StoreError>;

    /// Writes a demonstration compendium (records already taken through the workflow) in one
    /// transaction, every practice marked as demonstration data; refused unless the compendium is
    /// empty. Returns how many were written.
    async fn insert_demonstration(
        &self,
        context: &ChangeContext,
        practices: &[PracticeRecord],
    ) -> Result<usize, PracticeError>;

    /// Rises with every write to the compendium.
    async fn practices_generation(&self) -> Result<i64, StoreError>;
}
