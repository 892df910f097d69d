//! Finding who is asking: an API token (`Authorization: Bearer …`) or the session cookie, checked
//! against the database on every request that carries one; requests without either are the
//! public and cost nothing.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{AUTHORIZATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use taawun_accounts::{RoleKind, SessionState};
use taawun_audit::{Actor, ChangeContext};
use taawun_policy::Subject;
use taawun_store::UserRecord;
use tower_http::request_id::RequestId;

use super::cookies::{SESSION_COOKIE, read_cookie};
use super::csrf::{CSRF_COOKIE, CSRF_HEADER, CsrfToken};
use super::{expire_cookie, now};
use crate::AppState;
use crate::error::ApiError;

/// How the request proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    None,
    /// The digest of the session cookie.
    Session(String),
    ApiToken,
}

/// The user behind a request, or the public.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user: Option<Arc<UserRecord>>,
    pub credential: Credential,
    /// The client's address, for rate limits and the log.
    pub address: String,
    pub request_id: Option<String>,
}

impl Principal {
    pub fn subject(&self) -> Subject<'_> {
        match &self.user {
            None => Subject::Anonymous,
            Some(user) => Subject::User {
                id: user.id,
                roles: &user.roles,
            },
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.user.is_some()
    }

    /// The role a change is recorded under: the most powerful the user holds.
    pub fn acting_role(&self) -> &'static str {
        let Some(user) = &self.user else {
            return "public";
        };
        for kind in [
            RoleKind::Administrator,
            RoleKind::Secretariat,
            RoleKind::FundApprover,
            RoleKind::FundReviewer,
            RoleKind::FocalPoint,
            RoleKind::Donor,
            RoleKind::Stakeholder,
        ] {
            if user.roles.iter().any(|r| r.kind == kind) {
                return kind.slug();
            }
        }
        "account-holder"
    }

    /// Who is changing something, for the audit log.
    pub fn change_context(&self) -> ChangeContext {
        ChangeContext {
            actor: match &self.user {
                Some(user) => Actor::user(user.id, self.acting_role()),
                None => Actor {
                    user_id: None,
                    role: "public".into(),
                },
            },
            request_id: self.request_id.clone(),
        }
    }

    pub fn session_digest(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session(digest) => Some(digest),
            _ => None,
        }
    }
}

/// The signed-in account, for pages that are only someone's own (their account, their tokens):
/// the one extractor such handlers take. Without a signed-in account the request is sent to
/// the sign-in page, and (for a page read with GET) back to where it was going afterwards.
pub struct SignedIn(pub Arc<UserRecord>);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = axum::response::Redirect;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let principal = match Principal::from_request_parts(parts, state).await {
            Ok(principal) => principal,
            Err(never) => match never {},
        };
        match principal.user {
            Some(user) => Ok(SignedIn(user)),
            None if parts.method == axum::http::Method::GET => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map_or("/account", |p| p.as_str());
                // Escaped only where it would end the parameter or the address.
                const IN_QUERY: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
                    .add(b' ')
                    .add(b'"')
                    .add(b'#')
                    .add(b'%')
                    .add(b'&')
                    .add(b'+')
                    .add(b'<')
                    .add(b'>');
                Err(axum::response::Redirect::to(&format!(
                    "/sign-in?next={}",
                    percent_encoding::utf8_percent_encode(next, IN_QUERY)
                )))
            }
            None => Err(axum::response::Redirect::to("/sign-in")),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Principal {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Principal>()
            .cloned()
            .unwrap_or(Principal {
                user: None,
                credential: Credential::None,
                address: "unknown".into(),
                request_id: None,
            }))
    }
}

/// What the page header shows of the signed-in user. Set per request (a task-local), so that
/// every page's layout shows it without each handler passing it along.
#[derive(Clone, Debug, Default)]
pub struct HeaderUser {
    pub name: Option<String>,
    pub is_admin: bool,
    pub may_invite: bool,
    pub csrf: String,
}

tokio::task_local! {
    static HEADER_USER: HeaderUser;
}

