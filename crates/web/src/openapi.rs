//! The OpenAPI description of the JSON API, served at `/api/openapi.json`.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Taawun API",
        description = "Open data of Taawun, the platform for international cooperation in the field of human rights (HRC resolution 56/2). Errors have the shape {\"error\": {status, code, message, parameter}}.",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        crate::health::healthz,
        crate::health::readyz,
        crate::states::list_states,
        crate::states::get_state,
        crate::states::resolve_name,
        crate::resolutions::list_resolutions,
        crate::resolutions::get_resolution,
        crate::resolutions::get_resolution_votes,
        crate::resolutions::list_mandates,
        crate::votes::state_votes,
        crate::votes::agreement,
        crate::votes::agreement_matrix,
        crate::votes::cohesion,
        crate::votes::map,
        crate::votes::issues,
        crate::search::api,
    ),
    components(schemas(crate::error::ApiErrorBody, crate::error::ApiErrorDetail)),
    tags(
        (name = "states", description = "States, territories, historic States and the UN regional groups; the State-name resolver"),
        (name = "resolutions", description = "The registry of resolutions, their references and their mandates"),
        (name = "votes", description = "Recorded votes of the Human Rights Council and the General Assembly"),
        (name = "search", description = "One search over the platform's records, in six languages"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { Json(ApiDoc::openapi()) }),
    )
}
