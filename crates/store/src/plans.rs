//! A State's implementation plan for its UPR recommendations, as stored: the plan of one review
//! cycle, its clusters and their recommendations, its actions with their indicators and
//! recommendation links, every status change with its evidence, and the daily reminders' runs.
//! The rules (statuses, what a valid action is, who is reminded) are `taawun-plans`'s.

use async_trait::async_trait;
use serde::Serialize;
pub use taawun_plans::{ActionInput, IndicatorInput, Status};

use crate::{ChangeContext, StoreError};

/// Whether a cluster was made from a theme of the recommendations or by the State.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ClusterKind {
    Theme,
    Own,
}

impl ClusterKind {
    pub fn slug(self) -> &'static str {
        match self {
            ClusterKind::Theme => "theme",
            ClusterKind::Own => "own",
        }
    }

    pub fn parse(slug: &str) -> Option<ClusterKind> {
        match slug {
            "theme" => Some(ClusterKind::Theme),
            "own" => Some(ClusterKind::Own),
            _ => None,
        }
    }
}

/// A plan with everything its page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanRecord {
    pub id: i64,
    /// ISO3 of the State.
    pub state: String,
    pub cycle: u8,
    pub published: bool,
    /// Unix seconds of the last publication.
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// In their order.
    pub clusters: Vec<ClusterRecord>,
    /// By cluster, then as created.
    pub actions: Vec<ActionRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClusterRecord {
    pub id: i64,
    pub name: String,
    pub kind: ClusterKind,
    pub position: i64,
    /// Ids of its recommendations.
    pub recommendations: Vec<i64>,
}

/// One action of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionRecord {
    pub id: i64,
    pub plan_id: i64,
    pub cluster_id: i64,
    pub title: String,
    pub lead_institution: String,
    pub partners: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
    pub due_date: Option<String>,
    pub indicators: Vec<IndicatorInput>,
    /// Hundredths of the currency's unit.
    pub budget_hundredths: Option<i64>,
    /// ISO 4217.
    pub budget_currency: Option<String>,
    pub status: Status,
    /// Rises with every change; a change must name the version it was made from.
    pub version: i64,
    /// The account reminded of it (not shown in the public API).
    #[serde(skip)]
    pub owner_user_id: Option<i64>,
    /// Ids of the recommendations it implements.
    pub recommendations: Vec<i64>,
    pub updated_at: i64,
    #[serde(skip)]
    pub updated_by: Option<i64>,
}

/// What an action is made of, as written by a form or the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFields {
    pub cluster_id: i64,
    pub input: ActionInput,
    pub owner_user_id: Option<i64>,
    pub recommendations: Vec<i64>,
}

/// An evidence file as stored (its bytes are in the data directory under `storage_key`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceRecord {
    pub id: i64,
    pub plan_id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    #[serde(skip)]
    pub storage_key: String,
    #[serde(skip)]
    pub uploaded_by: Option<i64>,
    pub uploaded_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvidence {
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub storage_key: String,
}

/// A status change to make, with its evidence (all optional).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStatusChange {
    pub to: Status,
    pub note: Option<String>,
    pub link: Option<String>,
    pub evidence: Option<NewEvidence>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChangeRecord {
    pub id: i64,
    pub action_id: i64,
    pub from: Status,
    pub to: Status,
    pub note: Option<String>,
    pub link: Option<String>,
    pub evidence: Option<EvidenceRecord>,
    #[serde(skip)]
    pub changed_by: Option<i64>,
    pub changed_at: i64,
}

/// A new plan: its State, cycle and first clusters (name, kind, recommendations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlan {
    pub state: String,
    pub cycle: u8,
    pub clusters: Vec<(String, ClusterKind, Vec<i64>)>,
}

/// An open action with an owner, and its plan's State (for the owner's dashboard).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedAction {
    pub state: String,
    pub action: ActionRecord,
}

/// What a run of the daily reminders did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum ReminderRun {
    /// Another run (another server) sent this day's reminders already.
    AlreadyRan { day: String },
    Sent {
        day: String,
        messages: usize,
        actions: usize,
    },
}

/// Why a plan's write did not happen. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("not found: {0}")]
    NotFound(String),
    /// The action changed since the version the change was made from: here is it now.
    #[error("the action was changed by someone else (now version {})", .0.version)]
    Conflict(Box<ActionRecord>),
    /// The State already has a plan for this cycle, or a cluster of this name exists.
    #[error("already exists: {0}")]
    Duplicate(String),
    /// A cluster or recommendation that is not the plan's.
    #[error("invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The plans part of a store.
#[async_trait]
pub trait PlanStore: Send + Sync {
    /// The State's plan for `cycle`, or its newest plan when `cycle` is `None`.
    async fn plan_of(
        &self,
        state: &str,
        cycle: Option<u8>,
    ) -> Result<Option<PlanRecord>, StoreError>;

    /// Creates a plan with its first clusters; `Duplicate` when the State has one for the cycle.
    async fn create_plan(
        &self,
        context: &ChangeContext,
        plan: &NewPlan,
        by: Option<i64>,
    ) -> Result<PlanRecord, PlanError>;

    async fn set_published(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        published: bool,
    ) -> Result<PlanRecord, PlanError>;

    /// Adds an empty cluster at the end.
    async fn add_cluster(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        name: &str,
        kind: ClusterKind,
    ) -> Result<i64, PlanError>;

    /// Moves recommendations between the plan's clusters (`None`: out of every cluster).
    async fn set_membership(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        assignments: &[(i64, Option<i64>)],
    ) -> Result<usize, PlanError>;

    async fn create_action(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        fields: &ActionFields,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError>;

    async fn get_action(&self, id: i64) -> Result<Option<ActionRecord>, StoreError>;

    /// Changes an action made from `expected_version`; `Conflict` with the action as it is now
    /// when someone else changed it meanwhile.
    async fn update_action(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        fields: &ActionFields,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError>;

    /// Changes an action's status (from `expected_version`, as [`PlanStore::update_action`]),
    /// recording the change with its note, link and evidence file.
    async fn change_status(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        change: &NewStatusChange,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError>;

    /// The action's status changes, oldest first.
    async fn status_changes(&self, action_id: i64) -> Result<Vec<StatusChangeRecord>, StoreError>;

    async fn get_evidence(&self, id: i64) -> Result<Option<EvidenceRecord>, StoreError>;

    /// The open actions (neither implemented nor not applicable) this account owns that have a
    /// due date, soonest first.
    async fn open_actions_of(&self, owner_user_id: i64) -> Result<Vec<OwnedAction>, StoreError>;

    /// The day's reminders: one outbox message per owner of actions overdue or due within 30
    /// days, queued in one transaction with the day's row, so that they go once per day however
    /// many servers run this.
    async fn run_reminders(
        &self,
        context: &ChangeContext,
        today: chrono::NaiveDate,
        public_url: &str,
    ) -> Result<ReminderRun, StoreError>;
}
