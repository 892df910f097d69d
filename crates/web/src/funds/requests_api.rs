//! Requests for assistance in the API: the public register with its timeliness figures, one
//! request, and the workflow's writes (a draft, its changes, each step) with a token.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_funds::Stage;
use taawun_funds::workflow::Role;
use taawun_store::funds::{EventRecord, RegisterFilter, RegisterRow, RequestRecord, StepInput};

use super::work::{
    DraftInput, StepRequest, YearTimeliness, acting_role, api_refusal, roles_of, sees_whole,
    visible_request,
};
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::paging;

/// A request as the register lists it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RegisterEntry {
    pub id: i64,
    pub fund: String,
    /// ISO3.
    pub state: String,
    pub request_type: &'static str,
    pub crisis: Option<&'static str>,
    pub stage: &'static str,
    /// RFC 3339.
    pub submitted_at: Option<String>,
    pub updated_at: String,
    /// The amount requested, as a decimal, in `currency`.
    pub requested: Option<String>,
    pub currency: Option<String>,
    /// Approved and paid out, in the fund's currency.
    pub approved: String,
    pub disbursed: String,
    pub fund_currency: &'static str,
    /// Made by `taawun demo funds`: not a real request.
    pub demonstration: bool,
    /// Only when the State published it.
    pub purpose: Option<String>,
    pub page: String,
}

fn time(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn figure(minor: i64, currency: taawun_funds::Currency) -> String {
    taawun_funds::money::decimal_minor(minor, currency.decimals())
}

impl RegisterEntry {
    pub fn of(row: &RegisterRow, fund_currency: taawun_funds::Currency) -> RegisterEntry {
        let decimals = row
            .currency
            .as_deref()
            .and_then(|c| taawun_funds::Currency::parse(c).ok())
            .map_or(2, |c| c.decimals());
        RegisterEntry {
            id: row.id,
            fund: row.fund.clone(),
            state: row.state.clone(),
            request_type: row.request_type.slug(),
            crisis: row.crisis.map(|c| c.slug()),
            stage: row.stage.slug(),
            submitted_at: row.submitted_at.map(time),
            updated_at: time(row.updated_at),
            requested: row
                .requested_minor
                .map(|m| taawun_funds::money::decimal_minor(m, decimals)),
            currency: row.currency.clone(),
            approved: figure(row.approved_minor, fund_currency),
            disbursed: figure(row.disbursed_minor, fund_currency),
            fund_currency: fund_currency.code(),
            demonstration: row.demonstration,
            purpose: row.purpose.clone(),
            page: format!("/funds/requests/{}", row.id),
        }
    }
}

/// The register's filters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct RegisterParams {
    /// ISO3 of the State asking.
    pub state: Option<String>,
    /// A stage: submitted, screening, information-requested, review, decision, agreement,
    /// disbursement, reporting, closed.
    pub stage: Option<String>,
    /// The year of submission.
    pub year: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
    /// json (the default), csv or xlsx: the file holds every matching request.
    pub format: Option<String>,
}

impl RegisterParams {
    pub fn filter(&self, fund: &str) -> Result<RegisterFilter, ApiError> {
        let state = super::state_param(self.state.as_deref())?;
        let stage = self
            .stage
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                Stage::parse(s)
                    .filter(|s| *s != Stage::Draft)
                    .ok_or_else(|| {
                        ApiError::invalid("stage", format!("{s:?} is not a stage of the register"))
                    })
            })
            .transpose()?;
        let year = self
            .year
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|y| {
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1946..=9999).contains(y))
                    .ok_or_else(|| ApiError::invalid("year", format!("{y:?} is not a year")))
            })
            .transpose()?;
        Ok(RegisterFilter {
            fund: Some(fund.to_owned()),
            state,
            stage,
            year,
        })
    }
}

