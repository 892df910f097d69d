//! The plan's pages: the overview, creating a plan, publication, clusters and membership, an
//! action's page with its forms, and the owner's list of due actions on the account page.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taawun_plans::{ActionDraft, IndicatorDraft, MAX_INDICATORS, Problem, Progress, Status};
use taawun_policy::{Action, Decision, Owner, Resource, decide};
use taawun_store::plans::{
    ActionFields, ActionRecord, ClusterKind, NewPlan, PlanError, PlanRecord,
};
use taawun_store::upr::{RecommendationFilter, RecommendationRecord};
use taawun_store::{Paging, UserFilter};

use super::{decision, plan_for, state_code, state_name};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, NoFields, Principal};
use crate::error::HtmlError;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub fn plan_href(iso3: &str) -> String {
    format!("/upr/states/{iso3}/plan")
}

pub fn action_href(iso3: &str, id: i64) -> String {
    format!("/upr/states/{iso3}/plan/actions/{id}")
}

fn not_found(lang: Lang) -> Response {
    HtmlError::not_found(lang, lang.t("plan-not-found")).into_response()
}

fn internal(lang: Lang, e: &impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "plan page failed");
    HtmlError::with_status(
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        lang.t("error-internal"),
    )
    .into_response()
}

pub fn status_label(lang: Lang, status: Status) -> String {
    lang.t(&format!("plan-status-{}", status.slug()))
}

/// "3 of 7 actions implemented (42 %)".
fn progress_summary(lang: Lang, progress: &Progress) -> String {
    lang.t_args(
        "plan-progress",
        &[
            ("implemented", progress.implemented.into()),
            ("total", progress.total().into()),
            ("percent", progress.percent_implemented().into()),
        ],
    )
}

/// Every recommendation the State received in `cycle` (all cycles when `None`).
pub(super) async fn recommendations_of(
    app: &AppState,
    iso3: &str,
    cycle: Option<u8>,
) -> Result<Vec<RecommendationRecord>, taawun_store::StoreError> {
    let filter = RecommendationFilter {
        reviewed: Some(iso3.to_owned()),
        cycle,
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut page = 1;
    loop {
        let batch = app
            .store
            .upr()
            .list_recommendations(
                &filter,
                Paging {
                    page,
                    per_page: Paging::MAX_PER_PAGE,
                },
            )
            .await?;
        let pages = batch.page.page_count();
        out.extend(batch.page.items);
        if page >= pages {
            return Ok(out);
        }
        page += 1;
    }
}

/// A recommendation as the plan's pages list it.
pub struct RecView {
    pub id: i64,
    pub label: String,
    pub text: String,
    pub checked: bool,
}

fn rec_view(r: &RecommendationRecord, checked: bool) -> RecView {
    RecView {
        id: r.id,
        label: r.paragraph.clone().unwrap_or_else(|| format!("#{}", r.id)),
        text: r.text.clone(),
        checked,
    }
}

pub struct ActionRow {
    pub href: String,
    pub title: String,
    pub lead: String,
    pub due: String,
    pub status_slug: &'static str,
    pub status_label: String,
}

pub struct ClusterView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub summary: String,
    pub percent: u32,
    pub recommendations: Vec<RecView>,
    pub actions: Vec<ActionRow>,
    pub new_action_href: String,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    page: PageContext,
    csrf: String,
    iso3: String,
    state_name: String,
    has_plan: bool,
    cycle: u8,
    published: bool,
    published_at: String,
    summary: String,
    percent: u32,
    counts: Vec<(String, u32)>,
    clusters: Vec<ClusterView>,
    may_create: bool,
    may_edit: bool,
    may_publish: bool,
    json_href: String,
}

