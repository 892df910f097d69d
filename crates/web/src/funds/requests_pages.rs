//! The funds' working pages: the public register of a fund's requests with its timeliness
//! figures (and, for the fund's people, the overdue requests); one request with its steps and
//! the forms of the steps the reader may take; a State's focal points' draft form; the fund's
//! ledger with its charts (income by year and donor with the non-traditional share,
//! disbursements by State and region) and the secretariat's forms.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_funds::workflow::{Outcome, Role, Stage, Step};
use taawun_funds::{Fund, RequestType};
use taawun_store::Paging;
use taawun_store::funds::{DonorKind, FundError, NewDonor, RequestRecord, StepInput};

use super::Localised;
use super::ledger_api::{BalancesView, EntryView, LedgerParams, NewEntryBody};
use super::requests_api::{RegisterEntry, RegisterParams, RequestView, next_steps, request_view};
use super::work::{
    BudgetLineInput, ConsentInput, DraftInput, PublicationInput, StepRequest, Timeliness,
    acting_role, roles_of, sees_whole, visible_request,
};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::error::HtmlError;
use crate::forms::field;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::paging::paging;

fn fund_or_404(app: &AppState, lang: Lang, id: &str) -> Result<Fund, HtmlError> {
    super::find(&app.funds, id).cloned().ok_or_else(|| {
        HtmlError::not_found(
            lang,
            lang.t_args("funds-unknown", &[("id", id.trim().to_owned().into())]),
        )
    })
}

fn api_to_html(lang: Lang, e: crate::error::ApiError) -> HtmlError {
    HtmlError::bad_request(lang, e.message().to_owned())
}

fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

fn stage_label(lang: Lang, stage: &str) -> String {
    lang.t(&format!("funds-stage-{stage}"))
}

/// A register row as the page shows it.
pub struct RegisterLine {
    pub entry: RegisterEntry,
    pub state_name: String,
    pub stage_label: String,
    pub type_label: String,
    pub submitted: String,
}

#[derive(Template)]
#[template(path = "fund_register.html")]
struct RegisterPage {
    page: PageContext,
    fund_id: String,
    name: Localised,
    rows: Vec<RegisterLine>,
    total: u64,
    page_number: u32,
    page_count: u32,
    state: String,
    stage: String,
    year: String,
    stages: Vec<(&'static str, String)>,
    timeliness: std::sync::Arc<Timeliness>,
    stage_names: BTreeMap<&'static str, String>,
    /// The fund's people see the overdue requests.
    staff: bool,
    may_draft: bool,
    query: String,
    /// The requests of the user's own States to this fund, drafts included.
    own: Vec<RegisterLine>,
}

pub async fn register(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(id): Path<String>,
    Query(params): Query<RegisterParams>,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(&app, lang, &id)?;
    let filter = params.filter(&fund.id).map_err(|e| api_to_html(lang, e))?;
    let paging = paging(params.page.as_deref(), params.per_page.as_deref())
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let generation = app
        .store
        .funds()
        .generation()
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let page = super::work::register_page(&app, &filter, paging, generation)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let figures = super::work::timeliness_at(&app, &fund, generation)
        .await
        .map_err(|e| api_to_html(lang, e))?;
    let line = |r: &taawun_store::funds::RegisterRow| RegisterLine {
        entry: RegisterEntry::of(r, fund.currency),
        state_name: state_name(lang, &r.state),
        stage_label: stage_label(lang, r.stage.slug()),
        type_label: lang.t(&format!("funds-type-{}", r.request_type.slug())),
        submitted: r
            .submitted_at
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| t.date_naive().to_string())
            .unwrap_or_default(),
    };
    let mut own = Vec::new();
    for state in focal_states(&principal) {
        let rows = app
            .store
            .funds()
            .requests_of_state(&state)
            .await
            .map_err(|e| HtmlError::internal(lang, &e))?;
        own.extend(rows.iter().filter(|r| r.fund == fund.id).map(line));
    }
    let rows = page.items.iter().map(line).collect();
    let subject = principal.subject();
    let query = [
        ("state", params.state.as_deref()),
        ("stage", params.stage.as_deref()),
        ("year", params.year.as_deref()),
    ]
    .iter()
    .filter_map(|(k, v)| {
        v.filter(|v| !v.trim().is_empty())
            .map(|v| format!("&{k}={}", crate::page::encode_query_value(v.trim())))
    })
    .collect::<String>();
    let view = RegisterPage {
        page: PageContext::new(
            lang,
            format!("/funds/{}/requests", fund.id),
            lang.t("funds-register-title"),
        ),
        fund_id: fund.id.clone(),
        name: Localised::of(&fund.name, lang),
        page_count: page.page_count(),
        total: page.total,
        page_number: page.page,
        rows,
        state: params.state.clone().unwrap_or_default(),
        stage: params.stage.clone().unwrap_or_default(),
        year: params.year.clone().unwrap_or_default(),
        stages: Stage::ALL
            .into_iter()
            .filter(|s| *s != Stage::Draft)
            .map(|s| (s.slug(), stage_label(lang, s.slug())))
            .collect(),
        timeliness: figures,
        stage_names: Stage::ALL
            .into_iter()
            .map(|s| (s.slug(), stage_label(lang, s.slug())))
            .collect(),
        staff: subject.works_for_funds(),
        may_draft: subject.has(taawun_accounts::RoleKind::FocalPoint),
        query,
        own,
    };
    Ok(render(&view, StatusCode::OK))
}