/// A page of the register, with the fund's timeliness figures.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RegisterView {
    pub fund: String,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub requests: Vec<RegisterEntry>,
    /// Per year of submission, newest first: the median and 90th percentile of days in each
    /// stage (the clock paused while the State was asked for information), and the share
    /// within the stage's target.
    pub timeliness: Vec<YearTimeliness>,
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/{id}/requests",
    tag = "funds",
    params(("id" = String, Path, description = "The fund's id"), RegisterParams),
    responses(
        (status = 200, description = "The public register of the fund's submitted requests (never drafts): fund, State, type, stage, dates and amounts requested, approved and disbursed, the purpose when its State published it; and the fund's timeliness per year. With format=csv or xlsx, every matching request as a file", body = RegisterView),
        (status = 400, description = "A filter that is not valid", body = ApiErrorBody),
        (status = 404, description = "No such fund", body = ApiErrorBody),
    )
)]
pub async fn register(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<RegisterParams>,
) -> Result<Response, ApiError> {
    let fund = super::fund_of(&app.funds, &id)?;
    let filter = params.filter(&fund.id)?;
    match params.format.as_deref().map(str::trim).unwrap_or("json") {
        "json" => {}
        format @ ("csv" | "xlsx") => return register_file(&app, fund, &filter, format).await,
        _ => return Err(ApiError::invalid("format", "json, csv or xlsx")),
    }
    let paging = paging(params.page.as_deref(), params.per_page.as_deref())?;
    let generation = app.store.funds().generation().await?;
    let page = super::work::register_page(&app, &filter, paging, generation).await?;
    let figures = super::work::timeliness_at(&app, fund, generation).await?;
    Ok(Json(RegisterView {
        fund: fund.id.clone(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        requests: page
            .items
            .iter()
            .map(|r| RegisterEntry::of(r, fund.currency))
            .collect(),
        timeliness: figures.years.clone(),
    })
    .into_response())
}

/// Every request of the register that matches, as a CSV or XLSX file.
async fn register_file(
    app: &AppState,
    fund: &taawun_funds::Fund,
    filter: &RegisterFilter,
    format: &str,
) -> Result<Response, ApiError> {
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let paging = taawun_store::Paging {
            page,
            per_page: taawun_store::Paging::MAX_PER_PAGE,
        };
        let found = app.store.funds().register(filter, paging).await?;
        let last = found.page >= found.page_count();
        rows.extend(
            found
                .items
                .iter()
                .map(|r| RegisterEntry::of(r, fund.currency)),
        );
        if last {
            break;
        }
        page += 1;
    }
    let header_row = [
        "id",
        "fund",
        "state",
        "request_type",
        "crisis",
        "stage",
        "submitted_at",
        "requested",
        "currency",
        "approved",
        "disbursed",
        "fund_currency",
        "demonstration",
        "purpose",
    ];
    let lines: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.fund,
                r.state,
                r.request_type.to_owned(),
                r.crisis.unwrap_or_default().to_owned(),
                r.stage.to_owned(),
                r.submitted_at.unwrap_or_default(),
                r.requested.unwrap_or_default(),
                r.currency.unwrap_or_default(),
                r.approved,
                r.disbursed,
                r.fund_currency.to_owned(),
                r.demonstration.to_string(),
                r.purpose.unwrap_or_default(),
            ]
        })
        .collect();
    let stem = crate::download::file_stem("requests", &[Some(&fund.id)]);
    if format == "csv" {
        crate::download::csv_response(&format!("{stem}.csv"), &header_row, lines)
    } else {
        crate::download::xlsx_response(
            &format!("{stem}.xlsx"),
            "requests",
            &header_row,
            &["id"],
            lines,
        )
    }
}

/// One step a request took.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub at: String,
    pub actor: String,
    /// state-focal-point, secretariat, reviewer, approver
    pub role: &'static str,
    pub step: &'static str,
    pub outcome: Option<&'static str>,
    pub from: &'static str,
    pub to: &'static str,
    pub reason: String,
    pub conditions: String,
    /// In the fund's currency.
    pub amount: Option<String>,
}

impl EventView {
    pub fn of(event: &EventRecord, currency: taawun_funds::Currency) -> EventView {
        EventView {
            at: time(event.at),
            actor: event.actor.clone(),
            role: event.role.slug(),
            step: event.step.slug(),
            outcome: event.step.outcome().map(|o| o.slug()),
            from: event.from.slug(),
            to: event.to.slug(),
            reason: event.reason.clone(),
            conditions: event.conditions.clone(),
            amount: event.amount_minor.map(|m| figure(m, currency)),
        }
    }
}

/// A request as its reader may see it: everything for its State and the fund's people; for
/// others what the register shows, and what the State published.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RequestView {
    #[serde(flatten)]
    pub summary: RegisterEntry,
    /// Give it back with a change or a step.
    pub version: i64,
    /// Whether the fields below are the whole request or only what its State published.
    pub whole: bool,
    pub activities: Option<Vec<String>>,
    /// Lines as `[item, amount]`.
    pub budget: Option<Vec<(String, String)>>,
    pub recommendations: Option<Vec<i64>>,
    pub plan_actions: Option<Vec<i64>>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub priority: Option<&'static str>,
    pub consent_given_by: Option<String>,
    pub consent_given_on: Option<String>,
    pub events: Vec<EventView>,
    /// The steps this reader may take now (in the role the workflow names for each).
    pub next_steps: Vec<&'static str>,
}

