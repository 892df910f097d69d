//! `/api/v1/resolutions…` and `/api/v1/mandates`.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taawun_store::{MandateRecord, ResolutionSummary, VersionInfo};

use super::query::{MandateParams, ResolutionParams};
use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::PagingParams;
use crate::params::Params;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResolutionPage {
    pub items: Vec<ResolutionSummary>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/resolutions",
    tag = "resolutions",
    params(ResolutionParams, PagingParams),
    responses(
        (status = 200, description = "A page of resolutions", body = ResolutionPage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_resolutions(
    State(app): State<AppState>,
    Params(filter): Params<ResolutionParams>,
    Params(paging): Params<PagingParams>,
) -> Result<Json<ResolutionPage>, ApiError> {
    let page = super::listing::page(&app, &filter.filter()?, paging.paging()?).await?;
    let pages = page.page_count();
    Ok(Json(ResolutionPage {
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    }))
}

/// A registry record: when the text is held, the parsed record (the same JSON as `taawun parse
/// resolution --json`), its version history, and the records that cite it; when the symbol is
/// known only from the voting records, `symbol` and `has_text: false`. Its recorded votes are
/// at `…/votes`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ResolutionDetail<'a> {
    /// The parsed record: symbol, body, session, agenda_item, language, adoption_date,
    /// distribution_date, meeting, title, preambular, operative, footnotes, references, vote,
    /// mandates, warnings. Absent when the registry holds no text.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub record: Option<&'a taawun_documents::Resolution>,
    /// Given here only when there is no text (the record carries it otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<&'a str>,
    pub has_text: bool,
    /// How many roll calls the voting records hold on this symbol.
    pub roll_calls: usize,
    /// 0 when there is no text.
    pub current_version: u32,
    /// Every imported text of this symbol, newest first.
    pub history: &'a [VersionInfo],
    /// Resolutions in the registry that cite this one.
    pub cited_by: &'a [ResolutionSummary],
}

#[utoipa::path(
    get,
    path = "/api/v1/resolutions/{symbol}",
    tag = "resolutions",
    params(("symbol" = String, Path, description = "The UN symbol, URL-encoded (A%2FHRC%2FRES%2F56%2F2) or as path segments")),
    responses(
        (status = 200, description = "The resolution", body = ResolutionDetail),
        (status = 404, description = "The registry has no resolution with this symbol", body = ApiErrorBody),
    )
)]
pub async fn get_resolution(
    State(app): State<AppState>,
    Path(symbol): Path<String>,
) -> Result<Response, ApiError> {
    let symbol = symbol.trim().trim_matches('/').to_owned();
    // Symbols hold slashes, so one wildcard route serves both `{symbol}` and `{symbol}/votes`.
    if let Some(symbol) = symbol.strip_suffix("/votes") {
        return resolution_votes(app, symbol).await;
    }
    let Some(bundle) = super::bundle(&app, &symbol).await? else {
        return Err(ApiError::not_found(format!(
            "the registry has no resolution {symbol:?}"
        )));
    };
    let stored = bundle.stored.as_ref();
    Ok(Json(ResolutionDetail {
        record: stored.map(|s| &s.record),
        symbol: stored.is_none().then_some(bundle.symbol.as_str()),
        has_text: stored.is_some(),
        roll_calls: bundle.recorded_votes.len(),
        current_version: stored.map_or(0, |s| s.current_version),
        history: stored.map_or(&[], |s| &s.history),
        cited_by: &bundle.cited_by,
    })
    .into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MandatePage {
    pub items: Vec<MandateRecord>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/mandates",
    tag = "resolutions",
    params(MandateParams, PagingParams),
    responses(
        (status = 200, description = "Mandates given by the registry's resolutions, soonest due first", body = MandatePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_mandates(
    State(app): State<AppState>,
    Params(filter): Params<MandateParams>,
    Params(paging): Params<PagingParams>,
) -> Result<Json<MandatePage>, ApiError> {
    let page = app
        .store
        .list_mandates(&filter.filter()?, paging.paging()?)
        .await?;
    let pages = page.page_count();
    Ok(Json(MandatePage {
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    }))
}

/// The recorded votes of a symbol, from the voting records.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ResolutionVotes {
    pub symbol: String,
    /// The roll calls recorded for this symbol in the imported voting records (usually one).
    pub roll_calls: Vec<taawun_store::RollCallVotes>,
}

#[utoipa::path(
    get,
    path = "/api/v1/resolutions/{symbol}/votes",
    tag = "votes",
    params(("symbol" = String, Path, description = "The UN symbol, URL-encoded or as path segments")),
    responses(
        (status = 200, description = "Every State's vote on the symbol, from the imported voting records", body = ResolutionVotes),
        (status = 404, description = "No voting record and no registry record has this symbol", body = ApiErrorBody),
    )
)]
// Axum serves this path through `get_resolution`'s wildcard (a symbol holds slashes); this
// function exists so that the OpenAPI document describes the path on its own.
#[allow(dead_code)]
pub async fn get_resolution_votes(
    State(app): State<AppState>,
    Path(symbol): Path<String>,
) -> Result<Response, ApiError> {
    resolution_votes(app, symbol.trim().trim_matches('/')).await
}

async fn resolution_votes(app: AppState, symbol: &str) -> Result<Response, ApiError> {
    let roll_calls = app.store.votes_for_symbol(symbol).await?;
    if roll_calls.is_empty() && super::bundle(&app, symbol).await?.is_none() {
        return Err(ApiError::not_found(format!(
            "no voting record and no resolution has the symbol {symbol:?}"
        )));
    }
    Ok(Json(ResolutionVotes {
        symbol: symbol.to_owned(),
        roll_calls,
    })
    .into_response())
}
