//! The stylesheet and the icon, compiled into the binary so that the server is one file.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};

const STYLE: &str = include_str!("../static/style.css");
const ICON: &str = include_str!("../static/favicon.svg");

pub fn routes() -> crate::auth::Routes {
    let icon = || async {
        (
            [
                (CONTENT_TYPE, "image/svg+xml"),
                (CACHE_CONTROL, "public, max-age=86400"),
            ],
            ICON,
        )
    };
    crate::auth::Routes::new()
        .public("/static/style.css", || async {
            (
                [
                    (CONTENT_TYPE, "text/css; charset=utf-8"),
                    (CACHE_CONTROL, "public, max-age=3600"),
                ],
                STYLE,
            )
        })
        .public("/static/favicon.svg", icon)
        // Browsers ask for /favicon.ico whatever the page says.
        .public("/favicon.ico", icon)
}
