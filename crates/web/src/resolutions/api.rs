//! `/api/v1/resolutions…` and `/api/v1/mandates`.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taawun_store::{ResolutionSummary, VersionInfo};

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
    pub items: Vec<crate::council::api::MandateView>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
    /// The day the statuses were read for (YYYY-MM-DD): a mandate is late once the session it
    /// was due at has closed.
    pub today: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/mandates",
    tag = "resolutions",
    params(MandateParams, PagingParams),
    responses(
        (status = 200, description = "Mandates given by the registry's resolutions, soonest due first, each with its due session's days and its outputs; `format=csv` gives the same rows as a CSV file", body = MandatePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_mandates(
    State(app): State<AppState>,
    Params(params): Params<MandateParams>,
    Params(paging): Params<PagingParams>,
) -> Result<axum::response::Response, ApiError> {
    let today = crate::council::Today::read(&app).await?;
    let mut filter = params.filter()?;
    filter.last_closed = today.last_closed;
    let csv = match params.format.as_deref().map(str::trim) {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::invalid(
                "format",
                format!("format must be json or csv, not {other:?}"),
            ));
        }
    };
    let paging = if csv {
        // The file holds every mandate the filter selects.
        taawun_store::Paging {
            page: 1,
            per_page: u32::MAX / 2,
        }
    } else {
        paging.paging()?
    };
    let page = app.store.list_mandates(&filter, paging).await?;
    let pages = page.page_count();
    let items = crate::council::api::mandate_views(&app, &today, page.items).await?;
    if csv {
        let rows = items.iter().map(|m| {
            let delivered = m
                .outputs
                .iter()
                .filter(|o| o.state == "delivered")
                .map(|o| {
                    format!(
                        "{} {}",
                        o.document_symbol.as_deref().unwrap_or(o.kind),
                        o.delivered_on.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                m.record.symbol.clone(),
                m.record.paragraph.to_string(),
                m.record.addressee.clone(),
                m.record.action.clone(),
                m.record.output.clone().unwrap_or_default(),
                m.record
                    .due_session
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                m.due
                    .as_ref()
                    .map(|d| d.opening.clone())
                    .unwrap_or_default(),
                m.due
                    .as_ref()
                    .map(|d| d.closing.clone())
                    .unwrap_or_default(),
                m.record.status.clone(),
                m.outputs.len().to_string(),
                delivered,
                m.record.discontinued_reason.clone().unwrap_or_default(),
            ]
        });
        return crate::download::csv_response(
            &crate::download::file_name(
                "mandates",
                &[
                    filter.status.map(|s| s.slug()),
                    filter.addressee.as_deref(),
                    filter.due_session.map(|n| n.to_string()).as_deref(),
                ],
            ),
            &[
                "symbol",
                "paragraph",
                "addressee",
                "action",
                "output",
                "due_session",
                "due_opening",
                "due_closing",
                "status",
                "outputs",
                "delivered",
                "discontinued_reason",
            ],
            rows,
        );
    }
    Ok(Json(MandatePage {
        items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
        today: today.today.to_string(),
    })
    .into_response())
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
