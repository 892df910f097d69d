//! Recorded votes: a State's voting record and the agreement between two States, as API.
//! (The vote of one resolution is served with the resolution: `/api/v1/resolutions/{symbol}/votes`.)

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use taawun_store::{StateVoteRecord, VoteFilter};
use taawun_votes::{Definition, VoteChoice};

use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::{InvalidParameter, paging};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/states/{iso3}/votes", get(state_votes))
        .route("/api/v1/votes/agreement", get(agreement))
}

fn param<'a>(params: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    params.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// `2024` (the whole year) or `2024-07-10`, as the first or last day it stands for.
fn date_bound(
    params: &HashMap<String, String>,
    key: &'static str,
    end: bool,
) -> Result<Option<String>, InvalidParameter> {
    let Some(raw) = param(params, key) else {
        return Ok(None);
    };
    if raw.len() == 4
        && let Ok(year) = raw.parse::<i32>()
    {
        return Ok(Some(if end {
            format!("{year}-12-31")
        } else {
            format!("{year}-01-01")
        }));
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(|d| Some(d.to_string()))
        .map_err(|_| {
            InvalidParameter::new(
                key,
                format!("{key} must be a year (2024) or a date (2024-07-10), not {raw:?}"),
            )
        })
}

fn vote_filter(params: &HashMap<String, String>) -> Result<VoteFilter, InvalidParameter> {
    let body = match param(params, "body") {
        None => None,
        Some(b @ ("hrc" | "unga")) => Some(b.to_owned()),
        Some(other) => {
            return Err(InvalidParameter::new(
                "body",
                format!("unknown body {other:?}; use hrc or unga"),
            ));
        }
    };
    Ok(VoteFilter {
        body,
        from: date_bound(params, "from", false)?,
        to: date_bound(params, "to", true)?,
    })
}

fn known_state(
    iso3: &str,
    parameter: &'static str,
) -> Result<&'static taawun_states::State, ApiError> {
    taawun_states::by_iso3(iso3.trim()).ok_or_else(|| match parameter {
        "iso3" => ApiError::not_found(format!("no State has the code {iso3:?}")),
        _ => ApiError::invalid(parameter, format!("no State has the code {iso3:?}")),
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StateVotePage {
    pub state: String,
    pub items: Vec<StateVoteRecord>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/votes",
    tag = "votes",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code"),
        ("body" = Option<String>, Query, description = "hrc or unga"),
        ("from" = Option<String>, Query, description = "A year (2015) or a date (2015-06-30), inclusive"),
        ("to" = Option<String>, Query, description = "A year or a date, inclusive"),
        ("page" = Option<u32>, Query, description = "1-based page"),
        ("per_page" = Option<u32>, Query, description = "1 to 500 (default 50)"),
    ),
    responses(
        (status = 200, description = "The State's votes, newest first", body = StateVotePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
        (status = 404, description = "No State has this code", body = ApiErrorBody),
    )
)]
pub async fn state_votes(
    State(app): State<AppState>,
    Path(iso3): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<StateVotePage>, ApiError> {
    let state = known_state(&iso3, "iso3")?;
    let filter = vote_filter(&params)?;
    let paging = paging(param(&params, "page"), param(&params, "per_page"))?;
    let page = app.store.state_votes(state.iso3, &filter, paging).await?;
    let pages = page.page_count();
    Ok(Json(StateVotePage {
        state: state.iso3.to_owned(),
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    }))
}

/// The agreement of two States.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementAnswer {
    pub a: String,
    pub b: String,
    pub body: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// `identical` (same vote among yes/no/abstain where both took part), `yes-no` (only roll
    /// calls where both voted yes or no) or `half-abstain` (Lijphart's index: an abstention
    /// against yes or no counts half).
    pub definition: &'static str,
    /// From 0 to 1; null when the two States share no roll call under this definition.
    pub agreement: Option<f64>,
    /// The roll calls the score rests on.
    pub votes_counted: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/votes/agreement",
    tag = "votes",
    params(
        ("a" = String, Query, description = "ISO3 code of the first State"),
        ("b" = String, Query, description = "ISO3 code of the second State"),
        ("body" = Option<String>, Query, description = "hrc or unga"),
        ("from" = Option<String>, Query, description = "A year or a date, inclusive"),
        ("to" = Option<String>, Query, description = "A year or a date, inclusive"),
        ("definition" = Option<String>, Query, description = "identical (default), yes-no or half-abstain"),
    ),
    responses(
        (status = 200, description = "The agreement and the number of votes it rests on", body = AgreementAnswer),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn agreement(
    State(app): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<AgreementAnswer>, ApiError> {
    let a = known_state(
        param(&params, "a")
            .ok_or_else(|| ApiError::invalid("a", "give the first State: ?a=ISO3"))?,
        "a",
    )?;
    let b = known_state(
        param(&params, "b")
            .ok_or_else(|| ApiError::invalid("b", "give the second State: &b=ISO3"))?,
        "b",
    )?;
    let (definition, name) = match param(&params, "definition") {
        None | Some("identical") => (Definition::IdenticalVotes, "identical"),
        Some("yes-no") => (Definition::YesNoOnly, "yes-no"),
        Some("half-abstain") => (Definition::HalfAbstain, "half-abstain"),
        Some(other) => {
            return Err(ApiError::invalid(
                "definition",
                format!("unknown definition {other:?}; use identical, yes-no or half-abstain"),
            ));
        }
    };
    let filter = vote_filter(&params)?;
    let pairs = app.store.pair_votes(a.iso3, b.iso3, &filter).await?;
    // A two-State matrix over the shared roll calls: the analytics crate owns the definitions.
    let ids: Vec<String> = (0..pairs.len()).map(|i| i.to_string()).collect();
    let choice = |slug: &str| VoteChoice::from_slug(slug).unwrap_or(VoteChoice::Absent);
    let rows = pairs.iter().zip(&ids).flat_map(|((ca, cb), id)| {
        [
            (id.as_str(), a.iso3, choice(ca)),
            (id.as_str(), b.iso3, choice(cb)),
        ]
    });
    let score = if a.iso3 == b.iso3 {
        None
    } else {
        let matrix = taawun_votes::VoteMatrix::from_rows(rows);
        taawun_votes::agreement_of(&matrix, a.iso3, b.iso3, definition)
    };
    Ok(Json(AgreementAnswer {
        a: a.iso3.to_owned(),
        b: b.iso3.to_owned(),
        body: filter.body,
        from: filter.from,
        to: filter.to,
        definition: name,
        agreement: score.and_then(|s| s.value),
        votes_counted: score.map_or(0, |s| s.votes_counted),
    }))
}