fn may_publish(principal: &Principal, iso3: &str) -> bool {
    decide(
        principal.subject(),
        Action::Update,
        &Resource::PlanPublication {
            owner: Owner::State(iso3.to_owned()),
        },
    )
    .is_allowed()
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(iso3): Path<String>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = super::pages::plan_href(&iso3);
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Read, &path).await {
        Ok(plan) => plan,
        Err(refusal) => return refusal,
    };
    let may_create = decision(&principal, Action::Create, &iso3, None) == Decision::Allow;
    let name = state_name(lang, &iso3);
    let mut view = PlanPage {
        page: PageContext::new(
            lang,
            path.clone(),
            lang.t_args("plan-title", &[("state", name.clone().into())]),
        ),
        csrf: csrf.0.clone(),
        iso3: iso3.clone(),
        state_name: name,
        has_plan: plan.is_some(),
        cycle: 0,
        published: false,
        published_at: String::new(),
        summary: String::new(),
        percent: 0,
        counts: Vec::new(),
        clusters: Vec::new(),
        may_create,
        may_edit: false,
        may_publish: false,
        json_href: format!("/api/v1/upr/states/{iso3}/plan"),
    };
    let Some(plan) = plan else {
        // No plan: only those who may make one learn that; the others get the 404 every
        // unpublished plan gives them.
        if !may_create {
            return not_found(lang);
        }
        return render(&view, StatusCode::OK);
    };
    let recommendations = match recommendations_of(&app, &iso3, Some(plan.cycle)).await {
        Ok(r) => r,
        Err(e) => return internal(lang, &e),
    };
    let by_id: HashMap<i64, &RecommendationRecord> =
        recommendations.iter().map(|r| (r.id, r)).collect();
    let overall = Progress::of(plan.actions.iter().map(|a| a.status));
    view.cycle = plan.cycle;
    view.published = plan.published;
    view.published_at = plan
        .published_at
        .map(crate::format::unix_date_time)
        .unwrap_or_default();
    view.summary = progress_summary(lang, &overall);
    view.percent = overall.percent_implemented();
    view.counts = Status::ALL
        .into_iter()
        .map(|s| (status_label(lang, s), overall.count(s)))
        .collect();
    view.may_edit = decision(&principal, Action::Update, &iso3, Some(&plan)) == Decision::Allow;
    view.may_publish = may_publish(&principal, &iso3);
    view.clusters = plan
        .clusters
        .iter()
        .map(|c| {
            let actions: Vec<&ActionRecord> = plan
                .actions
                .iter()
                .filter(|a| a.cluster_id == c.id)
                .collect();
            let progress = Progress::of(actions.iter().map(|a| a.status));
            ClusterView {
                id: c.id,
                name: c.name.clone(),
                kind: lang.t(&format!("plan-cluster-kind-{}", c.kind.slug())),
                summary: progress_summary(lang, &progress),
                percent: progress.percent_implemented(),
                recommendations: c
                    .recommendations
                    .iter()
                    .filter_map(|id| by_id.get(id).map(|r| rec_view(r, false)))
                    .collect(),
                actions: actions
                    .iter()
                    .map(|a| ActionRow {
                        href: action_href(&iso3, a.id),
                        title: a.title.clone(),
                        lead: a.lead_institution.clone(),
                        due: a.due_date.clone().unwrap_or_default(),
                        status_slug: a.status.slug(),
                        status_label: status_label(lang, a.status),
                    })
                    .collect(),
                new_action_href: format!("/upr/states/{iso3}/plan/actions/new?cluster={}", c.id),
            }
        })
        .collect();
    render(&view, StatusCode::OK)
}

pub async fn create(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(iso3): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = plan_href(&iso3);
    let existing = match plan_for(&app, lang, &principal, &iso3, Action::Create, &path).await {
        Ok(plan) => plan,
        Err(refusal) => return refusal,
    };
    let all = match recommendations_of(&app, &iso3, None).await {
        Ok(r) => r,
        Err(e) => return internal(lang, &e),
    };
    // The current cycle: the newest the State has recommendations of.
    let cycle = all
        .iter()
        .map(|r| r.cycle)
        .max()
        .unwrap_or(taawun_plans::CURRENT_CYCLE);
    if existing.as_ref().is_some_and(|p| p.cycle >= cycle) {
        return Redirect::to(&path).into_response();
    }
    let themed: Vec<(i64, Vec<String>)> = all
        .iter()
        .filter(|r| r.cycle == cycle)
        .map(|r| (r.id, r.themes.clone()))
        .collect();
    let clusters = taawun_plans::suggest_clusters(&themed)
        .into_iter()
        .map(|c| {
            (
                c.name.unwrap_or_else(|| lang.t("plan-cluster-unthemed")),
                ClusterKind::Theme,
                c.recommendations,
            )
        })
        .collect();
    let user = principal.user.as_ref().map(|u| u.id);
    match app
        .store
        .plans()
        .create_plan(
            &principal.change_context(),
            &NewPlan {
                state: iso3.clone(),
                cycle,
                clusters,
            },
            user,
        )
        .await
    {
        Ok(_) | Err(PlanError::Duplicate(_)) => Redirect::to(&path).into_response(),
        Err(e) => internal(lang, &e),
    }
}

#[derive(Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    published: String,
}

