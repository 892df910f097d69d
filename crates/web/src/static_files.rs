//! The stylesheet, compiled into the binary so that the server is one file.

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::routing::get;

use crate::AppState;

const STYLE: &str = include_str!("../static/style.css");

pub fn router() -> Router<AppState> {
    Router::new().route(
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
}
