//! `/api/v1/upr/…` and `/api/v1/sdg/…`: the same records as the pages, as JSON (and the
//! recommendation listing as CSV).

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taawun_store::upr::{
    PledgeRecord, RecommendationFilter, RecommendationRecord, ResponseCounts, SdgFramework,
    SdgGoalRecord, SdgIndicatorRecord, SdgLink, SdgTargetRecord, SourceRef, StateReview,
};
use taawun_store::{Paging, StoreError};

use super::query::{Format, FormatParams, RecommendationParams};
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::PagingParams;
use crate::params::Params;

/// Whether this principal sees how records were made (files, lines, who linked what).
pub fn sees_provenance(principal: &Principal) -> bool {
    taawun_policy::decide(
        principal.subject(),
        taawun_policy::Action::Read,
        &taawun_policy::Resource::Provenance,
    )
    .is_allowed()
}

/// A recommendation as the API gives it: the record, with the kinds of source that hold it;
/// the sources' files and lines, and the accounts that linked SDGs, for the secretariat only.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecommendationView {
    pub id: i64,
    /// ISO3 of the State under review.
    pub reviewed: String,
    pub session: u32,
    pub cycle: u8,
    pub paragraph: Option<String>,
    /// The text, in English as the sources give it.
    pub text: String,
    /// ISO3 codes of the recommending States.
    pub recommending: Vec<String>,
    /// supported, noted, or null when no source records a response.
    pub response: Option<taawun_store::upr::Response>,
    /// UPR Info's action category, 1 (minimal) to 5 (specific).
    #[schema(value_type = Option<u8>)]
    pub action: Option<taawun_store::upr::ActionCategory>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub sdgs: Vec<SdgLink>,
    pub assessment: Option<String>,
    /// The kinds of source that hold it (`upr-info`, `ohchr`).
    pub source_kinds: Vec<String>,
    /// Files and lines (the secretariat's and administrators' view only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceRef>>,
}

pub fn source_kinds(sources: &[SourceRef]) -> Vec<String> {
    let mut kinds: Vec<String> = Vec::new();
    for s in sources {
        if !kinds.contains(&s.kind) {
            kinds.push(s.kind.clone());
        }
    }
    kinds
}

impl RecommendationView {
    pub fn new(record: RecommendationRecord, staff: bool) -> RecommendationView {
        RecommendationView {
            source_kinds: source_kinds(&record.sources),
            sources: staff.then(|| record.sources.clone()),
            sdgs: record
                .sdgs
                .into_iter()
                .map(|l| SdgLink {
                    added_by: if staff { l.added_by } else { None },
                    ..l
                })
                .collect(),
            id: record.id,
            reviewed: record.reviewed,
            session: record.session,
            cycle: record.cycle,
            paragraph: record.paragraph,
            text: record.text,
            recommending: record.recommending,
            response: record.response,
            action: record.action,
            themes: record.themes,
            groups: record.groups,
            assessment: record.assessment,
        }
    }
}

/// A page of recommendations, with the counts of the whole filtered list by response.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecommendationPageView {
    pub items: Vec<RecommendationView>,
    /// Recommendations matching the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
    pub responses: ResponseCounts,
}

/// Every recommendation of a filter, read page by page (for a download).
pub async fn all_of(
    app: &AppState,
    filter: &RecommendationFilter,
) -> Result<Vec<RecommendationRecord>, StoreError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let paging = Paging {
            page,
            per_page: Paging::MAX_PER_PAGE,
        };
        let answer = app.store.upr().list_recommendations(filter, paging).await?;
        let done = answer.page.items.len() < paging.per_page as usize;
        all.extend(answer.page.items);
        if done || all.len() as u64 >= answer.page.total {
            return Ok(all);
        }
        page += 1;
    }
}

/// The CSV columns of a recommendation.
pub const CSV_HEADER: [&str; 14] = [
    "id",
    "reviewed",
    "session",
    "cycle",
    "paragraph",
    "text",
    "recommending",
    "response",
    "action",
    "themes",
    "groups",
    "sdgs",
    "assessment",
    "source_kinds",
];

/// The columns a spreadsheet should treat as numbers.
const NUMERIC_COLUMNS: [&str; 4] = ["id", "session", "cycle", "action"];