pub async fn publication(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(iso3): Path<String>,
    CsrfForm(form): CsrfForm<PublicationForm>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = plan_href(&iso3);
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Update, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(lang),
        Err(refusal) => return refusal,
    };
    if !may_publish(&principal, &iso3) {
        return HtmlError::forbidden(lang).into_response();
    }
    match app
        .store
        .plans()
        .set_published(&principal.change_context(), plan.id, form.published == "1")
        .await
    {
        Ok(_) => Redirect::to(&path).into_response(),
        Err(e) => internal(lang, &e),
    }
}

pub struct MemberRow {
    pub rec: RecView,
    pub options: Vec<OptionView>,
}

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "plan_clusters.html")]
struct ClustersPage {
    page: PageContext,
    csrf: String,
    iso3: String,
    plan_href: String,
    rows: Vec<MemberRow>,
    name: String,
    problem: Option<String>,
}

async fn clusters_page(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    iso3: &str,
    plan: &PlanRecord,
    (name, problem): (String, Option<String>),
    status: StatusCode,
) -> Response {
    let recommendations = match recommendations_of(app, iso3, Some(plan.cycle)).await {
        Ok(r) => r,
        Err(e) => return internal(lang, &e),
    };
    let member_of: HashMap<i64, i64> = plan
        .clusters
        .iter()
        .flat_map(|c| c.recommendations.iter().map(move |r| (*r, c.id)))
        .collect();
    let rows = recommendations
        .iter()
        .map(|r| {
            let current = member_of.get(&r.id).copied();
            let mut options = vec![OptionView {
                value: String::new(),
                label: lang.t("plan-cluster-none"),
                selected: current.is_none(),
            }];
            options.extend(plan.clusters.iter().map(|c| OptionView {
                value: c.id.to_string(),
                label: c.name.clone(),
                selected: current == Some(c.id),
            }));
            MemberRow {
                rec: rec_view(r, false),
                options,
            }
        })
        .collect();
    let name_of_state = state_name(lang, iso3);
    let view = ClustersPage {
        page: PageContext::new(
            lang,
            format!("/upr/states/{iso3}/plan/clusters"),
            lang.t_args("plan-clusters-title", &[("state", name_of_state.into())]),
        ),
        csrf: csrf.0.clone(),
        iso3: iso3.to_owned(),
        plan_href: plan_href(iso3),
        rows,
        name,
        problem,
    };
    render(&view, status)
}

pub async fn clusters(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(iso3): Path<String>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = format!("/upr/states/{iso3}/plan/clusters");
    match plan_for(&app, lang, &principal, &iso3, Action::Update, &path).await {
        Ok(Some(plan)) => {
            clusters_page(
                &app,
                lang,
                &csrf,
                &iso3,
                &plan,
                (String::new(), None),
                StatusCode::OK,
            )
            .await
        }
        Ok(None) => not_found(lang),
        Err(refusal) => refusal,
    }
}

#[derive(Deserialize)]
pub struct ClusterForm {
    #[serde(default)]
    name: String,
}

pub async fn add_cluster(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(iso3): Path<String>,
    CsrfForm(form): CsrfForm<ClusterForm>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = format!("/upr/states/{iso3}/plan/clusters");
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Update, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(lang),
        Err(refusal) => return refusal,
    };
    let name = form.name.trim().to_owned();
    let problem = if name.is_empty() {
        Some("required")
    } else if name.chars().count() > 200 {
        Some("too-long")
    } else {
        None
    };
    if let Some(code) = problem {
        let message = problem_message(lang, &Problem::new("name", code));
        return clusters_page(
            &app,
            lang,
            &csrf,
            &iso3,
            &plan,
            (name, Some(message)),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    match app
        .store
        .plans()
        .add_cluster(
            &principal.change_context(),
            plan.id,
            &name,
            ClusterKind::Own,
        )
        .await
    {
        Ok(_) => Redirect::to(&path).into_response(),
        Err(PlanError::Duplicate(_)) => {
            let message = lang.t("plan-cluster-exists");
            clusters_page(
                &app,
                lang,
                &csrf,
                &iso3,
                &plan,
                (name, Some(message)),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => internal(lang, &e),
    }
}

pub async fn membership(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path(iso3): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = format!("/upr/states/{iso3}/plan/clusters");
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Update, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(lang),
        Err(refusal) => return refusal,
    };
    let mut assignments = Vec::new();
    for (key, value) in &form {
        let Some(id) = key.strip_prefix('r').and_then(|id| id.parse::<i64>().ok()) else {
            continue;
        };
        let cluster = match value.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(c) => Some(c),
                Err(_) => {
                    return HtmlError::bad_request(lang, lang.t("error-form")).into_response();
                }
            },
        };
        assignments.push((id, cluster));
    }
    assignments.sort_unstable();
    match app
        .store
        .plans()
        .set_membership(&principal.change_context(), plan.id, &assignments)
        .await
    {
        Ok(_) => Redirect::to(&plan_href(&iso3)).into_response(),
        Err(PlanError::Invalid(m)) => {
            tracing::info!(message = %m, "membership refused");
            HtmlError::bad_request(lang, lang.t("error-form")).into_response()
        }
        Err(e) => internal(lang, &e),
    }
}

