//! The regional seminars, the calls for inputs and the summary reports of a mandate, as stored.
//! The rules (who may register and until when, what an input needs, late submissions marked,
//! what a report draws on) are `taawun-cooperation`'s; the store applies them inside the
//! transaction that writes, so that what was checked is what was written.
//!
//! A seminar and a call belong to a mandate (its key, as the council store keys it); a mandate
//! has at most one summary report, kept as its versions: drafts the secretariat generated or
//! edited, then the published text. Every version is kept whole (both languages' documents, as
//! JSON the web layer reads), so the published text is the one that was published, whatever the
//! data says later.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
pub use taawun_cooperation::consultation::{Call, Submission, SubmissionDraft, SubmissionRefusal};
pub use taawun_cooperation::seminar::{
    AgendaNotes, DecisionRefusal, Input, InputDraft, InputRefusal, NoteRefusal, Registration,
    RegistrationDraft, RegistrationRefusal, RegistrationStatus, Seminar,
};
pub use taawun_cooperation::{FieldError, Role};

use crate::council::MandateKey;
use crate::{ChangeContext, StoreError};

/// A seminar and the mandate it serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeminarRow {
    #[serde(flatten)]
    pub seminar: Seminar,
    pub mandate: MandateKey,
    /// Unix seconds.
    pub created_at: i64,
}

/// A registration and the account that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegistrationRow {
    #[serde(flatten)]
    pub registration: Registration,
    #[serde(skip)]
    pub user_id: Option<i64>,
}

/// A call for inputs and the mandate it serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CallRow {
    #[serde(flatten)]
    pub call: Call,
    pub mandate: MandateKey,
    /// Unix seconds.
    pub created_at: i64,
}

/// A submission and the account that sent it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubmissionRow {
    #[serde(flatten)]
    pub submission: Submission,
    #[serde(skip)]
    pub user_id: Option<i64>,
}

/// Where a version of a summary report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportStage {
    Draft,
    Published,
}

impl ReportStage {
    pub fn slug(self) -> &'static str {
        match self {
            ReportStage::Draft => "draft",
            ReportStage::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<ReportStage> {
        match text {
            "draft" => Some(ReportStage::Draft),
            "published" => Some(ReportStage::Published),
            _ => None,
        }
    }
}

/// What made a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportChange {
    /// Drawn up from the data.
    Generated,
    /// The secretariat's edit of the text.
    Edited,
    /// The latest draft, published.
    Published,
}

impl ReportChange {
    pub fn slug(self) -> &'static str {
        match self {
            ReportChange::Generated => "generated",
            ReportChange::Edited => "edited",
            ReportChange::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<ReportChange> {
        match text {
            "generated" => Some(ReportChange::Generated),
            "edited" => Some(ReportChange::Edited),
            "published" => Some(ReportChange::Published),
            _ => None,
        }
    }
}

/// One version of a summary report: the masthead and both languages' documents as JSON (the
/// store keeps them whole; the web layer reads them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportVersion {
    /// From 1.
    pub number: u32,
    pub stage: ReportStage,
    pub change: ReportChange,
    /// The document symbol the version bears (`A/HRC/63/21`).
    pub symbol: String,
    #[serde(skip)]
    pub masthead: String,
    #[serde(skip)]
    pub document_ar: String,
    #[serde(skip)]
    pub document_en: String,
    /// The name shown for whoever made it.
    pub author: String,
    /// What the secretariat said of the change.
    pub note: String,
    /// Unix seconds.
    pub at: i64,
}

/// A mandate's summary report with every version, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryReportRow {
    pub id: i64,
    pub mandate: MandateKey,
    /// Rises with every version; a new version must name the revision it was made from.
    pub revision: i64,
    pub versions: Vec<ReportVersion>,
}

impl SummaryReportRow {
    pub fn latest(&self) -> Option<&ReportVersion> {
        self.versions.last()
    }

    pub fn published(&self) -> Option<&ReportVersion> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.stage == ReportStage::Published)
    }

    pub fn version(&self, number: u32) -> Option<&ReportVersion> {
        self.versions.iter().find(|v| v.number == number)
    }
}

