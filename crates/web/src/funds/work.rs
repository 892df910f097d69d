//! What the funds' pages and API share: who a user is to the workflow, a request as a form or a
//! JSON body writes it (every field checked, the field at fault named), refusals as answers, and
//! the register's timeliness figures (cached per generation of the funds' records).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use taawun_accounts::RoleKind;
use taawun_funds::config::{CrisisKind, RequestType};
use taawun_funds::request::{BudgetLine, Consent, Priority, Publication, RequestDraft};
use taawun_funds::timeliness::{StageSummary, StageTimes, overdue, summarise};
use taawun_funds::workflow::{Outcome, Role, Stage, Step};
use taawun_funds::{Currency, Fund, Money};
use taawun_policy::Owner;
use taawun_store::funds::{FundError, RequestRecord};

use crate::AppState;
use crate::auth::Principal;
use crate::error::ApiError;

/// The workflow roles this user holds towards a request of `state`.
pub fn roles_of(principal: &Principal, state: &str) -> Vec<Role> {
    let subject = principal.subject();
    let mut roles = Vec::new();
    if subject.speaks_for(&Owner::State(state.to_owned())) {
        roles.push(Role::StateFocalPoint);
    }
    if subject.has(RoleKind::Secretariat) {
        roles.push(Role::Secretariat);
    }
    if subject.has(RoleKind::FundReviewer) {
        roles.push(Role::Reviewer);
    }
    if subject.has(RoleKind::FundApprover) {
        roles.push(Role::Approver);
    }
    roles
}

/// The role a step is taken in: the step's own when the user holds it; otherwise the first the
/// user holds, so that the workflow's refusal names both.
pub fn acting_role(roles: &[Role], step: Step) -> Option<Role> {
    if roles.contains(&step.role()) {
        Some(step.role())
    } else {
        roles.first().copied()
    }
}

/// Whether the user sees the whole of a submitted request (not only what its State published).
pub fn sees_whole(principal: &Principal, state: &str) -> bool {
    let subject = principal.subject();
    subject.speaks_for(&Owner::State(state.to_owned())) || subject.works_for_funds()
}

/// A budget line as written.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct BudgetLineInput {
    pub item: String,
    /// A decimal amount in the request's currency, e.g. `12500.00` (no more decimals than the
    /// currency has; Arabic-Indic digits are read too).
    pub amount: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ConsentInput {
    pub given_by: String,
    /// `YYYY-MM-DD`.
    pub given_on: String,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct PublicationInput {
    #[serde(default)]
    pub purpose: bool,
    #[serde(default)]
    pub activities: bool,
    #[serde(default)]
    pub budget_lines: bool,
    #[serde(default)]
    pub recommendations: bool,
}

/// A request as a State's focal point writes it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct DraftInput {
    /// upr-implementation, review-participation, technical-cooperation, crisis-response
    pub request_type: String,
    /// For a crisis response: health, financial, food, climate, displacement.
    #[serde(default)]
    pub crisis: Option<String>,
    #[serde(default)]
    pub purpose: String,
    /// Ids of the State's UPR recommendations the request serves.
    #[serde(default)]
    pub recommendations: Vec<i64>,
    /// Ids of actions of the State's implementation plan it serves.
    #[serde(default)]
    pub plan_actions: Vec<i64>,
    #[serde(default)]
    pub activities: Vec<String>,
    /// ISO 4217 code of every budget line.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub budget: Vec<BudgetLineInput>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub starts: Option<String>,
    #[serde(default)]
    pub ends: Option<String>,
    /// high, medium, low
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub consent: Option<ConsentInput>,
    /// What the public register shows beyond fund, State, type, stage, dates and amounts.
    #[serde(default)]
    pub publish: PublicationInput,
}

/// A field at fault and what is wrong with it.
#[derive(Debug)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> ApiError {
        ApiError::invalid(&e.field, e.message)
    }
}