/// The steps `roles` may take from where the request is.
pub fn next_steps(request: &RequestRecord, roles: &[Role]) -> Vec<taawun_funds::Step> {
    use taawun_funds::workflow::{Attempt, Outcome, Step, take};
    let candidates = [
        Step::Submit,
        Step::BeginScreening,
        Step::RequestInformation,
        Step::ProvideInformation,
        Step::CompleteScreening,
        Step::Recommend(Outcome::Approve),
        Step::SendForDecision,
        Step::Decide(Outcome::Approve),
        Step::SignAgreement,
        Step::RecordDisbursement,
        Step::BeginReporting,
        Step::SubmitReport,
        Step::Close,
        Step::Withdraw,
    ];
    candidates
        .into_iter()
        .filter(|step| roles.contains(&step.role()))
        .filter(|step| {
            take(
                request.position,
                &Attempt {
                    step: *step,
                    role: step.role(),
                    reason: "-",
                    conditions: "-",
                },
            )
            .is_ok()
        })
        .collect()
}

pub fn request_view(
    request: &RequestRecord,
    events: &[EventRecord],
    whole: bool,
    roles: &[Role],
    fund_currency: taawun_funds::Currency,
) -> RequestView {
    let total = request.draft.total().ok().flatten();
    let row = RegisterRow {
        id: request.id,
        fund: request.fund.clone(),
        state: request.state.clone(),
        request_type: request.draft.request_type,
        crisis: request.draft.crisis,
        stage: request.position.stage,
        submitted_at: request.submitted_at,
        updated_at: request.updated_at,
        currency: total.map(|t| t.currency.code().to_owned()),
        requested_minor: total.map(|t| t.minor),
        approved_minor: request.approved_minor,
        disbursed_minor: request.disbursed_minor,
        demonstration: request.demonstration,
        purpose: (whole || request.draft.publication.purpose)
            .then(|| request.draft.purpose.clone()),
    };
    let draft = &request.draft;
    let publication = draft.publication;
    RequestView {
        summary: RegisterEntry::of(&row, fund_currency),
        version: request.version,
        whole,
        activities: (whole || publication.activities).then(|| draft.activities.clone()),
        budget: (whole || publication.budget_lines).then(|| {
            draft
                .budget
                .iter()
                .map(|l| {
                    (
                        l.item.clone(),
                        taawun_funds::money::decimal_minor(
                            l.amount.minor,
                            l.amount.currency.decimals(),
                        ),
                    )
                })
                .collect()
        }),
        recommendations: (whole || publication.recommendations)
            .then(|| draft.recommendations.clone()),
        plan_actions: (whole || publication.recommendations).then(|| draft.plan_actions.clone()),
        starts: draft.starts.map(|d| d.to_string()),
        ends: draft.ends.map(|d| d.to_string()),
        priority: whole.then_some(draft.priority.map(|p| p.slug())).flatten(),
        consent_given_by: whole
            .then(|| draft.consent.as_ref().map(|c| c.given_by.clone()))
            .flatten(),
        consent_given_on: draft.consent.as_ref().map(|c| c.given_on.to_string()),
        events: events
            .iter()
            .map(|e| EventView::of(e, fund_currency))
            .collect(),
        next_steps: next_steps(request, roles)
            .into_iter()
            .map(|s| s.slug())
            .collect(),
    }
}