/// A new version as the web layer asks the store to keep it.
#[derive(Clone, Debug)]
pub struct NewReportVersion<'a> {
    pub change: ReportChange,
    pub symbol: &'a str,
    pub masthead: &'a str,
    pub document_ar: &'a str,
    pub document_en: &'a str,
    pub author: &'a str,
    pub note: &'a str,
    /// The day a published report is delivered (recorded as the mandate's output).
    pub delivered_on: chrono::NaiveDate,
    /// Where the published report is read on the platform (the output's link).
    pub link: &'a str,
}

/// Why a new version of a summary report was refused. Nothing is written when one is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportRefusal {
    #[error(
        "the summary report was published (version {0}); a published UN document is changed by a corrigendum, which is a new document, not by editing it"
    )]
    AlreadyPublished(u32),
    #[error("there is no draft to {0}: generate the report from the data first")]
    NoDraft(&'static str),
}

/// Whether `change` may follow `versions` (oldest first): a report starts generated; drafts are
/// generated again or edited; the latest draft is published; nothing follows publication.
pub fn check_report_change(
    versions: &[ReportVersion],
    change: ReportChange,
) -> Result<ReportStage, ReportRefusal> {
    if let Some(published) = versions.iter().find(|v| v.stage == ReportStage::Published) {
        return Err(ReportRefusal::AlreadyPublished(published.number));
    }
    match (versions.last(), change) {
        (_, ReportChange::Generated) => Ok(ReportStage::Draft),
        (None, ReportChange::Edited) => Err(ReportRefusal::NoDraft("edit")),
        (None, ReportChange::Published) => Err(ReportRefusal::NoDraft("publish")),
        (Some(_), ReportChange::Edited) => Ok(ReportStage::Draft),
        (Some(_), ReportChange::Published) => Ok(ReportStage::Published),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CooperationError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("{}", join(.0))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Registration(#[from] RegistrationRefusal),
    #[error(transparent)]
    Decision(#[from] DecisionRefusal),
    #[error(transparent)]
    Input(#[from] InputRefusal),
    #[error(transparent)]
    Note(#[from] NoteRefusal),
    #[error(transparent)]
    Submission(#[from] SubmissionRefusal),
    #[error(transparent)]
    Report(#[from] ReportRefusal),
    /// The report changed since the revision the change was made from: here it is now.
    #[error("the summary report was changed by someone else in the meantime (now revision {}): reload it and try again", .0.revision)]
    Conflict(Box<SummaryReportRow>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The seminars, calls for inputs and summary reports part of a store.
#[async_trait]
pub trait CooperationStore: Send + Sync {
    /// A new seminar of an existing mandate (`seminar.id` is ignored: the store gives one).
    async fn create_seminar(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        seminar: &Seminar,
    ) -> Result<SeminarRow, CooperationError>;

    async fn seminar(&self, id: i64) -> Result<Option<SeminarRow>, StoreError>;

    /// The seminars (of one mandate, or all), by start day.
    async fn seminars(&self, mandate: Option<&MandateKey>) -> Result<Vec<SeminarRow>, StoreError>;

    /// Registers the account `user_id` for a seminar at `at` (see
    /// [`taawun_cooperation::seminar::register`]); one registration per address and seminar.
    async fn register(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        user_id: i64,
        draft: &RegistrationDraft,
        at: DateTime<Utc>,
    ) -> Result<RegistrationRow, CooperationError>;

    /// The secretariat approves or declines a pending registration.
    async fn decide_registration(
        &self,
        context: &ChangeContext,
        registration_id: i64,
        decision: RegistrationStatus,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<RegistrationRow, CooperationError>;

    /// A seminar's registrations, in the order made.
    async fn registrations(&self, seminar_id: i64) -> Result<Vec<RegistrationRow>, StoreError>;

    /// An input by the account `user_id`, which must hold an approved registration for the
    /// seminar.
    async fn submit_input(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        user_id: i64,
        draft: &InputDraft,
        at: DateTime<Utc>,
    ) -> Result<Input, CooperationError>;

    /// A seminar's inputs, in the order given.
    async fn inputs(&self, seminar_id: i64) -> Result<Vec<Input>, StoreError>;

    /// Replaces the notes of an agenda item, keeping the earlier versions.
    #[allow(clippy::too_many_arguments)]
    async fn replace_notes(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        agenda_item: u32,
        role: Role,
        author: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<AgendaNotes, CooperationError>;

    /// A seminar's notes, by agenda item.
    async fn notes(&self, seminar_id: i64) -> Result<Vec<AgendaNotes>, StoreError>;

    /// A new call for inputs of an existing mandate (`call.id` is ignored).
    async fn create_call(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        call: &Call,
    ) -> Result<CallRow, CooperationError>;

    async fn call(&self, id: i64) -> Result<Option<CallRow>, StoreError>;

    /// The calls (of one mandate, or all), by deadline.
    async fn calls(&self, mandate: Option<&MandateKey>) -> Result<Vec<CallRow>, StoreError>;

    /// A submission to a call at `at`, late and so marked after the deadline's day.
    async fn submit(
        &self,
        context: &ChangeContext,
        call_id: i64,
        user_id: Option<i64>,
        draft: &SubmissionDraft,
        at: DateTime<Utc>,
    ) -> Result<SubmissionRow, CooperationError>;

    /// A call's submissions, in the order received.
    async fn submissions(&self, call_id: i64) -> Result<Vec<SubmissionRow>, StoreError>;

    /// The summary report of a mandate, if one was generated.
    async fn summary_report(
        &self,
        mandate: &MandateKey,
    ) -> Result<Option<SummaryReportRow>, StoreError>;

    /// Keeps a new version of a mandate's summary report, made from `expected_revision` (0 when
    /// there is no report yet); a stale revision is refused with the report as it is. Publishing
    /// also records the report as the mandate's delivered output (its symbol, day and link), in
    /// the same transaction.
    async fn save_summary_report(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        expected_revision: i64,
        version: &NewReportVersion<'_>,
    ) -> Result<SummaryReportRow, CooperationError>;

    /// Rises with every write to seminars, calls and reports.
    async fn cooperation_generation(&self) -> Result<i64, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(number: u32, stage: ReportStage) -> ReportVersion {
        ReportVersion {
            number,
            stage,
            change: ReportChange::Generated,
            symbol: "A/HRC/63/21".into(),
            masthead: String::new(),
            document_ar: String::new(),
            document_en: String::new(),
            author: "Secretariat".into(),
            note: String::new(),
            at: 0,
        }
    }

    #[test]
    fn a_report_starts_generated_and_ends_published() {
        assert_eq!(
            check_report_change(&[], ReportChange::Generated),
            Ok(ReportStage::Draft)
        );
        assert_eq!(
            check_report_change(&[], ReportChange::Edited),
            Err(ReportRefusal::NoDraft("edit"))
        );
        assert_eq!(
            check_report_change(&[], ReportChange::Published),
            Err(ReportRefusal::NoDraft("publish"))
        );
        let drafts = [version(1, ReportStage::Draft)];
        assert_eq!(
            check_report_change(&drafts, ReportChange::Edited),
            Ok(ReportStage::Draft)
        );
        assert_eq!(
            check_report_change(&drafts, ReportChange::Published),
            Ok(ReportStage::Published)
        );
        let published = [
            version(1, ReportStage::Draft),
            version(2, ReportStage::Published),
        ];
        for change in [
            ReportChange::Generated,
            ReportChange::Edited,
            ReportChange::Published,
        ] {
            assert_eq!(
                check_report_change(&published, change),
                Err(ReportRefusal::AlreadyPublished(2))
            );
        }
    }

    #[test]
    fn slugs_read_back() {
        for stage in [ReportStage::Draft, ReportStage::Published] {
            assert_eq!(ReportStage::parse(stage.slug()), Some(stage));
        }
        for change in [
            ReportChange::Generated,
            ReportChange::Edited,
            ReportChange::Published,
        ] {
            assert_eq!(ReportChange::parse(change.slug()), Some(change));
        }
    }
}