fn date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>, FieldError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError::new(field, format!("{t:?} is not a date as YYYY-MM-DD"))),
    }
}

fn nonempty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl DraftInput {
    /// The draft, or the first field at fault.
    pub fn draft(&self) -> Result<RequestDraft, FieldError> {
        let request_type = RequestType::parse(&self.request_type).ok_or_else(|| {
            FieldError::new(
                "request_type",
                format!(
                    "{:?} is not a kind of request: upr-implementation, review-participation, \
                     technical-cooperation or crisis-response",
                    self.request_type
                ),
            )
        })?;
        let crisis = nonempty(self.crisis.as_deref())
            .map(|c| {
                CrisisKind::parse(c).ok_or_else(|| {
                    FieldError::new(
                        "crisis",
                        format!(
                            "{c:?} is not a kind of crisis: health, financial, food, climate or \
                             displacement"
                        ),
                    )
                })
            })
            .transpose()?;
        let lines: Vec<&BudgetLineInput> = self
            .budget
            .iter()
            .filter(|l| !(l.item.trim().is_empty() && l.amount.trim().is_empty()))
            .collect();
        let currency = match nonempty(self.currency.as_deref()) {
            Some(code) => Some(
                Currency::parse(code).map_err(|e| FieldError::new("currency", e.to_string()))?,
            ),
            None if lines.is_empty() => None,
            None => {
                return Err(FieldError::new(
                    "currency",
                    "a budget needs its currency (ISO 4217, e.g. USD)",
                ));
            }
        };
        let mut budget = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let Some(currency) = currency else { break };
            if line.item.trim().is_empty() {
                return Err(FieldError::new(
                    format!("budget[{i}].item"),
                    "a budget line says what it pays for",
                ));
            }
            let amount = Money::parse(&line.amount, currency)
                .map_err(|e| FieldError::new(format!("budget[{i}].amount"), e.to_string()))?;
            budget.push(BudgetLine {
                item: line.item.trim().to_owned(),
                amount,
            });
        }
        let priority = nonempty(self.priority.as_deref())
            .map(|p| {
                Priority::parse(p).ok_or_else(|| {
                    FieldError::new("priority", format!("{p:?} is not high, medium or low"))
                })
            })
            .transpose()?;
        let consent = match &self.consent {
            Some(c) if !(c.given_by.trim().is_empty() && c.given_on.trim().is_empty()) => {
                let given_on = date("consent.given_on", Some(&c.given_on))?.ok_or_else(|| {
                    FieldError::new("consent.given_on", "the day consent was given")
                })?;
                if c.given_by.trim().is_empty() {
                    return Err(FieldError::new(
                        "consent.given_by",
                        "who gave the State's consent",
                    ));
                }
                Some(Consent {
                    given_by: c.given_by.trim().to_owned(),
                    given_on,
                })
            }
            _ => None,
        };
        let draft = RequestDraft {
            request_type,
            crisis,
            purpose: self.purpose.trim().to_owned(),
            recommendations: self.recommendations.clone(),
            plan_actions: self.plan_actions.clone(),
            activities: self
                .activities
                .iter()
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            budget,
            starts: date("starts", self.starts.as_deref())?,
            ends: date("ends", self.ends.as_deref())?,
            priority,
            consent,
            publication: Publication {
                purpose: self.publish.purpose,
                activities: self.publish.activities,
                budget_lines: self.publish.budget_lines,
                recommendations: self.publish.recommendations,
            },
        };
        draft
            .total()
            .map_err(|e| FieldError::new("budget", e.to_string()))?;
        Ok(draft)
    }

    /// The form of a stored draft (to edit it).
    pub fn of(draft: &RequestDraft) -> DraftInput {
        DraftInput {
            request_type: draft.request_type.slug().into(),
            crisis: draft.crisis.map(|c| c.slug().into()),
            purpose: draft.purpose.clone(),
            recommendations: draft.recommendations.clone(),
            plan_actions: draft.plan_actions.clone(),
            activities: draft.activities.clone(),
            currency: draft
                .budget
                .first()
                .map(|l| l.amount.currency.code().into()),
            budget: draft
                .budget
                .iter()
                .map(|l| BudgetLineInput {
                    item: l.item.clone(),
                    amount: taawun_funds::money::decimal_minor(
                        l.amount.minor,
                        l.amount.currency.decimals(),
                    ),
                })
                .collect(),
            starts: draft.starts.map(|d| d.to_string()),
            ends: draft.ends.map(|d| d.to_string()),
            priority: draft.priority.map(|p| p.slug().into()),
            consent: draft.consent.as_ref().map(|c| ConsentInput {
                given_by: c.given_by.clone(),
                given_on: c.given_on.to_string(),
            }),
            publish: PublicationInput {
                purpose: draft.publication.purpose,
                activities: draft.publication.activities,
                budget_lines: draft.publication.budget_lines,
                recommendations: draft.publication.recommendations,
            },
        }
    }
}

