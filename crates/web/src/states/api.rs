//! `/api/v1/states…`: the same data as the pages, as JSON.

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use taawun_states::Resolution;
use taawun_store::StateRecord;

use super::query::{self, StateListParams};
use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};
use crate::i18n::Lang;
use crate::paging::PagingParams;
use crate::params::Params;

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
    params(StateListParams, PagingParams),
    responses(
        (status = 200, description = "A page of States", body = StatePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_states(
    State(app): State<AppState>,
    lang: Lang,
    Params(params): Params<StateListParams>,
    Params(paging): Params<PagingParams>,
) -> Result<Json<StatePage>, ApiError> {
    let query = query::parse(&params, &paging, lang)?;
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

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResolveQuery {
    /// A State's name as a document writes it, in any of the six languages (required)
    pub name: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/states/resolve",
    tag = "states",
    params(ResolveQuery),
    responses(
        (status = 200, description = "The resolution: `iso3` and `match` are null when the name is unknown or ambiguous; `candidates` lists the States it might mean", body = Resolution),
        (status = 400, description = "`name` is missing or longer than 300 characters", body = ApiErrorBody),
    )
)]
pub async fn resolve_name(
    State(app): State<AppState>,
    Params(query): Params<ResolveQuery>,
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