/// The label of a form field, for problem messages.
pub fn field_label(lang: Lang, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("indicator_")
        && let Some((n, part)) = rest.split_once('_')
    {
        return lang.t_args(
            &format!("plan-field-indicator-{part}"),
            &[("n", n.to_owned().into())],
        );
    }
    lang.t(&format!("plan-field-{}", field.replace('_', "-")))
}

/// "Due date: the due date is before the start date."
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    lang.t_args(
        &format!("plan-problem-{}", problem.code),
        &[("field", field_label(lang, &problem.field).into())],
    )
}

pub struct IndicatorRow {
    pub n: usize,
    pub name: String,
    pub baseline: String,
    pub target: String,
}

/// The action form's values, as stored or as submitted.
pub struct FormValues {
    pub title: String,
    pub lead_institution: String,
    pub partners: String,
    pub start_date: String,
    pub due_date: String,
    pub budget_amount: String,
    pub budget_currency: String,
    pub indicators: Vec<IndicatorRow>,
    pub cluster: Option<i64>,
    pub owner: Option<i64>,
    pub recommendations: Vec<i64>,
    /// The version the form edits.
    pub version: i64,
}

impl FormValues {
    fn empty(cluster: Option<i64>, owner: Option<i64>) -> FormValues {
        FormValues {
            title: String::new(),
            lead_institution: String::new(),
            partners: String::new(),
            start_date: String::new(),
            due_date: String::new(),
            budget_amount: String::new(),
            budget_currency: String::new(),
            indicators: Vec::new(),
            cluster,
            owner,
            recommendations: Vec::new(),
            version: 0,
        }
    }

    pub(super) fn of(action: &ActionRecord) -> FormValues {
        FormValues {
            title: action.title.clone(),
            lead_institution: action.lead_institution.clone(),
            partners: action.partners.clone().unwrap_or_default(),
            start_date: action.start_date.clone().unwrap_or_default(),
            due_date: action.due_date.clone().unwrap_or_default(),
            budget_amount: action
                .budget_hundredths
                .map(taawun_plans::format_amount)
                .unwrap_or_default(),
            budget_currency: action.budget_currency.clone().unwrap_or_default(),
            indicators: action
                .indicators
                .iter()
                .enumerate()
                .map(|(i, x)| IndicatorRow {
                    n: i + 1,
                    name: x.name.clone(),
                    baseline: x.baseline.clone(),
                    target: x.target.clone(),
                })
                .collect(),
            cluster: Some(action.cluster_id),
            owner: action.owner_user_id,
            recommendations: action.recommendations.clone(),
            version: action.version,
        }
    }

    /// Reads a submitted form.
    fn parse(form: &HashMap<String, String>) -> FormValues {
        let get = |k: &str| form.get(k).cloned().unwrap_or_default();
        let number = |k: &str| form.get(k).and_then(|v| v.trim().parse::<i64>().ok());
        let mut recommendations: Vec<i64> = form
            .keys()
            .filter_map(|k| k.strip_prefix("rec_").and_then(|id| id.parse().ok()))
            .collect();
        recommendations.sort_unstable();
        FormValues {
            title: get("title"),
            lead_institution: get("lead_institution"),
            partners: get("partners"),
            start_date: get("start_date"),
            due_date: get("due_date"),
            budget_amount: get("budget_amount"),
            budget_currency: get("budget_currency"),
            indicators: (1..=MAX_INDICATORS + 1)
                .map(|n| IndicatorRow {
                    n,
                    name: get(&format!("indicator_{n}_name")),
                    baseline: get(&format!("indicator_{n}_baseline")),
                    target: get(&format!("indicator_{n}_target")),
                })
                .filter(|i| {
                    !(i.name.trim().is_empty()
                        && i.baseline.trim().is_empty()
                        && i.target.trim().is_empty())
                })
                .collect(),
            cluster: number("cluster"),
            owner: number("owner"),
            recommendations,
            version: number("version").unwrap_or(0),
        }
    }