/// A step as asked for.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct StepRequest {
    /// The request's version the step was decided on (the second of two people is told).
    pub version: i64,
    /// submit, begin-screening, request-information, provide-information, complete-screening,
    /// recommend, send-for-decision, decide, sign-agreement, record-disbursement,
    /// begin-reporting, submit-report, close, withdraw
    pub step: String,
    /// With recommend and decide: approve, approve-with-conditions, decline.
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub conditions: String,
    /// With an approval (the amount approved) or a disbursement: a decimal amount in the
    /// fund's currency.
    #[serde(default)]
    pub amount: Option<String>,
}

impl StepRequest {
    pub fn step(&self) -> Result<Step, FieldError> {
        let outcome = nonempty(self.outcome.as_deref())
            .map(|o| {
                Outcome::parse(o).ok_or_else(|| {
                    FieldError::new(
                        "outcome",
                        format!("{o:?} is not approve, approve-with-conditions or decline"),
                    )
                })
            })
            .transpose()?;
        Step::from_parts(&self.step, outcome).ok_or_else(|| {
            FieldError::new(
                "step",
                match outcome {
                    None if matches!(self.step.trim(), "recommend" | "decide") => {
                        format!("“{}” needs an outcome", self.step.trim())
                    }
                    _ => format!(
                        "{:?} is not a step of the workflow (with this outcome)",
                        self.step
                    ),
                },
            )
        })
    }

    pub fn amount(&self, fund: &Fund) -> Result<Option<Money>, FieldError> {
        nonempty(self.amount.as_deref())
            .map(|a| {
                Money::parse(a, fund.currency).map_err(|e| FieldError::new("amount", e.to_string()))
            })
            .transpose()
    }
}

/// A refused write as an API answer.
pub fn api_refusal(e: FundError) -> ApiError {
    use taawun_funds::workflow::Refusal;
    match e {
        FundError::NotFound(what) => ApiError::not_found(format!("not found: {what}")),
        FundError::Conflict(_) => ApiError::conflict(e.to_string()),
        FundError::Refused(Refusal::WrongRole { .. }) => ApiError::forbidden(e.to_string()),
        FundError::Refused(Refusal::WrongStage { .. } | Refusal::NoRecommendation) => {
            ApiError::conflict(e.to_string())
        }
        FundError::Refused(Refusal::ReasonMissing { .. }) => {
            ApiError::invalid("reason", e.to_string())
        }
        FundError::Refused(Refusal::ConditionsMissing) => {
            ApiError::invalid("conditions", e.to_string())
        }
        FundError::Refused(Refusal::Stale { .. }) => ApiError::conflict(e.to_string()),
        FundError::Incomplete(_) | FundError::Invalid(_) => ApiError::invalid_body(e.to_string()),
        FundError::Ledger(_) => ApiError::invalid("amount", e.to_string()),
        FundError::Store(e) => ApiError::from(e),
    }
}

