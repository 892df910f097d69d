//! The stylesheet, the icon and the web fonts, compiled into the binary so that the server is
//! one file. The fonts (Noto Naskh Arabic and Noto Sans, OFL-1.1) are vendored by
//! `scripts/vendor-fonts.sh`; `static/fonts/FONTS.md` has their versions and checksums.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};

const STYLE: &str = include_str!("../static/style.css");
const ICON: &str = include_str!("../static/favicon.svg");

/// The fonts the stylesheet declares, by the name in their URL (`/static/fonts/{name}`).
pub const FONTS: [(&str, &[u8]); 5] = [
    (
        "noto-naskh-arabic-arabic-400-normal.woff2",
        include_bytes!("../static/fonts/noto-naskh-arabic-arabic-400-normal.woff2"),
    ),
    (
        "noto-naskh-arabic-arabic-700-normal.woff2",
        include_bytes!("../static/fonts/noto-naskh-arabic-arabic-700-normal.woff2"),
    ),
    (
        "noto-sans-latin-400-normal.woff2",
        include_bytes!("../static/fonts/noto-sans-latin-400-normal.woff2"),
    ),
    (
        "noto-sans-latin-700-normal.woff2",
        include_bytes!("../static/fonts/noto-sans-latin-700-normal.woff2"),
    ),
    (
        "noto-sans-latin-ext-400-normal.woff2",
        include_bytes!("../static/fonts/noto-sans-latin-ext-400-normal.woff2"),
    ),
];

async fn font(axum::extract::Path(name): axum::extract::Path<String>) -> axum::response::Response {
    use axum::response::IntoResponse;
    match FONTS.iter().find(|(file, _)| *file == name) {
        Some((_, bytes)) => (
            [
                (CONTENT_TYPE, "font/woff2"),
                (CACHE_CONTROL, "public, max-age=604800"),
            ],
            *bytes,
        )
            .into_response(),
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

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
        .public("/static/fonts/{name}", font)
        // Browsers ask for /favicon.ico whatever the page says.
        .public("/favicon.ico", icon)
}
