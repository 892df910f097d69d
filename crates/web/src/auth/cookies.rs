//! The session cookie. It holds a random secret; the database keeps only its digest.

use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
use cookie::{Cookie, SameSite};

pub const SESSION_COOKIE: &str = "taawun_session";

/// A cookie's value from the request.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// `HttpOnly` (no script reads it), `SameSite=Lax` (sent on top-level navigation from
/// elsewhere, so a link to the platform still finds you signed in; never on cross-site POSTs),
/// `Secure` behind TLS. No `Max-Age`: the browser forgets it when closed, and the server's idle
/// and absolute expiry apply whatever the browser does.
pub fn session_cookie(value: &str, tls: bool) -> HeaderValue {
    let cookie = Cookie::build((SESSION_COOKIE, value.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(tls)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn expire_cookie(name: &'static str, tls: bool) -> HeaderValue {
    let cookie = Cookie::build((name, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(tls)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}