async fn view_for(
    app: &AppState,
    principal: &Principal,
    request: &RequestRecord,
) -> Result<RequestView, ApiError> {
    let fund = super::find(&app.funds, &request.fund)
        .ok_or_else(|| ApiError::internal("the request's fund is no longer configured"))?;
    let events = app.store.funds().request_events(request.id).await?;
    let roles = roles_of(principal, &request.state);
    Ok(request_view(
        request,
        &events,
        sees_whole(principal, &request.state),
        &roles,
        fund.currency,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/requests/{id}",
    tag = "funds",
    params(("id" = i64, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request with its steps; its State's focal points and the fund's people see it whole, others what its State published", body = RequestView),
        (status = 404, description = "No such request, or a draft of another State", body = ApiErrorBody),
    )
)]
pub async fn get_request(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> Result<Json<RequestView>, ApiError> {
    let request = visible_request(&app, &principal, id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no request {id}")))?;
    Ok(Json(view_for(&app, &principal, &request).await?))
}

/// A new draft: the State it is for, and the request.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewRequestBody {
    /// ISO3 of the State asking (one the token's user is a focal point of).
    pub state: String,
    #[serde(flatten)]
    pub draft: DraftInput,
}

#[utoipa::path(
    post,
    path = "/api/v1/funds/{id}/requests",
    tag = "funds",
    security(("token" = [])),
    params(("id" = String, Path, description = "The fund's id")),
    request_body = NewRequestBody,
    responses(
        (status = 201, description = "The draft, seen only by its State's focal points until submitted", body = RequestView),
        (status = 400, description = "A field that is not valid, named", body = ApiErrorBody),
        (status = 403, description = "Not a focal point of this State", body = ApiErrorBody),
        (status = 404, description = "No such fund", body = ApiErrorBody),
    )
)]
pub async fn create_request(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<NewRequestBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let fund = super::fund_of(&app.funds, &id)?;
    let state = body.state.trim().to_ascii_uppercase();
    if !roles_of(&principal, &state).contains(&Role::StateFocalPoint) {
        return Err(ApiError::forbidden(format!(
            "only a focal point of {state} drafts its requests"
        )));
    }
    let draft = body.draft.draft()?;
    let request = app
        .store
        .funds()
        .create_request(
            &principal.change_context(),
            fund,
            &state,
            &draft,
            principal.subject().user_id(),
        )
        .await
        .map_err(api_refusal)?;
    let view = view_for(&app, &principal, &request).await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// A draft's new content, with the version it was made from.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct UpdateRequestBody {
    pub version: i64,
    #[serde(flatten)]
    pub draft: DraftInput,
}

#[utoipa::path(
    put,
    path = "/api/v1/funds/requests/{id}",
    tag = "funds",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    request_body = UpdateRequestBody,
    responses(
        (status = 200, description = "The changed draft", body = RequestView),
        (status = 400, description = "A field that is not valid, named", body = ApiErrorBody),
        (status = 404, description = "No such request, or not one of your State's", body = ApiErrorBody),
        (status = 409, description = "Changed by someone else since `version`, or no longer a draft: nothing written", body = ApiErrorBody),
    )
)]
pub async fn update_request(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    body: Result<Json<UpdateRequestBody>, JsonRejection>,
) -> Result<Json<RequestView>, ApiError> {
    let Json(body) = body?;
    let request = visible_request(&app, &principal, id)
        .await?
        .filter(|r| roles_of(&principal, &r.state).contains(&Role::StateFocalPoint))
        .ok_or_else(|| ApiError::not_found(format!("no request {id} of your State")))?;
    let draft = body.draft.draft()?;
    let request = app
        .store
        .funds()
        .update_request(
            &principal.change_context(),
            request.id,
            body.version,
            &draft,
            principal.subject().user_id(),
        )
        .await
        .map_err(|e| match e {
            taawun_store::funds::FundError::Invalid(m) => ApiError::conflict(m),
            other => api_refusal(other),
        })?;
    Ok(Json(view_for(&app, &principal, &request).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/funds/requests/{id}/steps",
    tag = "funds",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    request_body = StepRequest,
    responses(
        (status = 200, description = "The request after the step; the step is in its events and in the audit trail, with its ledger entry for an approval or a disbursement", body = RequestView),
        (status = 400, description = "A step, outcome, reason, conditions or amount that is not valid, named; or an amount the fund's ledger refuses", body = ApiErrorBody),
        (status = 403, description = "The step is another role's", body = ApiErrorBody),
        (status = 404, description = "No such request", body = ApiErrorBody),
        (status = 409, description = "Not a step from the request's stage, or the request changed since `version`: nothing written", body = ApiErrorBody),
        (status = 422, description = "The request lacks what the fund requires", body = ApiErrorBody),
    )
)]
pub async fn take_step(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    body: Result<Json<StepRequest>, JsonRejection>,
) -> Result<Json<RequestView>, ApiError> {
    let Json(body) = body?;
    let request = visible_request(&app, &principal, id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no request {id}")))?;
    let fund = super::find(&app.funds, &request.fund)
        .ok_or_else(|| ApiError::internal("the request's fund is no longer configured"))?;
    let step = body.step()?;
    let amount = body.amount(fund)?;
    let roles = roles_of(&principal, &request.state);
    let role = acting_role(&roles, step).ok_or_else(|| {
        ApiError::forbidden(format!(
            "“{}” is taken by the {}; you hold no role in this request's workflow",
            step.slug(),
            step.role().slug()
        ))
    })?;
    let input = StepInput {
        step,
        role,
        reason: body.reason.clone(),
        conditions: body.conditions.clone(),
        amount,
        actor: principal
            .user
            .as_ref()
            .map_or_else(String::new, |u| u.display_name.clone()),
    };
    let request = app
        .store
        .funds()
        .take_step(
            &principal.change_context(),
            fund,
            request.id,
            body.version,
            &input,
            principal.subject().user_id(),
        )
        .await
        .map_err(api_refusal)?;
    Ok(Json(view_for(&app, &principal, &request).await?))
}
