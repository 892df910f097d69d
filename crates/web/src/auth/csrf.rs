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

/// The fields of a form that carries nothing but its token (a sign-out or revoke button).
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// A submitted form whose CSRF token was checked: what every form handler takes instead of
/// `Form<T>`, so that none can forget the check. A missing or wrong token is refused with a page
/// saying what to do (403), and logged with the route's pattern (never the path itself, which
/// may hold a link's secret); a body that is not the form is refused with 400. The handler's
/// type `T` need not have a `csrf` field: the body is read for the token, then for `T`.
pub struct CsrfForm<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for CsrfForm<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = axum::response::Response;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        use axum::http::StatusCode;
        use axum::response::IntoResponse;

        #[derive(serde::Deserialize)]
        struct Submitted {
            #[serde(default)]
            csrf: String,
        }

        let (mut parts, body) = request.into_parts();
        let lang = crate::i18n::Lang::negotiate(&parts.headers);
        let expected = match CsrfToken::from_request_parts(&mut parts, state).await {
            Ok(token) => token,
            Err(never) => match never {},
        };
        let route = parts
            .extensions
            .get::<axum::extract::MatchedPath>()
            .map_or_else(|| "(unmatched)".to_owned(), |p| p.as_str().to_owned());
        let refuse = |status: StatusCode, message: String| {
            crate::error::HtmlError::with_status(lang, status, message).into_response()
        };
        let request = axum::extract::Request::from_parts(parts, body);
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|_| refuse(StatusCode::BAD_REQUEST, lang.t("error-form")))?;
        let submitted = serde_urlencoded::from_bytes::<Submitted>(&bytes)
            .map(|s| s.csrf)
            .unwrap_or_default();
        if !expected.matches(&submitted) {
            tracing::warn!(
                route,
                present = !submitted.is_empty(),
                "form refused: CSRF token missing or wrong"
            );
            return Err(refuse(StatusCode::FORBIDDEN, lang.t("error-csrf")));
        }
        serde_urlencoded::from_bytes::<T>(&bytes)
            .map(CsrfForm)
            .map_err(|error| {
                tracing::warn!(route, %error, "form refused: its fields do not parse");
                refuse(StatusCode::BAD_REQUEST, lang.t("error-form"))
            })
    }
}
