//! CSRF protection by the double-submit pattern: a random token in a `SameSite=Strict`,
//! `HttpOnly` cookie, repeated in every form as a hidden field (or, for scripts using a session
//! cookie on the API, in the `X-CSRF-Token` header). Another site can make a browser send the
//! cookie but cannot read it to put it in the form. A signed-in session additionally carries the
//! `SameSite=Lax` session cookie, which browsers do not send on cross-site POSTs at all.
//!
//! Written here rather than taken from a crate: the pattern is a comparison of two strings, and
//! the crates for axum either sign tokens with a key the operator must manage or keep state in
//! memory (wrong with several servers).

use axum::extract::FromRequestParts;
use axum::http::HeaderValue;
use axum::http::request::Parts;
use cookie::{Cookie, SameSite};

pub const CSRF_COOKIE: &str = "taawun_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The request's CSRF token (from its cookie, or new when it had none), for forms to embed and
/// handlers to compare.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

impl CsrfToken {
    pub fn new_random() -> CsrfToken {
        CsrfToken(taawun_accounts::new_secret("").expose().to_owned())
    }

    /// Whether a submitted token is this one (compared in constant time).
    pub fn matches(&self, submitted: &str) -> bool {
        !submitted.is_empty() && taawun_accounts::constant_time_eq(&self.0, submitted)
    }

    pub fn cookie(&self, tls: bool) -> HeaderValue {
        let cookie = Cookie::build((CSRF_COOKIE, self.0.clone()))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .secure(tls)
            .build();
        HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    /// A token from a cookie, if it has the shape of one we issued.
    pub fn from_cookie(value: &str) -> Option<CsrfToken> {
        (value.len() >= 32
            && value.len() <= 64
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then(|| CsrfToken(value.to_owned()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CsrfToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // `authenticate` puts one on every request.
        Ok(parts
            .extensions
            .get::<CsrfToken>()
            .cloned()
            .unwrap_or_else(CsrfToken::new_random))
    }
}

/// The check every form handler makes first: a missing or wrong token is refused with a page
/// saying what to do, and logged (without the token).
pub fn check_form(
    expected: &CsrfToken,
    submitted: &str,
    lang: crate::i18n::Lang,
    path: &str,
) -> Result<(), Box<axum::response::Response>> {
    use axum::response::IntoResponse;
    if expected.matches(submitted) {
        return Ok(());
    }
    tracing::warn!(
        path,
        present = !submitted.is_empty(),
        "form refused: CSRF token missing or wrong"
    );
    Err(Box::new(
        crate::error::HtmlError::with_status(
            lang,
            axum::http::StatusCode::FORBIDDEN,
            lang.t("error-csrf"),
        )
        .into_response(),
    ))
}