    fn draft(&self) -> ActionDraft {
        ActionDraft {
            title: self.title.clone(),
            lead_institution: self.lead_institution.clone(),
            partners: self.partners.clone(),
            start_date: self.start_date.clone(),
            due_date: self.due_date.clone(),
            indicators: self
                .indicators
                .iter()
                .map(|i| IndicatorDraft {
                    name: i.name.clone(),
                    baseline: i.baseline.clone(),
                    target: i.target.clone(),
                })
                .collect(),
            budget_amount: self.budget_amount.clone(),
            budget_currency: self.budget_currency.clone(),
        }
    }

    /// The indicator rows the form shows: the filled ones and empty ones up to three (one more
    /// than filled, at most the limit).
    fn rows(&self) -> Vec<IndicatorRow> {
        let shown = (self.indicators.len() + 1).clamp(3, MAX_INDICATORS);
        (0..shown)
            .map(|i| match self.indicators.get(i) {
                Some(row) => IndicatorRow {
                    n: i + 1,
                    name: row.name.clone(),
                    baseline: row.baseline.clone(),
                    target: row.target.clone(),
                },
                None => IndicatorRow {
                    n: i + 1,
                    name: String::new(),
                    baseline: String::new(),
                    target: String::new(),
                },
            })
            .collect()
    }
}

/// Another person's version, shown beside the kept changes.
pub struct ConflictView {
    pub message: String,
    pub fields: Vec<(String, String)>,
}

pub struct HistoryRow {
    pub at: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub link: String,
    pub evidence_href: String,
    pub evidence_name: String,
    pub evidence_size: String,
}

#[derive(Template)]
#[template(path = "plan_action.html")]
pub struct ActionPage {
    pub page: PageContext,
    pub csrf: String,
    pub iso3: String,
    pub state_name: String,
    pub plan_href: String,
    pub heading: String,
    /// The action shown (none on the new-action form).
    pub details: Option<Vec<(String, String)>>,
    pub status_slug: &'static str,
    pub status_label: String,
    pub indicators: Vec<IndicatorRow>,
    pub linked: Vec<RecView>,
    pub may_edit: bool,
    pub form_action: String,
    pub status_action: String,
    pub values: FormValues,
    pub indicator_rows: Vec<IndicatorRow>,
    pub clusters: Vec<OptionView>,
    pub owners: Vec<OptionView>,
    pub candidates: Vec<RecView>,
    pub problems: Vec<String>,
    pub invalid: Vec<String>,
    pub conflict: Option<ConflictView>,
    pub statuses: Vec<OptionView>,
    pub status_problems: Vec<String>,
    pub status_invalid: Vec<String>,
    pub note: String,
    pub link: String,
    pub history: Vec<HistoryRow>,
    pub max_file_mib: usize,
}

impl ActionPage {
    pub fn bad(&self, field: &str) -> bool {
        self.invalid.iter().any(|f| f == field)
    }

    pub fn status_bad(&self, field: &str) -> bool {
        self.status_invalid.iter().any(|f| f == field)
    }
}

/// The accounts that may own an action of the State: its focal points, and the user.
async fn owner_choices(
    app: &AppState,
    lang: Lang,
    iso3: &str,
    principal: &Principal,
    selected: Option<i64>,
) -> Vec<OptionView> {
    let mut people: BTreeMap<i64, String> = BTreeMap::new();
    if let Ok(page) = app
        .store
        .accounts()
        .list_users(
            &UserFilter {
                text: None,
                role: Some("focal-point".into()),
            },
            Paging {
                page: 1,
                per_page: Paging::MAX_PER_PAGE,
            },
        )
        .await
    {
        for user in page.items {
            let of_state = user.roles.iter().any(|r| {
                r.kind == taawun_accounts::RoleKind::FocalPoint
                    && r.binding == taawun_accounts::Binding::State(iso3.to_owned())
            });
            if of_state && !user.disabled {
                people.insert(user.id, user.display_name.clone());
            }
        }
    }
    if let Some(user) = &principal.user {
        people.insert(user.id, user.display_name.clone());
    }
    if let Some(id) = selected {
        people.entry(id).or_insert_with(|| format!("#{id}"));
    }
    let mut options = vec![OptionView {
        value: String::new(),
        label: lang.t("plan-owner-none"),
        selected: selected.is_none(),
    }];
    options.extend(people.into_iter().map(|(id, name)| OptionView {
        value: id.to_string(),
        label: name,
        selected: selected == Some(id),
    }));
    options
}

/// What the action page needs besides the action: the plan's recommendations and clusters.
pub struct PageInput<'a> {
    pub iso3: &'a str,
    pub plan: &'a PlanRecord,
    pub action: Option<&'a ActionRecord>,
    pub values: FormValues,
    pub problems: Vec<Problem>,
    pub conflict: Option<&'a ActionRecord>,
    pub status_problems: Vec<Problem>,
    pub note: String,
    pub link: String,
}

