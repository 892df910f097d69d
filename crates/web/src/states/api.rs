//! `/api/v1/states…`: the same data as the pages, as JSON.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Serialize;
use taawun_states::Resolution;
use taawun_store::StateRecord;

use super::query;
use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};
use crate::i18n::Lang;

/// A page of States.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StatePage {
    pub items: Vec<StateRecord>,
    /// States matching the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/states",
    tag = "states",
    params(
        ("group" = Option<String>, Query, description = "Regional group: african, asia-pacific, eastern-european, latin-american-caribbean, western-european-others"),
        ("status" = Option<String>, Query, description = "member, observer, territory or historic"),
        ("q" = Option<String>, Query, description = "Part of a name or alias, in any of the six languages (Arabic folded: article, hamza, diacritics)"),
        ("sort" = Option<String>, Query, description = "name (default), iso3 or m49"),
        ("order" = Option<String>, Query, description = "asc (default) or desc"),
        ("lang" = Option<String>, Query, description = "Language whose names the name sort uses (default: the negotiated interface language)"),
        ("page" = Option<u32>, Query, description = "1-based page (default 1)"),
        ("per_page" = Option<u32>, Query, description = "1 to 500 (default 50)"),
    ),
    responses(
        (status = 200, description = "A page of States", body = StatePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_states(
    State(app): State<AppState>,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<StatePage>, ApiError> {
    let query = query::parse(&params, lang)?;
    let page = app.store.list_states(&query.filter, query.paging).await?;
    let pages = page.page_count();
    Ok(Json(StatePage {
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}",
    tag = "states",
    params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code (case-insensitive)")),
    responses(
        (status = 200, description = "The State", body = StateRecord),
        (status = 404, description = "No State has this code", body = ApiErrorBody),
    )
)]
pub async fn get_state(
    State(app): State<AppState>,
    Path(iso3): Path<String>,
) -> Result<Json<StateRecord>, ApiError> {
    let code = iso3.trim().to_ascii_uppercase();
    match app.store.get_state(&code).await? {
        Some(state) => Ok(Json(state)),
        None => Err(ApiError::not_found(format!(
            "no State has the code {iso3:?}"
        ))),
    }
}

#[derive(serde::Deserialize)]
pub struct ResolveQuery {
    name: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/states/resolve",
    tag = "states",
    params(("name" = String, Query, description = "A State's name as a document writes it, in any of the six languages")),
    responses(
        (status = 200, description = "The resolution: `iso3` and `match` are null when the name is unknown or ambiguous; `candidates` lists the States it might mean", body = Resolution),
        (status = 400, description = "`name` is missing or longer than 300 characters", body = ApiErrorBody),
    )
)]
pub async fn resolve_name(
    State(app): State<AppState>,
    Query(query): Query<ResolveQuery>,
) -> Result<Json<Resolution>, ApiError> {
    let name = query.name.unwrap_or_default();
    if name.trim().is_empty() {
        return Err(ApiError::invalid(
            "name",
            "give the name to resolve: ?name=…",
        ));
    }
    if name.chars().count() > 300 {
        return Err(ApiError::invalid(
            "name",
            "the name is longer than 300 characters",
        ));
    }
    Ok(Json(app.resolver.resolve(&name)))
}
