//! The account pages.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taawun_accounts::{PasswordProblem, check_new_password};
use taawun_store::{AccountError, ApiTokenRecord, LinkState, UserRecord};

use super::service::{self, SignInError};
use crate::AppState;
use crate::auth::{
    CSRF_COOKIE, CsrfForm, CsrfToken, NoFields, Principal, SESSION_COOKIE, SignedIn, expire_cookie,
    now, session_cookie,
};
use crate::error::HtmlError;
use crate::format::role_label;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;

/// A local path to go back to after signing in (never another site).
fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .filter(|n| !n.starts_with("/sign-in"))
        .unwrap_or("/account")
        .to_owned()
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    page: PageContext,
    csrf: String,
    next: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn sign_in_form(
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Params(q): Params<NextQuery>,
) -> Response {
    if principal.is_signed_in() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    let view = SignInPage {
        page: PageContext::new(lang, "/sign-in", lang.t("sign-in-title")),
        csrf: csrf.0,
        next: safe_next(q.next.as_deref()),
        email: String::new(),
        error: None,
    };
    render(&view, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn sign_in(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Response {
    let next = safe_next(form.next.as_deref());
    let failed = |status: StatusCode, message: String| {
        let view = SignInPage {
            page: PageContext::new(lang, "/sign-in", lang.t("sign-in-title")),
            csrf: csrf.0.clone(),
            next: next.clone(),
            email: form.email.clone(),
            error: Some(message),
        };
        render(&view, status)
    };
    let user = match service::sign_in(&app, &form.email, &form.password, &principal.address).await {
        Ok(user) => user,
        Err(SignInError::BadCredentials) => {
            return failed(StatusCode::UNAUTHORIZED, lang.t("sign-in-bad-credentials"));
        }
        Err(SignInError::Locked { until }) => {
            let minutes = ((until - now()).max(60) + 59) / 60;
            return failed(
                StatusCode::FORBIDDEN,
                lang.t_args("sign-in-locked", &[("minutes", minutes.into())]),
            );
        }
        Err(SignInError::Throttled { wait_seconds }) => {
            let minutes = (wait_seconds.max(60) + 59) / 60;
            let mut response = failed(
                StatusCode::TOO_MANY_REQUESTS,
                lang.t_args("sign-in-throttled", &[("minutes", minutes.into())]),
            );
            if let Ok(v) = HeaderValue::from_str(&wait_seconds.max(1).to_string()) {
                response.headers_mut().insert("retry-after", v);
            }
            return response;
        }
        Err(SignInError::Disabled) => {
            return failed(StatusCode::FORBIDDEN, lang.t("sign-in-disabled"));
        }
        Err(SignInError::Store(e)) => return HtmlError::internal(lang, &e).into_response(),
    };
    signed_in_response(&app, &user, principal.session_digest(), &next).await
}

/// Starts the session and sends the browser on, with a new session id and a new CSRF token.
async fn signed_in_response(
    app: &AppState,
    user: &UserRecord,
    previous: Option<&str>,
    next: &str,
) -> Response {
    let secret = match service::start_session(app, user, previous).await {
        Ok(secret) => secret,
        Err(e) => return HtmlError::internal(Lang::En, &e).into_response(),
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(next) {
        headers.insert(LOCATION, location);
    }
    headers.append(SET_COOKIE, session_cookie(&secret, app.auth.tls));
    headers.append(SET_COOKIE, CsrfToken::new_random().cookie(app.auth.tls));
    response
}

pub async fn sign_out(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    _: CsrfForm<NoFields>,
) -> Response {
    if let Some(digest) = principal.session_digest()
        && let Err(e) = app.store.accounts().delete_session(digest).await
    {
        return HtmlError::internal(lang, &e).into_response();
    }
    let mut response = Redirect::to("/").into_response();
    let headers = response.headers_mut();
    headers.append(SET_COOKIE, expire_cookie(SESSION_COOKIE, app.auth.tls));
    headers.append(SET_COOKIE, expire_cookie(CSRF_COOKIE, app.auth.tls));
    response
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub created: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

fn token_row(t: ApiTokenRecord, lang: Lang) -> TokenRow {
    TokenRow {
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        created: crate::format::unix_date_time(t.created_at),
        last_used: t.last_used_at.map_or_else(
            || lang.t("account-token-never-used"),
            crate::format::unix_date_time,
        ),
        revoked: t.revoked_at.map(crate::format::unix_date_time),
    }
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: PageContext,
    csrf: String,
    user: UserRecord,
    roles: Vec<String>,
    tokens: Vec<TokenRow>,
    /// A token just created: its secret, shown this once.
    new_token: Option<String>,
    notice: Option<String>,
    error: Option<String>,
    history_href: String,
    /// Plan actions the user owns that are overdue or due within 30 days.
    due: Vec<crate::plans::DueRow>,
    /// For the funds' people: requests past their stage's target, per fund.
    overdue_requests: Vec<crate::funds::work::OverdueRow>,
}

/// What the account page says after an action: a notice, or an error, and the status.
struct Feedback {
    new_token: Option<String>,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
}

impl Feedback {
    fn none() -> Feedback {
        Feedback {
            new_token: None,
            notice: None,
            error: None,
            status: StatusCode::OK,
        }
    }
    fn notice(message: String) -> Feedback {
        Feedback {
            notice: Some(message),
            ..Feedback::none()
        }
    }
    fn error(message: String, status: StatusCode) -> Feedback {
        Feedback {
            error: Some(message),
            status,
            ..Feedback::none()
        }
    }
}

async fn account_page(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    user: &UserRecord,
    feedback: Feedback,
) -> Result<Response, HtmlError> {
    let Feedback {
        new_token,
        notice,
        error,
        status,
    } = feedback;
    let tokens = app
        .store
        .accounts()
        .list_api_tokens(user.id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let mut roles = Vec::new();
    for role in &user.roles {
        roles.push(role_label(app, lang, role).await);
    }
    let view = AccountPage {
        page: PageContext::new(lang, "/account", lang.t("account-title")),
        csrf: csrf.0.clone(),
        user: user.clone(),
        roles,
        tokens: tokens.into_iter().map(|t| token_row(t, lang)).collect(),
        new_token,
        notice,
        error,
        history_href: format!("/history/user/{}", user.id),
        due: crate::plans::owner_dashboard(app, lang, user.id).await,
        overdue_requests: crate::funds::work::overdue_dashboard(app, lang, user).await,
    };
    Ok(render(&view, status))
}

pub async fn account(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    SignedIn(user): SignedIn,
) -> Result<Response, HtmlError> {
    account_page(&app, lang, &csrf, &user, Feedback::none()).await
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    /// A checkbox: present when ticked.
    name_public: Option<String>,
}

pub async fn update_profile(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<Response, HtmlError> {
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return account_page(
            &app,
            lang,
            &csrf,
            &user,
            Feedback::error(lang.t("account-name-invalid"), StatusCode::BAD_REQUEST),
        )
        .await;
    }
    match app
        .store
        .accounts()
        .update_profile(
            &principal.change_context(),
            user.id,
            name,
            form.name_public.is_some(),
        )
        .await
    {
        Ok(updated) => {
            account_page(
                &app,
                lang,
                &csrf,
                &updated,
                Feedback::notice(lang.t("account-profile-saved")),
            )
            .await
        }
        Err(e) => Ok(account_error(lang, e)),
    }
}

fn account_error(lang: Lang, e: AccountError) -> Response {
    match e {
        AccountError::Conflict(m) => {
            HtmlError::with_status(lang, StatusCode::CONFLICT, m).into_response()
        }
        AccountError::NotFound(m) => HtmlError::not_found(lang, m).into_response(),
        AccountError::Store(e) => HtmlError::internal(lang, &e).into_response(),
    }
}

/// The message for a refused new password, in the user's language.
pub fn password_problem(lang: Lang, problem: &PasswordProblem) -> String {
    lang.t_args(
        problem.code(),
        &[
            ("min", taawun_accounts::MIN_PASSWORD_CHARS.into()),
            ("max", taawun_accounts::MAX_PASSWORD_CHARS.into()),
        ],
    )
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn change_password(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, HtmlError> {
    let refuse = |message: String, status: StatusCode| {
        let app = app.clone();
        let csrf = csrf.clone();
        let user = user.clone();
        async move { account_page(&app, lang, &csrf, &user, Feedback::error(message, status)).await }
    };
    // The current password again: a session left open on a shared computer must not be
    // enough to take the account over.
    match service::sign_in(&app, &user.email, &form.current, &principal.address).await {
        Ok(_) => {}
        Err(SignInError::Store(e)) => return Err(HtmlError::internal(lang, &e)),
        Err(SignInError::Locked { .. }) => {
            return refuse(
                lang.t_args("sign-in-locked", &[("minutes", 15.into())]),
                StatusCode::FORBIDDEN,
            )
            .await;
        }
        Err(_) => {
            return refuse(
                lang.t("account-current-password-wrong"),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    }
    if form.password != form.confirm {
        return refuse(lang.t("password-mismatch"), StatusCode::BAD_REQUEST).await;
    }
    if let Err(problem) = check_new_password(&form.password, &[&user.email, &user.display_name]) {
        return refuse(password_problem(lang, &problem), StatusCode::BAD_REQUEST).await;
    }
    let hasher = app.auth.hasher.clone();
    let password = form.password.clone();
    let hash = tokio::task::spawn_blocking(move || hasher.hash(&password))
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    // Every other session of the account ends; this one goes on.
    if let Err(e) = app
        .store
        .accounts()
        .set_password(
            &principal.change_context(),
            user.id,
            &hash,
            principal.session_digest(),
        )
        .await
    {
        return Ok(account_error(lang, e));
    }
    account_page(
        &app,
        lang,
        &csrf,
        &user,
        Feedback::notice(lang.t("account-password-changed")),
    )
    .await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, HtmlError> {
    let Some(name) = service::valid_token_name(&form.name) else {
        return account_page(
            &app,
            lang,
            &csrf,
            &user,
            Feedback::error(
                lang.t("account-token-name-invalid"),
                StatusCode::BAD_REQUEST,
            ),
        )
        .await;
    };
    match service::create_token(&app, &principal, &name).await {
        Ok((_, secret)) => {
            account_page(
                &app,
                lang,
                &csrf,
                &user,
                Feedback {
                    new_token: Some(secret),
                    status: StatusCode::CREATED,
                    ..Feedback::none()
                },
            )
            .await
        }
        Err(e) => Ok(account_error(lang, e)),
    }
}

pub async fn revoke_token(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
    _: CsrfForm<NoFields>,
) -> Result<Response, HtmlError> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(HtmlError::not_found(lang, lang.t("account-token-unknown")));
    };
    // The store finds the token among the user's own only: another user's token is "not
    // found", exactly as the policy's `ApiToken` resource says it must be.
    match app
        .store
        .accounts()
        .revoke_api_token(&principal.change_context(), user.id, id, now())
        .await
    {
        Ok(_) => {
            account_page(
                &app,
                lang,
                &csrf,
                &user,
                Feedback::notice(lang.t("account-token-revoked")),
            )
            .await
        }
        Err(AccountError::NotFound(_)) => {
            Err(HtmlError::not_found(lang, lang.t("account-token-unknown")))
        }
        Err(e) => Ok(account_error(lang, e)),
    }
}

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    page: PageContext,
    csrf: String,
    sent: bool,
}

pub async fn forgot_form(lang: Lang, csrf: CsrfToken) -> Response {
    let view = ForgotPage {
        page: PageContext::new(lang, "/password/forgot", lang.t("forgot-title")),
        csrf: csrf.0,
        sent: false,
    };
    render(&view, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn forgot(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Response {
    if let Err(e) = service::send_reset_link(&app, &form.email, lang).await {
        return HtmlError::internal(lang, &e).into_response();
    }
    // The same answer whether the address has an account or not.
    let view = ForgotPage {
        page: PageContext::new(lang, "/password/forgot", lang.t("forgot-title")),
        csrf: csrf.0,
        sent: true,
    };
    render(&view, StatusCode::OK)
}

/// A page for a link that cannot be used.
fn dead_link(lang: Lang, state: LinkState) -> Response {
    let (status, id) = match state {
        LinkState::Expired => (StatusCode::GONE, "link-expired"),
        LinkState::Used => (StatusCode::GONE, "link-used"),
        LinkState::Unknown | LinkState::Usable => (StatusCode::NOT_FOUND, "link-unknown"),
    };
    tracing::info!(?state, "a single-use link was refused");
    HtmlError::with_status(lang, status, lang.t(id)).into_response()
}

#[derive(Template)]
#[template(path = "password_reset.html")]
struct ResetPage {
    page: PageContext,
    csrf: String,
    action: String,
    error: Option<String>,
}

pub async fn reset_form(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    Path(token): Path<String>,
) -> Response {
    match app
        .store
        .accounts()
        .password_reset(&taawun_accounts::digest(&token), now())
        .await
    {
        Ok(LinkState::Usable) => {}
        Ok(state) => return dead_link(lang, state),
        Err(e) => return HtmlError::internal(lang, &e).into_response(),
    }
    let view = ResetPage {
        page: PageContext::new(lang, "/password/reset", lang.t("reset-title")),
        csrf: csrf.0,
        action: format!(
            "/password/reset/{}",
            crate::page::encode_query_value(&token)
        ),
        error: None,
    };
    render(&view, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    display_name: String,
}

pub async fn reset(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Response {
    let digest = taawun_accounts::digest(&token);
    let refuse = |message: String| {
        let view = ResetPage {
            page: PageContext::new(lang, "/password/reset", lang.t("reset-title")),
            csrf: csrf.0.clone(),
            action: format!(
                "/password/reset/{}",
                crate::page::encode_query_value(&token)
            ),
            error: Some(message),
        };
        render(&view, StatusCode::BAD_REQUEST)
    };
    if form.password != form.confirm {
        return refuse(lang.t("password-mismatch"));
    }
    if let Err(problem) = check_new_password(&form.password, &[]) {
        return refuse(password_problem(lang, &problem));
    }
    let hasher = app.auth.hasher.clone();
    let password = form.password.clone();
    let Ok(hash) = tokio::task::spawn_blocking(move || hasher.hash(&password)).await else {
        return HtmlError::internal(lang, &"hashing failed").into_response();
    };
    match app
        .store
        .accounts()
        .use_password_reset(&principal.change_context(), &digest, &hash, now())
        .await
    {
        Ok(Ok(user)) => {
            signed_in_response(&app, &user, principal.session_digest(), "/account").await
        }
        Ok(Err(state)) => dead_link(lang, state),
        Err(e) => account_error(lang, e),
    }
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    page: PageContext,
    csrf: String,
    action: String,
    email: String,
    role: String,
    display_name: String,
    error: Option<String>,
}

async fn usable_invitation(
    app: &AppState,
    lang: Lang,
    token: &str,
) -> Result<taawun_store::InvitationRecord, Response> {
    match app
        .store
        .accounts()
        .invitation(&taawun_accounts::digest(token), now())
        .await
    {
        Ok((LinkState::Usable, Some(invitation))) => Ok(invitation),
        Ok((state, _)) => Err(dead_link(lang, state)),
        Err(e) => Err(HtmlError::internal(lang, &e).into_response()),
    }
}

pub async fn invitation_form(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    Path(token): Path<String>,
) -> Response {
    let invitation = match usable_invitation(&app, lang, &token).await {
        Ok(i) => i,
        Err(response) => return response,
    };
    let view = InvitationPage {
        page: PageContext::new(lang, "/invitations", lang.t("invitation-title")),
        csrf: csrf.0,
        action: format!("/invitations/{}", crate::page::encode_query_value(&token)),
        email: invitation.email.clone(),
        role: role_label(&app, lang, &invitation.role).await,
        display_name: String::new(),
        error: None,
    };
    render(&view, StatusCode::OK)
}

pub async fn accept_invitation(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Response {
    let invitation = match usable_invitation(&app, lang, &token).await {
        Ok(i) => i,
        Err(response) => return response,
    };
    let name = form.display_name.trim().to_owned();
    let problem = if name.is_empty() || name.chars().count() > 200 {
        Some(lang.t("account-name-invalid"))
    } else if form.password != form.confirm {
        Some(lang.t("password-mismatch"))
    } else {
        check_new_password(&form.password, &[&invitation.email, &name])
            .err()
            .map(|p| password_problem(lang, &p))
    };
    if let Some(message) = problem {
        let view = InvitationPage {
            page: PageContext::new(lang, "/invitations", lang.t("invitation-title")),
            csrf: csrf.0,
            action: format!("/invitations/{}", crate::page::encode_query_value(&token)),
            email: invitation.email.clone(),
            role: role_label(&app, lang, &invitation.role).await,
            display_name: name,
            error: Some(message),
        };
        return render(&view, StatusCode::BAD_REQUEST);
    }
    let hasher = app.auth.hasher.clone();
    let password = form.password.clone();
    let Ok(hash) = tokio::task::spawn_blocking(move || hasher.hash(&password)).await else {
        return HtmlError::internal(lang, &"hashing failed").into_response();
    };
    match app
        .store
        .accounts()
        .accept_invitation(
            &principal.change_context(),
            &taawun_accounts::digest(&token),
            &name,
            &hash,
            now(),
        )
        .await
    {
        Ok(Ok(user)) => {
            signed_in_response(&app, &user, principal.session_digest(), "/account").await
        }
        Ok(Err(state)) => dead_link(lang, state),
        Err(e) => account_error(lang, e),
    }
}