/// The days each stage took, per year a request was submitted: what the public register
/// publishes for a fund.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct YearTimeliness {
    pub year: i32,
    /// Requests submitted that year.
    pub requests: usize,
    /// Of those, open ones past their current stage's target.
    pub overdue: usize,
    pub stages: Vec<StageFigures>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StageFigures {
    pub stage: &'static str,
    /// Requests that have left the stage (only those have a final time).
    pub requests: usize,
    pub median_days: f64,
    pub p90_days: f64,
    pub target_days: Option<u16>,
    /// The share (0 to 1) that left it within its target.
    pub within_target: Option<f64>,
}

impl From<StageSummary> for StageFigures {
    fn from(s: StageSummary) -> StageFigures {
        StageFigures {
            stage: s.stage.slug(),
            requests: s.requests,
            median_days: s.median_days,
            p90_days: s.p90_days,
            target_days: s.target_days,
            within_target: s.within_target,
        }
    }
}

/// A fund's timeliness figures and its overdue requests.
#[derive(Clone, Debug, Default)]
pub struct Timeliness {
    /// Newest year first.
    pub years: Vec<YearTimeliness>,
    /// Open requests past their stage's target: (request, stage, days, target).
    pub overdue: Vec<(i64, String, Stage, i64, u16)>,
}

pub type TimelinessCache = moka::future::Cache<(String, i64), Arc<Timeliness>>;

pub fn new_timeliness_cache() -> TimelinessCache {
    moka::future::Cache::builder()
        .max_capacity(64)
        .time_to_live(Duration::from_secs(60 * 60))
        .build()
}

/// The fund's figures at the records' current generation. An open request's time runs until
/// now; the cache lives an hour at most, so the days of open requests are at most that stale.
pub async fn timeliness(app: &AppState, fund: &Fund) -> Result<Arc<Timeliness>, ApiError> {
    let generation = app.store.funds().generation().await?;
    timeliness_at(app, fund, generation).await
}

/// As [`timeliness`], at a generation the caller has read (one read for a whole page).
pub async fn timeliness_at(
    app: &AppState,
    fund: &Fund,
    generation: i64,
) -> Result<Arc<Timeliness>, ApiError> {
    let key = (fund.id.clone(), generation);
    if let Some(hit) = app.funds_timeliness.get(&key).await {
        return Ok(hit);
    }
    let timelines = app.store.funds().timelines(&fund.id).await?;
    let now = chrono::Utc::now();
    // Per year: requests, overdue ones, and the seconds each request spent in each stage left.
    type Year = (usize, usize, BTreeMap<Stage, Vec<i64>>);
    let mut per_year: BTreeMap<i32, Year> = BTreeMap::new();
    let mut overdue_list = Vec::new();
    for timeline in &timelines {
        let events: Vec<_> = timeline.events.iter().map(|e| e.event()).collect();
        let times = StageTimes::from_events(&events, now);
        let year = per_year.entry(timeline.year).or_default();
        year.0 += 1;
        if let Some(late) = overdue(&times, |s| fund.target_days(s)) {
            year.1 += 1;
            overdue_list.push((
                timeline.request_id,
                timeline.state.clone(),
                late.stage,
                late.days,
                late.target_days,
            ));
        }
        for stage in &times.stages_left {
            year.2
                .entry(*stage)
                .or_default()
                .push(times.seconds.get(stage).copied().unwrap_or(0));
        }
    }
    let years = per_year
        .into_iter()
        .rev()
        .map(|(year, (requests, overdue, stages))| YearTimeliness {
            year,
            requests,
            overdue,
            stages: Stage::TIMED
                .into_iter()
                .filter_map(|stage| {
                    summarise(
                        stage,
                        stages.get(&stage).map_or(&[][..], Vec::as_slice),
                        fund.target_days(stage),
                    )
                })
                .map(StageFigures::from)
                .collect(),
        })
        .collect();
    overdue_list.sort_by_key(|b| std::cmp::Reverse(b.3));
    let figures = Arc::new(Timeliness {
        years,
        overdue: overdue_list,
    });
    app.funds_timeliness.insert(key, figures.clone()).await;
    Ok(figures)
}