/// The header's user for the page being rendered (none outside a request).
pub fn current_header_user() -> HeaderUser {
    HEADER_USER.try_with(Clone::clone).unwrap_or_default()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn client_address(request: &Request, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for
        && let Some(first) = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_owned();
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The middleware: finds the principal, makes sure the browser has a CSRF token, checks the
/// CSRF header on API writes that ride on a session cookie, and sets the header's user.
pub async fn authenticate(
    State(app): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let config = &app.auth;
    let address = client_address(&request, config.trust_forwarded_for);
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .map(str::to_owned);
    let path = request.uri().path().to_owned();
    let now = now();
    let mut principal = Principal {
        user: None,
        credential: Credential::None,
        address,
        request_id,
    };
    let mut clear_session = false;

    if is_api(&path)
        && let Some(limiter) = &app.api_limiter
        && let Err(wait) = super::ratelimit::check(limiter, &principal.address)
    {
        tracing::warn!(address = %principal.address, path = %crate::layers::loggable_path(&path), "API rate limit reached");
        let mut response = ApiError::too_many(format!(
            "too many requests from your address; try again in {wait} s"
        ))
        .into_response();
        if let Ok(value) = axum::http::HeaderValue::from_str(&wait.to_string()) {
            response.headers_mut().insert("retry-after", value);
        }
        return response;
    }

    if let Some(token) = bearer(request.headers()) {
        let digest = taawun_accounts::digest(token);
        match app.store.accounts().api_token_user(&digest, now).await {
            Ok(Some(user)) => {
                principal.user = Some(Arc::new(user));
                principal.credential = Credential::ApiToken;
            }
            Ok(None) => {
                tracing::warn!(address = %principal.address, path = %crate::layers::loggable_path(&path), "request with an unknown or revoked API token");
                let mut response = ApiError::unauthorized(
                    "the API token is not valid: it was revoked, mistyped, or its account is disabled",
                )
                .into_response();
                response.headers_mut().insert(
                    "www-authenticate",
                    axum::http::HeaderValue::from_static("Bearer error=\"invalid_token\""),
                );
                return response;
            }
            Err(e) => return ApiError::from(e).into_response(),
        }
    } else if let Some(secret) = read_cookie(request.headers(), SESSION_COOKIE) {
        let digest = taawun_accounts::digest(&secret);
        match app.store.accounts().session(&digest).await {
            Ok(Some(session)) if !session.user.disabled => {
                match config
                    .session_times
                    .state(session.created_at, session.last_seen_at, now)
                {
                    SessionState::Active => {
                        if config.session_times.needs_touch(session.last_seen_at, now)
                            && let Err(e) = app.store.accounts().touch_session(&digest, now).await
                        {
                            tracing::warn!(error = %e, "could not record a session's activity");
                        }
                        principal.user = Some(Arc::new(session.user));
                        principal.credential = Credential::Session(digest);
                    }
                    SessionState::IdleExpired | SessionState::AbsoluteExpired => {
                        let _ = app.store.accounts().delete_session(&digest).await;
                        clear_session = true;
                    }
                }
            }
            Ok(_) => clear_session = true,
            Err(e) => {
                tracing::error!(error = %e, "cannot read a session");
                return if is_api(&path) {
                    ApiError::from(e).into_response()
                } else {
                    crate::error::HtmlError::internal(
                        crate::i18n::Lang::negotiate(request.headers()),
                        &e,
                    )
                    .into_response()
                };
            }
        }
    }

    let existing_csrf =
        read_cookie(request.headers(), CSRF_COOKIE).and_then(|v| CsrfToken::from_cookie(&v));
    let csrf = existing_csrf.clone().unwrap_or_else(CsrfToken::new_random);

    // Scripts authenticate with a token, which another site cannot send; a browser's session
    // cookie it can, so an API write on a session must also carry the CSRF header.
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if unsafe_method && is_api(&path) && principal.session_digest().is_some() {
        let header = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if existing_csrf.is_none() || !csrf.matches(header) {
            tracing::warn!(address = %principal.address, path = %crate::layers::loggable_path(&path), "API write on a session without a valid CSRF header");
            return ApiError::forbidden(
                "a write through the API with a session cookie needs the X-CSRF-Token header (the value of the taawun_csrf cookie); scripts should use an API token instead",
            )
            .into_response();
        }
    }

    let header_user = HeaderUser {
        name: principal.user.as_ref().map(|u| u.display_name.clone()),
        is_admin: principal
            .user
            .as_ref()
            .is_some_and(|u| u.roles.iter().any(|r| r.kind == RoleKind::Administrator)),
        may_invite: principal.user.as_ref().is_some_and(|u| {
            u.roles
                .iter()
                .any(|r| matches!(r.kind, RoleKind::Administrator | RoleKind::Secretariat))
        }),
        csrf: csrf.0.clone(),
    };
    let signed_in = principal.is_signed_in();
    request.extensions_mut().insert(principal);
    request.extensions_mut().insert(csrf.clone());
    let mut response = HEADER_USER.scope(header_user, next.run(request)).await;
    let headers = response.headers_mut();
    if existing_csrf.is_none() {
        headers.append(SET_COOKIE, csrf.cookie(config.tls));
    }
    if clear_session
        && !headers
            .get_all(SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(SESSION_COOKIE.as_bytes()))
    {
        headers.append(SET_COOKIE, expire_cookie(SESSION_COOKIE, config.tls));
    }
    if signed_in || principal_is_private(&path) {
        // What a signed-in user sees (their name in every page's header, their account) is
        // theirs: never kept by a cache.
        response.headers_mut().insert(
            "cache-control",
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
    response
}

fn principal_is_private(path: &str) -> bool {
    [
        "/account",
        "/admin",
        "/api/v1/account",
        "/api/v1/audit",
        "/invitations/",
        "/password/",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}
