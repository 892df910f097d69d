//! `/healthz`: the process answers. `/readyz`: the database answers and is fully migrated;
//! load balancers send traffic only to ready nodes.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use serde_json::json;

use crate::AppState;

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/healthz", healthz)
        .public("/readyz", readyz)
}

#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, description = "The process is up")))]
pub async fn healthz() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

#[utoipa::path(get, path = "/readyz", tag = "health", responses(
    (status = 200, description = "The database answers and every migration is applied"),
    (status = 503, description = "The database does not answer, or migrations are missing"),
))]
pub async fn readyz(State(app): State<AppState>) -> Response {
    match app.store.readiness().await {
        Ok(readiness) if readiness.is_ready() => {
            Json(json!({ "status": "ready", "database": readiness })).into_response()
        }
        Ok(readiness) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "not ready", "reason": "migrations are missing; run `taawun migrate`", "database": readiness })),
        )
            .into_response(),
        // The store's error text (addresses, user names, SQL) is for the operator's log, not
        // for whoever asks.
        Err(error) => {
            tracing::error!(%error, "readiness check: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "not ready", "reason": "the database does not answer; the server's log says why" })),
            )
                .into_response()
        }
    }
}