/// A request's record, read for `principal`: `None` when it does not exist or the user may not
/// know of it (another State's draft).
pub async fn visible_request(
    app: &AppState,
    principal: &Principal,
    id: i64,
) -> Result<Option<RequestRecord>, ApiError> {
    let Some(request) = app.store.funds().get_request(id).await? else {
        return Ok(None);
    };
    let decision = taawun_policy::decide(
        principal.subject(),
        taawun_policy::Action::Read,
        &taawun_policy::Resource::FundRequest {
            owner: Owner::State(request.state.clone()),
            submitted: request.submitted_at.is_some(),
        },
    );
    Ok(decision.is_allowed().then_some(request))
}

/// An overdue request on a dashboard.
pub struct OverdueRow {
    pub id: i64,
    pub fund: String,
    pub state: String,
    pub stage: String,
    /// "40 days (target 15)".
    pub days: String,
}

/// The overdue requests of every fund, for the secretariat, fund reviewers and approvers (and
/// administrators); empty for everyone else. A failure to read them leaves the dashboard empty
/// and is logged: the account page must still answer.
pub async fn overdue_dashboard(
    app: &AppState,
    lang: crate::i18n::Lang,
    user: &taawun_store::UserRecord,
) -> Vec<OverdueRow> {
    let roles = &user.roles;
    let staff = roles.iter().any(|r| {
        matches!(
            r.kind,
            RoleKind::Secretariat
                | RoleKind::FundReviewer
                | RoleKind::FundApprover
                | RoleKind::Administrator
        )
    });
    if !staff {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for fund in app.funds.iter() {
        let figures = match timeliness(app, fund).await {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(fund = %fund.id, error = ?e, "overdue requests not read");
                continue;
            }
        };
        let (name, _) = fund.name.get(lang.code());
        for (id, state, stage, days, target) in figures.overdue.iter().take(20) {
            rows.push(OverdueRow {
                id: *id,
                fund: name.to_owned(),
                state: taawun_states::by_iso3(state)
                    .map_or_else(|| state.clone(), |s| s.names.get(lang.code()).to_owned()),
                stage: lang.t(&format!("funds-stage-{}", stage.slug())),
                days: lang.t_args(
                    "funds-overdue-days",
                    &[
                        ("days", (*days).into()),
                        ("target", i64::from(*target).into()),
                    ],
                ),
            });
        }
    }
    rows
}

/// Register pages, by (filter, page, generation of the funds' records): a write raises the
/// generation, so a cached page is never older than the records it was read from.
pub type RegisterCache = moka::future::Cache<
    (
        taawun_store::funds::RegisterFilter,
        taawun_store::Paging,
        i64,
    ),
    Arc<taawun_store::Page<taawun_store::funds::RegisterRow>>,
>;

pub fn new_register_cache() -> RegisterCache {
    moka::future::Cache::builder()
        .max_capacity(2_000)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

/// A page of the register, read once per generation of the records.
pub async fn register_page(
    app: &AppState,
    filter: &taawun_store::funds::RegisterFilter,
    paging: taawun_store::Paging,
    generation: i64,
) -> Result<Arc<taawun_store::Page<taawun_store::funds::RegisterRow>>, taawun_store::StoreError> {
    let key = (filter.clone(), paging, generation);
    if let Some(hit) = app.funds_register.get(&key).await {
        return Ok(hit);
    }
    let page = Arc::new(app.store.funds().register(filter, paging).await?);
    app.funds_register.insert(key, page.clone()).await;
    Ok(page)
}