pub async fn action_page(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    csrf: &CsrfToken,
    input: PageInput<'_>,
    status: StatusCode,
) -> Response {
    let PageInput {
        iso3,
        plan,
        action,
        values,
        problems,
        conflict,
        status_problems,
        note,
        link,
    } = input;
    let recommendations = match recommendations_of(app, iso3, Some(plan.cycle)).await {
        Ok(r) => r,
        Err(e) => return internal(lang, &e),
    };
    let history = match action {
        Some(a) => match app.store.plans().status_changes(a.id).await {
            Ok(h) => h,
            Err(e) => return internal(lang, &e),
        },
        None => Vec::new(),
    };
    let may_edit = decision(principal, Action::Update, iso3, Some(plan)) == Decision::Allow;
    let cluster_name = |id: i64| {
        plan.clusters
            .iter()
            .find(|c| c.id == id)
            .map_or_else(String::new, |c| c.name.clone())
    };
    let budget = |a: &ActionRecord| match (a.budget_hundredths, &a.budget_currency) {
        (Some(amount), Some(currency)) => {
            format!("{} {currency}", taawun_plans::format_amount(amount))
        }
        _ => String::new(),
    };
    let describe = |a: &ActionRecord| -> Vec<(String, String)> {
        vec![
            (lang.t("plan-field-cluster"), cluster_name(a.cluster_id)),
            (
                lang.t("plan-field-lead-institution"),
                a.lead_institution.clone(),
            ),
            (
                lang.t("plan-field-partners"),
                a.partners.clone().unwrap_or_default(),
            ),
            (
                lang.t("plan-field-start-date"),
                a.start_date.clone().unwrap_or_default(),
            ),
            (
                lang.t("plan-field-due-date"),
                a.due_date.clone().unwrap_or_default(),
            ),
            (lang.t("plan-field-budget-amount"), budget(a)),
            (lang.t("plan-field-status"), status_label(lang, a.status)),
        ]
    };
    let name = state_name(lang, iso3);
    let heading = action.map_or_else(|| lang.t("plan-action-new"), |a| a.title.clone());
    let path = action.map_or_else(
        || format!("/upr/states/{iso3}/plan/actions/new"),
        |a| action_href(iso3, a.id),
    );
    let in_cluster: Vec<i64> = values
        .cluster
        .and_then(|c| plan.clusters.iter().find(|x| x.id == c))
        .map(|c| c.recommendations.clone())
        .unwrap_or_default();
    let candidates = recommendations
        .iter()
        .filter(|r| in_cluster.contains(&r.id) || values.recommendations.contains(&r.id))
        .map(|r| rec_view(r, values.recommendations.contains(&r.id)))
        .collect();
    let linked = action.map_or_else(Vec::new, |a| {
        recommendations
            .iter()
            .filter(|r| a.recommendations.contains(&r.id))
            .map(|r| rec_view(r, true))
            .collect()
    });
    let current_status = action.map_or(Status::NotStarted, |a| a.status);
    let view = ActionPage {
        page: PageContext::new(lang, path.clone(), heading.clone()),
        csrf: csrf.0.clone(),
        iso3: iso3.to_owned(),
        state_name: name,
        plan_href: plan_href(iso3),
        heading,
        details: action.map(describe),
        status_slug: current_status.slug(),
        status_label: status_label(lang, current_status),
        indicators: action.map_or_else(Vec::new, |a| FormValues::of(a).indicators),
        linked,
        may_edit,
        form_action: action.map_or_else(
            || format!("/upr/states/{iso3}/plan/actions"),
            |a| action_href(iso3, a.id),
        ),
        status_action: action.map_or_else(String::new, |a| {
            format!("{}/status", action_href(iso3, a.id))
        }),
        indicator_rows: values.rows(),
        clusters: plan
            .clusters
            .iter()
            .map(|c| OptionView {
                value: c.id.to_string(),
                label: c.name.clone(),
                selected: values.cluster == Some(c.id),
            })
            .collect(),
        owners: owner_choices(app, lang, iso3, principal, values.owner).await,
        candidates,
        invalid: problems.iter().map(|p| p.field.clone()).collect(),
        problems: problems.iter().map(|p| problem_message(lang, p)).collect(),
        conflict: conflict.map(|theirs| ConflictView {
            message: lang.t_args(
                "plan-conflict",
                &[
                    (
                        "date",
                        crate::format::unix_date_time(theirs.updated_at).into(),
                    ),
                    ("version", theirs.version.into()),
                ],
            ),
            fields: {
                let mut f = vec![(lang.t("plan-field-title"), theirs.title.clone())];
                f.extend(describe(theirs));
                f
            },
        }),
        statuses: Status::ALL
            .into_iter()
            .map(|s| OptionView {
                value: s.slug().to_owned(),
                label: status_label(lang, s),
                selected: s == current_status,
            })
            .collect(),
        status_invalid: status_problems.iter().map(|p| p.field.clone()).collect(),
        status_problems: status_problems
            .iter()
            .map(|p| problem_message(lang, p))
            .collect(),
        note,
        link,
        history: history
            .into_iter()
            .map(|h| HistoryRow {
                at: crate::format::unix_date_time(h.changed_at),
                from: status_label(lang, h.from),
                to: status_label(lang, h.to),
                note: h.note.unwrap_or_default(),
                link: h.link.unwrap_or_default(),
                evidence_href: h.evidence.as_ref().map_or_else(String::new, |e| {
                    format!("/upr/states/{iso3}/plan/evidence/{}", e.id)
                }),
                evidence_name: h
                    .evidence
                    .as_ref()
                    .map_or_else(String::new, |e| e.name.clone()),
                evidence_size: h.evidence.as_ref().map_or_else(String::new, |e| {
                    lang.t_args(
                        "plan-evidence-size",
                        &[("kib", ((e.size + 1023) / 1024).into())],
                    )
                }),
            })
            .collect(),
        values,
        max_file_mib: taawun_plans::MAX_EVIDENCE_BYTES / (1024 * 1024),
    };
    render(&view, status)
}

