//! The stylesheet and the icon, compiled into the binary so that the server is one file.

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::routing::get;

use crate::AppState;

const STYLE: &str = include_str!("../static/style.css");
const ICON: &str = include_str!("../static/favicon.svg");

pub fn router() -> Router<AppState> {
    let icon = || async {
        (
            [
                (CONTENT_TYPE, "image/svg+xml"),
                (CACHE_CONTROL, "public, max-age=86400"),
            ],
            ICON,
        )
    };
    Router::new()
        .route(
            "/static/style.css",
            get(|| async {
                (
                    [
                        (CONTENT_TYPE, "text/css; charset=utf-8"),
                        (CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    STYLE,
                )
            }),
        )
        .route("/static/favicon.svg", get(icon))
        // Browsers ask for /favicon.ico whatever the page says.
        .route("/favicon.ico", get(icon))
}