/// A step form on the request's page.
pub struct StepForm {
    pub step: &'static str,
    pub label: String,
    pub outcomes: bool,
    pub reason: bool,
    pub amount: bool,
}

#[derive(Template)]
#[template(path = "fund_request.html")]
struct RequestPage {
    page: PageContext,
    fund_id: String,
    fund_name: Localised,
    view: RequestView,
    state_name: String,
    stage_label: String,
    type_label: String,
    crisis_label: Option<String>,
    stage_names: BTreeMap<&'static str, String>,
    role_names: BTreeMap<&'static str, String>,
    steps: Vec<StepForm>,
    csrf: String,
    error: Option<String>,
    may_edit: bool,
    currency: &'static str,
    outcomes: Vec<(&'static str, String)>,
    /// When each event happened, as the page writes times.
    event_times: Vec<String>,
    submitted: Option<String>,
    /// "from 10 January 2027 to 10 February 2027".
    timeline: Option<String>,
    consent_on: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn request_page(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    request: &RequestRecord,
    csrf: &CsrfToken,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(app, lang, &request.fund)?;
    let events = app
        .store
        .funds()
        .request_events(request.id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let roles = roles_of(principal, &request.state);
    let view = request_view(
        request,
        &events,
        sees_whole(principal, &request.state),
        &roles,
        fund.currency,
    );
    let steps = next_steps(request, &roles)
        .into_iter()
        .map(|s| StepForm {
            step: s.slug(),
            label: lang.t(&format!("funds-step-{}", s.slug())),
            outcomes: matches!(s, Step::Recommend(_) | Step::Decide(_)),
            reason: s.needs_reason() || matches!(s, Step::Recommend(_) | Step::Decide(_)),
            amount: matches!(s, Step::Decide(_) | Step::RecordDisbursement),
        })
        .collect();
    let page = RequestPage {
        page: PageContext::new(
            lang,
            format!("/funds/requests/{}", request.id),
            lang.t_args("funds-request-title", &[("id", request.id.into())]),
        ),
        fund_id: fund.id.clone(),
        fund_name: Localised::of(&fund.name, lang),
        state_name: state_name(lang, &request.state),
        stage_label: stage_label(lang, request.position.stage.slug()),
        type_label: lang.t(&format!("funds-type-{}", request.draft.request_type.slug())),
        crisis_label: request
            .draft
            .crisis
            .map(|c| lang.t(&format!("funds-crisis-{}", c.slug()))),
        stage_names: Stage::ALL
            .into_iter()
            .map(|s| (s.slug(), stage_label(lang, s.slug())))
            .collect(),
        role_names: Role::ALL
            .into_iter()
            .map(|r| (r.slug(), lang.t(&format!("funds-role-{}", r.slug()))))
            .collect(),
        steps,
        csrf: csrf.0.clone(),
        error,
        may_edit: roles.contains(&Role::StateFocalPoint)
            && matches!(
                request.position.stage,
                Stage::Draft | Stage::InformationRequested
            ),
        currency: fund.currency.code(),
        outcomes: outcomes(lang),
        event_times: events
            .iter()
            .map(|e| crate::format::unix_date_time(e.at))
            .collect(),
        submitted: request
            .submitted_at
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| crate::format::date(t.date_naive(), lang)),
        timeline: match (request.draft.starts, request.draft.ends) {
            (Some(s), Some(e)) => Some(lang.t_args(
                "funds-timeline-range",
                &[
                    ("starts", crate::format::date(s, lang).into()),
                    ("ends", crate::format::date(e, lang).into()),
                ],
            )),
            (Some(s), None) => Some(crate::format::date(s, lang)),
            _ => None,
        },
        consent_on: request
            .draft
            .consent
            .as_ref()
            .map(|c| crate::format::date(c.given_on, lang)),
        view,
    };
    Ok(render(&page, status))
}

pub async fn show_request(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let not_found = || HtmlError::not_found(lang, lang.t("funds-request-unknown"));
    let id: i64 = id.trim().parse().map_err(|_| not_found())?;
    let request = visible_request(&app, &principal, id)
        .await
        .map_err(|e| api_to_html(lang, e))?
        .ok_or_else(not_found)?;
    request_page(
        &app,
        lang,
        &principal,
        &request,
        &csrf,
        None,
        StatusCode::OK,
    )
    .await
}

/// The form's fields, read from the posted pairs: activities one per line, budget lines as
/// "item | amount" one per line, recommendation and action ids separated by commas or spaces.
fn draft_input(form: &[(String, String)]) -> Result<DraftInput, (String, String)> {
    let get = |k: &str| field(form, k).to_owned();
    let ids = |field: &str| -> Result<Vec<i64>, (String, String)> {
        get(field)
            .split(|c: char| c == ',' || c.is_whitespace() || c == '،')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<i64>().map_err(|_| {
                    (
                        field.to_owned(),
                        format!("{s:?} is not a number (ids separated by commas)"),
                    )
                })
            })
            .collect()
    };
    let mut budget = Vec::new();
    for (n, line) in get("budget").lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((item, amount)) = line.rsplit_once('|') else {
            return Err((
                "budget".into(),
                format!("line {}: write “item | amount”", n + 1),
            ));
        };
        budget.push(BudgetLineInput {
            item: item.trim().to_owned(),
            amount: amount.trim().to_owned(),
        });
    }
    let some = |v: String| (!v.is_empty()).then_some(v);
    Ok(DraftInput {
        request_type: get("request_type"),
        crisis: some(get("crisis")),
        purpose: get("purpose"),
        recommendations: ids("recommendations")?,
        plan_actions: ids("plan_actions")?,
        activities: get("activities")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        currency: some(get("currency").to_ascii_uppercase()),
        budget,
        starts: some(get("starts")),
        ends: some(get("ends")),
        priority: some(get("priority")),
        consent: Some(ConsentInput {
            given_by: get("consent_by"),
            given_on: get("consent_on"),
        }),
        publish: PublicationInput {
            purpose: !get("publish_purpose").is_empty(),
            activities: !get("publish_activities").is_empty(),
            budget_lines: !get("publish_budget").is_empty(),
            recommendations: !get("publish_recommendations").is_empty(),
        },
    })
}