fn parse_id(id: &str) -> Option<i64> {
    id.parse::<i64>().ok().filter(|id| *id > 0)
}

/// The plan and one of its actions, read for `action` (404 when either is missing or the
/// action is another plan's).
pub async fn plan_and_action(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    iso3: &str,
    id: &str,
    action: Action,
) -> Result<(PlanRecord, ActionRecord), Response> {
    let path = format!("/upr/states/{iso3}/plan/actions/{id}");
    let plan = plan_for(app, lang, principal, iso3, action, &path)
        .await?
        .ok_or_else(|| not_found(lang))?;
    let id = parse_id(id).ok_or_else(|| not_found(lang))?;
    let record = app
        .store
        .plans()
        .get_action(id)
        .await
        .map_err(|e| internal(lang, &e))?
        .filter(|a| a.plan_id == plan.id)
        .ok_or_else(|| not_found(lang))?;
    Ok((plan, record))
}

pub async fn action(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path((iso3, id)): Path<(String, String)>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let (plan, record) =
        match plan_and_action(&app, lang, &principal, &iso3, &id, Action::Read).await {
            Ok(found) => found,
            Err(refusal) => return refusal,
        };
    let input = PageInput {
        iso3: &iso3,
        plan: &plan,
        action: Some(&record),
        values: FormValues::of(&record),
        problems: Vec::new(),
        conflict: None,
        status_problems: Vec::new(),
        note: String::new(),
        link: String::new(),
    };
    action_page(&app, lang, &principal, &csrf, input, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct NewActionQuery {
    cluster: Option<String>,
}

pub async fn new_action(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(iso3): Path<String>,
    Query(query): Query<NewActionQuery>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = format!("/upr/states/{iso3}/plan/actions/new");
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Create, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(lang),
        Err(refusal) => return refusal,
    };
    let cluster = query
        .cluster
        .and_then(|c| c.parse::<i64>().ok())
        .or_else(|| plan.clusters.first().map(|c| c.id));
    let owner = principal.user.as_ref().map(|u| u.id);
    let input = PageInput {
        iso3: &iso3,
        plan: &plan,
        action: None,
        values: FormValues::empty(cluster, owner),
        problems: Vec::new(),
        conflict: None,
        status_problems: Vec::new(),
        note: String::new(),
        link: String::new(),
    };
    action_page(&app, lang, &principal, &csrf, input, StatusCode::OK).await
}

/// The submitted action checked: its fields for the store, or every problem.
fn checked(values: &FormValues) -> Result<ActionFields, Vec<Problem>> {
    let mut problems = match taawun_plans::validate_action(&values.draft()) {
        Ok(input) => {
            if let Some(cluster) = values.cluster {
                return Ok(ActionFields {
                    cluster_id: cluster,
                    input,
                    owner_user_id: values.owner,
                    recommendations: values.recommendations.clone(),
                });
            }
            Vec::new()
        }
        Err(problems) => problems,
    };
    if values.cluster.is_none() {
        problems.push(Problem::new("cluster", "required"));
    }
    Err(problems)
}

pub async fn create_action(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(iso3): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let path = format!("/upr/states/{iso3}/plan/actions");
    let plan = match plan_for(&app, lang, &principal, &iso3, Action::Create, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(lang),
        Err(refusal) => return refusal,
    };
    let values = FormValues::parse(&form);
    let problems = match checked(&values) {
        Ok(fields) => {
            let by = principal.user.as_ref().map(|u| u.id);
            match app
                .store
                .plans()
                .create_action(&principal.change_context(), plan.id, &fields, by)
                .await
            {
                Ok(created) => {
                    return Redirect::to(&action_href(&iso3, created.id)).into_response();
                }
                Err(PlanError::Invalid(m)) => {
                    tracing::info!(message = %m, "action refused");
                    vec![Problem::new("cluster", "invalid")]
                }
                Err(e) => return internal(lang, &e),
            }
        }
        Err(problems) => problems,
    };
    let input = PageInput {
        iso3: &iso3,
        plan: &plan,
        action: None,
        values,
        problems,
        conflict: None,
        status_problems: Vec::new(),
        note: String::new(),
        link: String::new(),
    };
    action_page(
        &app,
        lang,
        &principal,
        &csrf,
        input,
        StatusCode::BAD_REQUEST,
    )
    .await
}

pub async fn update_action(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path((iso3, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return not_found(lang);
    };
    let (plan, record) =
        match plan_and_action(&app, lang, &principal, &iso3, &id, Action::Update).await {
            Ok(found) => found,
            Err(refusal) => return refusal,
        };
    let values = FormValues::parse(&form);
    let mut conflict = None;
    let (problems, status) = match checked(&values) {
        Ok(fields) => {
            let by = principal.user.as_ref().map(|u| u.id);
            match app
                .store
                .plans()
                .update_action(
                    &principal.change_context(),
                    record.id,
                    values.version,
                    &fields,
                    by,
                )
                .await
            {
                Ok(saved) => {
                    return Redirect::to(&action_href(&iso3, saved.id)).into_response();
                }
                Err(PlanError::Conflict(current)) => {
                    conflict = Some(*current);
                    (Vec::new(), StatusCode::CONFLICT)
                }
                Err(PlanError::Invalid(m)) => {
                    tracing::info!(message = %m, "action refused");
                    (
                        vec![Problem::new("cluster", "invalid")],
                        StatusCode::BAD_REQUEST,
                    )
                }
                Err(e) => return internal(lang, &e),
            }
        }
        Err(problems) => (problems, StatusCode::BAD_REQUEST),
    };
    let mut values = values;
    // Saving again after a conflict is made from the version now shown.
    let shown = conflict.as_ref().unwrap_or(&record);
    values.version = shown.version;
    let input = PageInput {
        iso3: &iso3,
        plan: &plan,
        action: Some(shown),
        values,
        problems,
        conflict: conflict.as_ref(),
        status_problems: Vec::new(),
        note: String::new(),
        link: String::new(),
    };
    action_page(&app, lang, &principal, &csrf, input, status).await
}

/// One of the owner's actions, on their account page.
pub struct DueRow {
    pub href: String,
    pub title: String,
    pub state: String,
    pub due: String,
    pub when: String,
    pub overdue: bool,
}

/// The user's open actions that are overdue or due within 30 days, overdue first.
pub async fn owner_dashboard(app: &AppState, lang: Lang, user_id: i64) -> Vec<DueRow> {
    let owned = match app.store.plans().open_actions_of(user_id).await {
        Ok(owned) => owned,
        Err(error) => {
            tracing::warn!(%error, "the owner's actions could not be read");
            return Vec::new();
        }
    };
    let today = taawun_plans::today();
    let mut rows: Vec<(i64, DueRow)> = owned
        .into_iter()
        .filter_map(|o| {
            let due = taawun_plans::parse_date(o.action.due_date.as_deref()?)?;
            let kind = taawun_plans::reminder_kind(today, due, o.action.status)?;
            let days = (due - today).num_days();
            let overdue = kind == taawun_plans::ReminderKind::Overdue;
            let when = if overdue {
                lang.t_args("plan-overdue-days", &[("days", (-days).into())])
            } else {
                lang.t_args("plan-due-in-days", &[("days", days.into())])
            };
            Some((
                days,
                DueRow {
                    href: action_href(&o.state, o.action.id),
                    title: o.action.title,
                    state: state_name(lang, &o.state),
                    due: o.action.due_date.unwrap_or_default(),
                    when,
                    overdue,
                },
            ))
        })
        .collect();
    rows.sort_by_key(|(days, _)| *days);
    rows.into_iter().map(|(_, row)| row).collect()
}
