//! Who is asking and whether they may: the signed-in user (session cookie or API token), the
//! route table that declares each route's action and resource for the policy, CSRF tokens for
//! forms, and the settings these need.

mod config;
mod cookies;
mod csrf;
mod principal;
mod routes;

pub use ratelimit::{ApiLimiter, api_limiter};
mod ratelimit;

pub use config::AuthConfig;
pub use cookies::{SESSION_COOKIE, expire_cookie, session_cookie};
pub use csrf::{CSRF_COOKIE, CSRF_HEADER, CsrfForm, CsrfToken, NoFields};
pub use principal::{HeaderUser, Principal, SignedIn, authenticate, current_header_user};
pub use routes::{RouteSpec, Routes, refusal};

/// Now, in Unix seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