#[derive(Template)]
#[template(path = "fund_request_form.html")]
struct FormPage {
    page: PageContext,
    fund_id: String,
    fund_name: Localised,
    action: String,
    /// The State the request is for, and whether it may be chosen (a new request of a focal
    /// point of several States).
    states: Vec<(String, String)>,
    state: String,
    version: i64,
    input: DraftInput,
    activities: String,
    budget: String,
    recommendations: String,
    plan_actions: String,
    types: Vec<(&'static str, String)>,
    crises: Vec<(&'static str, String)>,
    priorities: Vec<(&'static str, String)>,
    csrf: String,
    error: Option<(String, String)>,
}

fn focal_states(principal: &Principal) -> Vec<String> {
    principal
        .user
        .as_ref()
        .map(|u| {
            u.roles
                .iter()
                .filter(|r| r.kind == taawun_accounts::RoleKind::FocalPoint)
                .filter_map(|r| match &r.binding {
                    taawun_accounts::Binding::State(s) => Some(s.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    lang: Lang,
    fund: &Fund,
    action: String,
    states: Vec<String>,
    state: String,
    version: i64,
    input: DraftInput,
    csrf: &CsrfToken,
    error: Option<(String, String)>,
) -> Response {
    let join = |ids: &[i64]| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let page = FormPage {
        page: PageContext::new(lang, action.clone(), lang.t("funds-form-title")),
        fund_id: fund.id.clone(),
        fund_name: Localised::of(&fund.name, lang),
        action,
        states: states
            .iter()
            .map(|s| (s.clone(), state_name(lang, s)))
            .collect(),
        state,
        version,
        activities: input.activities.join("\n"),
        budget: input
            .budget
            .iter()
            .map(|l| format!("{} | {}", l.item, l.amount))
            .collect::<Vec<_>>()
            .join("\n"),
        recommendations: join(&input.recommendations),
        plan_actions: join(&input.plan_actions),
        types: fund
            .request_types
            .iter()
            .map(|t| (t.slug(), lang.t(&format!("funds-type-{}", t.slug()))))
            .collect(),
        crises: taawun_funds::CrisisKind::ALL
            .into_iter()
            .map(|c| (c.slug(), lang.t(&format!("funds-crisis-{}", c.slug()))))
            .collect(),
        priorities: taawun_funds::request::Priority::ALL
            .into_iter()
            .map(|p| (p.slug(), lang.t(&format!("funds-priority-{}", p.slug()))))
            .collect(),
        csrf: csrf.0.clone(),
        error,
        input,
    };
    let status = if page.error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render(&page, status)
}

pub async fn new_request(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(&app, lang, &id)?;
    let states = focal_states(&principal);
    if states.is_empty() {
        return Err(HtmlError::forbidden(lang));
    }
    let input = DraftInput {
        request_type: fund
            .request_types
            .first()
            .map_or(RequestType::UprImplementation, |t| *t)
            .slug()
            .into(),
        currency: Some(fund.currency.code().into()),
        ..Default::default()
    };
    let state = states[0].clone();
    Ok(form_page(
        lang,
        &fund,
        format!("/funds/{}/requests", fund.id),
        states,
        state,
        0,
        input,
        &csrf,
        None,
    ))
}

pub async fn create_request(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(&app, lang, &id)?;
    let states = focal_states(&principal);
    let state = field(&form, "state").to_ascii_uppercase();
    if !states.contains(&state) {
        return Err(HtmlError::forbidden(lang));
    }
    let action = format!("/funds/{}/requests", fund.id);
    let input = match draft_input(&form) {
        Ok(input) => input,
        Err(problem) => {
            return Ok(form_page(
                lang,
                &fund,
                action,
                states,
                state,
                0,
                DraftInput::default(),
                &csrf,
                Some(problem),
            ));
        }
    };
    let draft = match input.draft() {
        Ok(d) => d,
        Err(e) => {
            return Ok(form_page(
                lang,
                &fund,
                action,
                states,
                state,
                0,
                input,
                &csrf,
                Some((e.field, e.message)),
            ));
        }
    };
    match app
        .store
        .funds()
        .create_request(
            &principal.change_context(),
            &fund,
            &state,
            &draft,
            principal.subject().user_id(),
        )
        .await
    {
        Ok(created) => Ok(Redirect::to(&format!("/funds/requests/{}", created.id)).into_response()),
        Err(FundError::Invalid(m)) => Ok(form_page(
            lang,
            &fund,
            action,
            states,
            state,
            0,
            input,
            &csrf,
            Some(("request".into(), m)),
        )),
        Err(e) => Err(HtmlError::internal(lang, &e)),
    }
}

async fn own_request(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    id: &str,
) -> Result<(RequestRecord, Fund), HtmlError> {
    let not_found = || HtmlError::not_found(lang, lang.t("funds-request-unknown"));
    let id: i64 = id.trim().parse().map_err(|_| not_found())?;
    let request = visible_request(app, principal, id)
        .await
        .map_err(|e| api_to_html(lang, e))?
        .filter(|r| roles_of(principal, &r.state).contains(&Role::StateFocalPoint))
        .ok_or_else(not_found)?;
    let fund = fund_or_404(app, lang, &request.fund)?;
    Ok((request, fund))
}

pub async fn edit_request(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    let (request, fund) = own_request(&app, lang, &principal, &id).await?;
    Ok(form_page(
        lang,
        &fund,
        format!("/funds/requests/{}", request.id),
        vec![request.state.clone()],
        request.state.clone(),
        request.version,
        DraftInput::of(&request.draft),
        &csrf,
        None,
    ))
}

pub async fn update_request(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let (request, fund) = own_request(&app, lang, &principal, &id).await?;
    let action = format!("/funds/requests/{}", request.id);
    let version: i64 = field(&form, "version").parse().unwrap_or(0);
    let page = |input: DraftInput, problem: (String, String)| {
        form_page(
            lang,
            &fund,
            action.clone(),
            vec![request.state.clone()],
            request.state.clone(),
            version,
            input,
            &csrf,
            Some(problem),
        )
    };
    let input = match draft_input(&form) {
        Ok(input) => input,
        Err(problem) => return Ok(page(DraftInput::of(&request.draft), problem)),
    };
    let draft = match input.draft() {
        Ok(d) => d,
        Err(e) => return Ok(page(input, (e.field, e.message))),
    };
    match app
        .store
        .funds()
        .update_request(
            &principal.change_context(),
            request.id,
            version,
            &draft,
            principal.subject().user_id(),
        )
        .await
    {
        Ok(updated) => Ok(Redirect::to(&format!("/funds/requests/{}", updated.id)).into_response()),
        Err(e @ FundError::Conflict(_)) | Err(e @ FundError::Invalid(_)) => {
            Ok(page(input, ("version".into(), e.to_string())))
        }
        Err(e) => Err(HtmlError::internal(lang, &e)),
    }
}

pub async fn take_step(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let not_found = || HtmlError::not_found(lang, lang.t("funds-request-unknown"));
    let id: i64 = id.trim().parse().map_err(|_| not_found())?;
    let request = visible_request(&app, &principal, id)
        .await
        .map_err(|e| api_to_html(lang, e))?
        .ok_or_else(not_found)?;
    let fund = fund_or_404(&app, lang, &request.fund)?;
    let get = |k: &str| field(&form, k).to_owned();
    let asked = StepRequest {
        version: get("version").trim().parse().unwrap_or(0),
        step: get("step"),
        outcome: Some(get("outcome")).filter(|o| !o.trim().is_empty()),
        reason: get("reason"),
        conditions: get("conditions"),
        amount: Some(get("amount")).filter(|a| !a.trim().is_empty()),
    };
    let refused = match asked.step().and_then(|s| Ok((s, asked.amount(&fund)?))) {
        Ok(parsed) => Err(parsed),
        Err(e) => Ok(e.message),
    };
    let (step, amount) = match refused {
        Ok(message) => {
            return request_page(
                &app,
                lang,
                &principal,
                &request,
                &csrf,
                Some(message),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
        Err(parsed) => parsed,
    };
    let roles = roles_of(&principal, &request.state);
    let Some(role) = acting_role(&roles, step) else {
        return Err(HtmlError::forbidden(lang));
    };
    let input = StepInput {
        step,
        role,
        reason: asked.reason.clone(),
        conditions: asked.conditions.clone(),
        amount,
        actor: principal
            .user
            .as_ref()
            .map_or_else(String::new, |u| u.display_name.clone()),
    };
    match app
        .store
        .funds()
        .take_step(
            &principal.change_context(),
            &fund,
            request.id,
            asked.version,
            &input,
            principal.subject().user_id(),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/funds/requests/{}", request.id)).into_response()),
        Err(FundError::Store(e)) => Err(HtmlError::internal(lang, &e)),
        Err(e) => {
            request_page(
                &app,
                lang,
                &principal,
                &request,
                &csrf,
                Some(e.to_string()),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// A bar of a chart: its label, its figure, and its share of the longest bar (per cent).
pub struct Bar {
    pub label: String,
    pub figure: String,
    pub percent: u32,
    /// The share from non-traditional donors, in per cent, where the chart shows it.
    pub note: Option<String>,
}

fn bars(items: Vec<(String, i64, Option<String>)>, decimals: u32) -> Vec<Bar> {
    let max = items.iter().map(|(_, v, _)| *v).max().unwrap_or(0).max(1);
    items
        .into_iter()
        .map(|(label, value, note)| Bar {
            label,
            figure: taawun_funds::money::decimal_minor(value, decimals),
            percent: u32::try_from(
                (i128::from(value.max(0)) * 100 / i128::from(max)).clamp(0, 100),
            )
            .unwrap_or(0),
            note,
        })
        .collect()
}

/// A chart of the ledger page.
pub struct Chart {
    pub title: String,
    pub id: &'static str,
    pub bars: Vec<Bar>,
}

#[derive(Template)]
#[template(path = "fund_ledger.html")]
struct LedgerPage {
    page: PageContext,
    fund_id: String,
    name: Localised,
    balances: BalancesView,
    charts: Vec<Chart>,
    entries: Vec<EntryView>,
    total: u64,
    page_number: u32,
    page_count: u32,
    donors: Vec<(i64, String, bool)>,
    secretariat: bool,
    csrf: String,
    demonstration: bool,
}

pub async fn ledger(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    Query(params): Query<LedgerParams>,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(&app, lang, &id)?;
    let paging: Paging = paging(params.page.as_deref(), params.per_page.as_deref())
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let internal = |e: taawun_store::StoreError| HtmlError::internal(lang, &e);
    let figures = super::ledger_api::figures(&app, &fund)
        .await
        .map_err(internal)?;
    let balances = &figures.balances;
    let donors = &figures.donors;
    let page = super::ledger_api::entries_page(&app, &fund, paging)
        .await
        .map_err(internal)?;
    let decimals = fund.currency.decimals();
    let years = &figures.income;
    let income_years = bars(
        years
            .iter()
            .map(|y| {
                (
                    y.year.to_string(),
                    y.total_minor,
                    y.non_traditional_share.map(|s| {
                        lang.t_args(
                            "funds-ledger-non-traditional-share",
                            &[("percent", format!("{:.0}", s * 100.0).into())],
                        )
                    }),
                )
            })
            .collect(),
        decimals,
    );
    let mut per_donor: BTreeMap<i64, i64> = BTreeMap::new();
    for y in years {
        for (d, v) in &y.by_donor {
            *per_donor.entry(*d).or_default() += v;
        }
    }
    let mut per_donor: Vec<(i64, i64)> = per_donor.into_iter().collect();
    per_donor.sort_by_key(|b| std::cmp::Reverse(b.1));
    let top_donors = bars(
        per_donor
            .iter()
            .take(12)
            .map(|(d, v)| {
                let donor = donors.iter().find(|x| x.id == *d);
                (
                    donor.map_or_else(|| d.to_string(), |x| x.name.clone()),
                    *v,
                    donor
                        .filter(|x| x.non_traditional)
                        .map(|_| lang.t("funds-ledger-non-traditional")),
                )
            })
            .collect(),
        decimals,
    );
    let states = &figures.paid_by_state;
    let mut regions: BTreeMap<String, i64> = BTreeMap::new();
    for (state, v) in states {
        let group = taawun_states::by_iso3(state)
            .and_then(|s| s.regional_group)
            .map_or_else(
                || lang.t("funds-ledger-no-group"),
                |g| lang.t(&format!("group-{}", g.slug())),
            );
        *regions.entry(group).or_default() += v;
    }
    let by_state = bars(
        states
            .iter()
            .take(15)
            .map(|(s, v)| (state_name(lang, s), *v, None))
            .collect(),
        decimals,
    );
    let by_region = bars(
        regions.into_iter().map(|(g, v)| (g, v, None)).collect(),
        decimals,
    );
    let view = LedgerPage {
        page: PageContext::new(
            lang,
            format!("/funds/{}/ledger", fund.id),
            lang.t("funds-ledger-title"),
        ),
        fund_id: fund.id.clone(),
        name: Localised::of(&fund.name, lang),
        balances: BalancesView::of(balances, &fund),
        charts: vec![
            Chart {
                title: lang.t("funds-chart-income"),
                id: "chart-income",
                bars: income_years,
            },
            Chart {
                title: lang.t("funds-chart-donors"),
                id: "chart-donors",
                bars: top_donors,
            },
            Chart {
                title: lang.t("funds-chart-states"),
                id: "chart-states",
                bars: by_state,
            },
            Chart {
                title: lang.t("funds-chart-regions"),
                id: "chart-regions",
                bars: by_region,
            },
        ],
        entries: page.items.iter().map(|e| EntryView::of(e, &fund)).collect(),
        total: page.total,
        page_number: page.page,
        page_count: page.page_count(),
        donors: donors
            .iter()
            .map(|d| (d.id, d.name.clone(), d.non_traditional))
            .collect(),
        secretariat: principal.subject().is_secretariat(),
        csrf: csrf.0.clone(),
        demonstration: figures.demonstration,
    };
    Ok(render(&view, StatusCode::OK))
}

pub async fn create_entry(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let fund = fund_or_404(&app, lang, &id)?;
    let get = |k: &str| Some(field(&form, k).to_owned()).filter(|v| !v.is_empty());
    let body = NewEntryBody {
        kind: get("kind").unwrap_or_default(),
        date: get("date").unwrap_or_default(),
        memo: get("memo").unwrap_or_default(),
        donor: get("donor").and_then(|d| d.parse().ok()),
        amount: get("amount"),
        paid: get("paid"),
        paid_currency: get("paid_currency"),
        rate: get("rate"),
        rate_date: get("rate_date"),
        earmark: get("earmark"),
        reverses: get("reverses").and_then(|d| d.parse().ok()),
    };
    let entry = body.entry(&fund).map_err(|e| api_to_html(lang, e))?;
    let date = chrono::NaiveDate::parse_from_str(&body.date, "%Y-%m-%d").map_err(|_| {
        HtmlError::bad_request(lang, format!("date: {:?} is not YYYY-MM-DD", body.date))
    })?;
    if body.memo.is_empty() {
        return Err(HtmlError::bad_request(
            lang,
            "memo: say what the entry is for".into(),
        ));
    }
    app.store
        .funds()
        .record_entry(
            &principal.change_context(),
            &fund,
            date,
            &entry,
            &body.memo,
            body.earmark.as_deref(),
            principal.subject().user_id(),
        )
        .await
        .map_err(|e| match e {
            FundError::Store(e) => HtmlError::internal(lang, &e),
            other => HtmlError::bad_request(lang, other.to_string()),
        })?;
    Ok(Redirect::to(&format!("/funds/{}/ledger", fund.id)).into_response())
}

pub async fn create_donor(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let get = |k: &str| field(&form, k).to_owned();
    let kind = DonorKind::parse(&get("kind")).ok_or_else(|| {
        HtmlError::bad_request(lang, "kind: state, organisation or private".into())
    })?;
    let state = Some(get("state").to_ascii_uppercase()).filter(|s| !s.is_empty());
    if let Some(s) = &state
        && taawun_states::by_iso3(s).is_none()
    {
        return Err(HtmlError::bad_request(
            lang,
            format!("state: {s:?} is not a State's ISO3 code"),
        ));
    }
    app.store
        .funds()
        .add_donor(
            &principal.change_context(),
            &NewDonor {
                name: get("name"),
                kind,
                state,
                non_traditional: !get("non_traditional").is_empty(),
            },
        )
        .await
        .map_err(|e| match e {
            FundError::Store(e) => HtmlError::internal(lang, &e),
            other => HtmlError::bad_request(lang, other.to_string()),
        })?;
    let back = get("back");
    let back = if back.starts_with("/funds/") && !back.starts_with("//") {
        back
    } else {
        "/funds".to_owned()
    };
    Ok(Redirect::to(&back).into_response())
}

/// Outcomes as the step forms list them.
pub fn outcomes(lang: Lang) -> Vec<(&'static str, String)> {
    Outcome::ALL
        .into_iter()
        .map(|o| (o.slug(), lang.t(&format!("funds-outcome-{}", o.slug()))))
        .collect()
}
