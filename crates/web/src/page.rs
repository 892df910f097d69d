//! What every HTML page's layout needs: the language, its direction, the path (for the
//! language switcher) and the title.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Lang;

pub struct PageContext {
    pub lang: Lang,
    /// The current path and query, for the language switcher's `next`.
    pub path: String,
    pub title: String,
    /// The signed-in user as the header shows them (and the CSRF token of its sign-out form).
    pub user: crate::auth::HeaderUser,
}

impl PageContext {
    pub fn new(lang: Lang, path: impl Into<String>, title: impl Into<String>) -> Self {
        PageContext {
            lang,
            path: path.into(),
            title: title.into(),
            user: crate::auth::current_header_user(),
        }
    }

    /// The `<title>`: the page's title, then the site's name (once, on the home page).
    pub fn full_title(&self) -> String {
        let site = self.lang.t("site-name");
        if self.title == site {
            site
        } else {
            format!("{} · {site}", self.title)
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// A message with a `count` argument (plural forms are the message file's).
    pub fn t_count(&self, id: &str, count: &u64) -> String {
        self.lang.t_args(id, &[("count", (*count).into())])
    }

    /// The switcher's link to this page in `other`.
    pub fn switch_href(&self, other: &Lang) -> String {
        format!(
            "/lang/{}?next={}",
            other.code(),
            encode_query_value(&self.path)
        )
    }

    pub fn is_current(&self, other: &Lang) -> bool {
        *other == self.lang
    }

    /// The languages the switcher offers.
    pub fn languages(&self) -> [Lang; 2] {
        Lang::INTERFACE
    }
}

/// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Renders a template into a response, or a plain 500 if the template itself fails.
pub fn render(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error: a page could not be rendered",
            )
                .into_response()
        }
    }
}