fn csv_row(r: &RecommendationRecord) -> Vec<String> {
    use crate::download::opt;
    vec![
        r.id.to_string(),
        r.reviewed.clone(),
        r.session.to_string(),
        r.cycle.to_string(),
        r.paragraph.clone().unwrap_or_default(),
        r.text.clone(),
        r.recommending.join(";"),
        super::response_slug(r.response).to_owned(),
        opt(r.action.map(|a| a.number())),
        r.themes.join(";"),
        r.groups.join(";"),
        r.sdgs
            .iter()
            .map(|l| l.sdg.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        r.assessment.clone().unwrap_or_default(),
        source_kinds(&r.sources).join(";"),
    ]
}

#[utoipa::path(
    get,
    path = "/api/v1/upr/recommendations",
    tag = "upr",
    params(RecommendationParams, PagingParams, FormatParams),
    responses(
        (status = 200, description = "A page of recommendations with the counts of the whole filter by response; with format=csv or format=xlsx, every matching recommendation", body = RecommendationPageView),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_recommendations(
    State(app): State<AppState>,
    principal: Principal,
    Params(params): Params<RecommendationParams>,
    Params(paging): Params<PagingParams>,
    Params(format): Params<FormatParams>,
) -> Result<Response, ApiError> {
    let filter = params.filter()?;
    let paging = paging.paging()?;
    let format = format.format()?;
    if format != Format::Json {
        let records = all_of(&app, &filter).await?;
        let stem = crate::download::file_stem(
            "upr-recommendations",
            &super::query::filter_pairs(&filter)
                .iter()
                .map(|(_, v)| Some(v.as_str()))
                .collect::<Vec<_>>(),
        );
        let rows = records.iter().map(csv_row);
        return if format == Format::Xlsx {
            crate::download::xlsx_response(
                &format!("{stem}.xlsx"),
                "Recommendations",
                &CSV_HEADER,
                &NUMERIC_COLUMNS,
                rows,
            )
        } else {
            crate::download::csv_response(&format!("{stem}.csv"), &CSV_HEADER, rows)
        };
    }
    let staff = sees_provenance(&principal);
    let answer = super::figures::list(&app, &filter, paging).await?;
    let pages = answer.page.page_count();
    Ok(Json(RecommendationPageView {
        total: answer.page.total,
        page: answer.page.page,
        per_page: answer.page.per_page,
        pages,
        responses: answer.responses,
        items: answer
            .page
            .items
            .iter()
            .cloned()
            .map(|r| RecommendationView::new(r, staff))
            .collect(),
    })
    .into_response())
}

/// The id of a path, or an error naming it.
pub fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

#[utoipa::path(
    get,
    path = "/api/v1/upr/recommendations/{id}",
    tag = "upr",
    params(("id" = i64, Path, description = "The recommendation's id")),
    responses(
        (status = 200, description = "The recommendation", body = RecommendationView),
        (status = 404, description = "No recommendation has this id", body = ApiErrorBody),
    )
)]
pub async fn get_recommendation(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<RecommendationView>, ApiError> {
    let not_found = || ApiError::not_found(format!("no recommendation has the id {id:?}"));
    let number = parse_id(&id).ok_or_else(not_found)?;
    let record = app
        .store
        .upr()
        .get_recommendation(number)
        .await?
        .ok_or_else(not_found)?;
    Ok(Json(RecommendationView::new(
        record,
        sees_provenance(&principal),
    )))
}

/// A State's review: as State under review and as recommending State, and its pledges.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StateReviewView {
    pub iso3: String,
    #[serde(flatten)]
    pub review: StateReview,
    pub pledges: Vec<PledgeRecord>,
}

#[utoipa::path(
    get,
    path = "/api/v1/upr/states/{iso3}",
    tag = "upr",
    params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code (case-insensitive)")),
    responses(
        (status = 200, description = "The State's review figures and voluntary pledges", body = StateReviewView),
        (status = 404, description = "No State has this code", body = ApiErrorBody),
    )
)]
pub async fn state_review(
    State(app): State<AppState>,
    Path(iso3): Path<String>,
) -> Result<Json<StateReviewView>, ApiError> {
    let state = taawun_states::by_iso3(iso3.trim())
        .ok_or_else(|| ApiError::not_found(format!("no State has the code {iso3:?}")))?;
    let figures = super::figures::state_figures(&app, state.iso3).await?;
    Ok(Json(StateReviewView {
        iso3: state.iso3.to_owned(),
        review: figures.review.clone(),
        pledges: figures.pledges.clone(),
    }))
}

/// The SDG goals in the six languages.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalsView {
    pub goals: Vec<SdgGoalRecord>,
}

#[utoipa::path(
    get,
    path = "/api/v1/sdg/goals",
    tag = "upr",
    responses(
        (status = 200, description = "The 17 goals with their titles in the six languages (empty when the framework is not imported)", body = GoalsView),
    )
)]
pub async fn sdg_goals(State(app): State<AppState>) -> Result<Json<GoalsView>, ApiError> {
    let framework = app.store.upr().sdg_framework().await?;
    Ok(Json(GoalsView {
        goals: framework.goals,
    }))
}

/// A target with its indicators.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TargetView {
    #[serde(flatten)]
    pub target: SdgTargetRecord,
    pub indicators: Vec<SdgIndicatorRecord>,
}

/// The target of a code in the framework, with its indicators.
pub fn target_of(framework: &SdgFramework, code: &str) -> Option<TargetView> {
    let target = framework.targets.iter().find(|t| t.code == code)?.clone();
    let indicators = framework
        .indicators
        .iter()
        .filter(|i| i.target == code)
        .cloned()
        .collect();
    Some(TargetView { target, indicators })
}

#[utoipa::path(
    get,
    path = "/api/v1/sdg/targets/{sdg}",
    tag = "upr",
    params(("sdg" = String, Path, description = "A target's code: 16.3, 4.a")),
    responses(
        (status = 200, description = "The target with its titles in the six languages and its indicators", body = TargetView),
        (status = 404, description = "No target has this code; the message names it", body = ApiErrorBody),
    )
)]
pub async fn sdg_target(
    State(app): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<TargetView>, ApiError> {
    let not_found = || ApiError::not_found(format!("no SDG target has the code {code:?}"));
    let normal = super::query::sdg_code(&code).ok_or_else(not_found)?;
    let framework = super::figures::sdg_framework(&app).await?;
    target_of(&framework, &normal)
        .map(Json)
        .ok_or_else(not_found)
}
