//! Accounts and their roles.

use askama::Template;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taawun_accounts::{RoleGrant, RoleKind};
use taawun_store::{AccountError, Paging, UserFilter, UserRecord};

use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::error::HtmlError;
use crate::format::{role_label, unix_date_time};
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;
use crate::states::{PageLink, page_links};

pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<String>,
    pub status: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    page: PageContext,
    rows: Vec<UserRow>,
    total: u64,
    text: String,
    role: String,
    role_choices: Vec<(String, String)>,
    pages: Vec<PageLink>,
}

#[derive(Deserialize)]
pub struct UsersQuery {
    q: Option<String>,
    role: Option<String>,
    page: Option<String>,
}

fn status_label(lang: Lang, user: &UserRecord) -> String {
    if user.disabled {
        lang.t("user-status-disabled")
    } else if user.locked_until.is_some_and(|t| t > crate::auth::now()) {
        lang.t("user-status-locked")
    } else {
        lang.t("user-status-active")
    }
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    uri: OriginalUri,
    Params(q): Params<UsersQuery>,
) -> Result<Response, HtmlError> {
    let paging = crate::paging::paging(q.page.as_deref(), None)
        .map(|p| Paging { per_page: 50, ..p })
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let role = q.role.filter(|r| !r.is_empty());
    if let Some(r) = &role
        && r.parse::<RoleKind>().is_err()
    {
        return Err(HtmlError::bad_request(
            lang,
            lang.t_args(
                "error-invalid-parameter",
                &[("parameter", "role".into()), ("message", r.clone().into())],
            ),
        ));
    }
    let filter = UserFilter {
        text: q.q.clone().filter(|t| !t.trim().is_empty()),
        role: role.clone(),
    };
    let found = app
        .store
        .accounts()
        .list_users(&filter, paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let mut rows = Vec::with_capacity(found.items.len());
    for user in &found.items {
        let mut roles = Vec::new();
        for r in &user.roles {
            roles.push(role_label(&app, lang, r).await);
        }
        rows.push(UserRow {
            id: user.id,
            email: user.email.clone(),
            name: user.display_name.clone(),
            roles,
            status: status_label(lang, user),
        });
    }
    let mut params = std::collections::HashMap::new();
    if let Some(t) = &filter.text {
        params.insert("q".to_owned(), t.clone());
    }
    if let Some(r) = &role {
        params.insert("role".to_owned(), r.clone());
    }
    let path = uri
        .0
        .path_and_query()
        .map_or("/admin/users".to_owned(), |p| p.to_string());
    let view = UsersPage {
        page: PageContext::new(lang, path, lang.t("admin-users-title")),
        total: found.total,
        pages: page_links("/admin/users", &params, found.page, found.page_count()),
        rows,
        text: filter.text.unwrap_or_default(),
        role: role.unwrap_or_default(),
        role_choices: role_choices(lang),
    };
    Ok(render(&view, StatusCode::OK))
}

/// The States a role can be bound to (Members and observer States), by name in `lang`, in the
/// order of those names: the form offers names, and sends the ISO3 code the role needs.
pub fn state_choices(lang: Lang) -> Vec<(String, String)> {
    let mut states: Vec<(String, String)> = taawun_states::all()
        .filter(|s| {
            matches!(
                s.status,
                taawun_states::UnStatus::Member | taawun_states::UnStatus::Observer
            )
        })
        .map(|s| (s.iso3.to_owned(), s.names.get(lang.code()).to_owned()))
        .collect();
    states.sort_by(|a, b| {
        taawun_text::fold_name(&a.1)
            .cmp(&taawun_text::fold_name(&b.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    states
}

/// The organisations a role can be bound to, by name in `lang` (up to the first
/// `Paging::MAX_PER_PAGE` of the register, in its order).
pub async fn organisation_choices(
    app: &AppState,
    lang: Lang,
) -> Result<Vec<(String, String)>, taawun_store::StoreError> {
    let paging = taawun_store::Paging {
        page: 1,
        per_page: taawun_store::Paging::MAX_PER_PAGE,
    };
    let found = app
        .store
        .accounts()
        .list_organisations(&Default::default(), paging)
        .await?;
    Ok(found
        .items
        .into_iter()
        .map(|o| (o.id.to_string(), o.names.best(lang.code()).to_owned()))
        .collect())
}

pub fn role_choices(lang: Lang) -> Vec<(String, String)> {
    RoleKind::ALL
        .iter()
        .map(|k| (k.slug().to_owned(), lang.t(&format!("role-{}", k.slug()))))
        .collect()
}

pub struct RoleRow {
    pub label: String,
    pub kind: String,
    pub state: String,
    pub organisation: String,
}

#[derive(Template)]
#[template(path = "admin_user.html")]
struct UserPage {
    page: PageContext,
    csrf: String,
    user: UserRecord,
    status: String,
    created: String,
    roles: Vec<RoleRow>,
    role_choices: Vec<(String, String)>,
    state_choices: Vec<(String, String)>,
    organisation_choices: Vec<(String, String)>,
    is_self: bool,
    notice: Option<String>,
    error: Option<String>,
}

/// What the page says after an action.
enum Feedback {
    None,
    Notice(String),
    Error(String, StatusCode),
}

async fn user_page(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    principal: &Principal,
    user: UserRecord,
    feedback: Feedback,
) -> Result<Response, HtmlError> {
    let (notice, error, status) = match feedback {
        Feedback::None => (None, None, StatusCode::OK),
        Feedback::Notice(m) => (Some(m), None, StatusCode::OK),
        Feedback::Error(m, status) => (None, Some(m), status),
    };
    let mut roles = Vec::new();
    for r in &user.roles {
        let (kind, state, organisation) = r.to_parts();
        roles.push(RoleRow {
            label: role_label(app, lang, r).await,
            kind: kind.to_owned(),
            state: state.unwrap_or("").to_owned(),
            organisation: organisation.map(|o| o.to_string()).unwrap_or_default(),
        });
    }
    let organisation_choices = organisation_choices(app, lang)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let view = UserPage {
        page: PageContext::new(
            lang,
            format!("/admin/users/{}", user.id),
            user.display_name.clone(),
        ),
        csrf: csrf.0.clone(),
        status: status_label(lang, &user),
        created: unix_date_time(user.created_at),
        is_self: principal.user.as_ref().is_some_and(|u| u.id == user.id),
        user,
        roles,
        role_choices: role_choices(lang),
        state_choices: state_choices(lang),
        organisation_choices,
        notice,
        error,
    };
    Ok(render(&view, status))
}

async fn load(app: &AppState, lang: Lang, id: &str) -> Result<UserRecord, Response> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(HtmlError::not_found(lang, lang.t("admin-user-unknown")).into_response());
    };
    match app.store.accounts().get_user(id).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(HtmlError::not_found(lang, lang.t("admin-user-unknown")).into_response()),
        Err(e) => Err(HtmlError::internal(lang, &e).into_response()),
    }
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    match load(&app, lang, &id).await {
        Ok(user) => user_page(&app, lang, &csrf, &principal, user, Feedback::None).await,
        Err(response) => Ok(response),
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    organisation: String,
}

/// A role from a form: the kind, and the State or organisation it is bound to.
pub fn role_from_form(role: &str, state: &str, organisation: &str) -> Result<RoleGrant, String> {
    let organisation = match organisation.trim() {
        "" => None,
        o => Some(
            o.parse::<i64>()
                .map_err(|_| format!("“{o}” is not an organisation number"))?,
        ),
    };
    let state = Some(state.trim()).filter(|s| !s.is_empty());
    if let Some(iso3) = state
        && taawun_states::by_iso3(&iso3.to_uppercase()).is_none()
    {
        return Err(format!("there is no State with the code “{iso3}”"));
    }
    RoleGrant::from_parts(role, state, organisation).map_err(|e| e.to_string())
}

fn account_error(lang: Lang, e: AccountError) -> Result<UserRecord, (StatusCode, String)> {
    match e {
        AccountError::Conflict(m) => Err((StatusCode::CONFLICT, m)),
        AccountError::NotFound(m) => Err((StatusCode::BAD_REQUEST, m)),
        AccountError::Store(e) => {
            tracing::error!(error = %e, "store error in administration");
            Err((StatusCode::INTERNAL_SERVER_ERROR, lang.t("error-internal")))
        }
    }
}

async fn after_change(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    principal: &Principal,
    before: UserRecord,
    result: Result<UserRecord, AccountError>,
    notice_id: &str,
) -> Result<Response, HtmlError> {
    match result.or_else(|e| account_error(lang, e)) {
        Ok(user) => {
            user_page(
                app,
                lang,
                csrf,
                principal,
                user,
                Feedback::Notice(lang.t(notice_id)),
            )
            .await
        }
        Err((status, message)) => {
            user_page(
                app,
                lang,
                csrf,
                principal,
                before,
                Feedback::Error(message, status),
            )
            .await
        }
    }
}

/// Granting or revoking one role: the same form, checks and page; only the store call and
/// the self-demotion guard differ.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RoleChange {
    Grant,
    Revoke,
}

pub async fn grant(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, HtmlError> {
    change_role(&app, lang, &csrf, &principal, &id, &form, RoleChange::Grant).await
}

pub async fn revoke(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, HtmlError> {
    change_role(
        &app,
        lang,
        &csrf,
        &principal,
        &id,
        &form,
        RoleChange::Revoke,
    )
    .await
}

async fn change_role(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    principal: &Principal,
    id: &str,
    form: &RoleForm,
    change: RoleChange,
) -> Result<Response, HtmlError> {
    let user = match load(app, lang, id).await {
        Ok(user) => user,
        Err(response) => return Ok(response),
    };
    let role = match role_from_form(&form.role, &form.state, &form.organisation) {
        Ok(role) => role,
        Err(message) => {
            return user_page(
                app,
                lang,
                csrf,
                principal,
                user,
                Feedback::Error(message, StatusCode::BAD_REQUEST),
            )
            .await;
        }
    };
    // An administrator cannot take their own administrator role: someone must be left to give
    // it back.
    if change == RoleChange::Revoke
        && role.kind == RoleKind::Administrator
        && principal.user.as_ref().is_some_and(|u| u.id == user.id)
    {
        return user_page(
            app,
            lang,
            csrf,
            principal,
            user,
            Feedback::Error(lang.t("admin-cannot-demote-self"), StatusCode::CONFLICT),
        )
        .await;
    }
    let accounts = app.store.accounts();
    let context = principal.change_context();
    let (result, notice_id) = match change {
        RoleChange::Grant => (
            accounts.grant_role(&context, user.id, &role).await,
            "admin-role-granted",
        ),
        RoleChange::Revoke => (
            accounts.revoke_role(&context, user.id, &role).await,
            "admin-role-revoked",
        ),
    };
    after_change(app, lang, csrf, principal, user, result, notice_id).await
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    disabled: String,
}

pub async fn set_status(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, HtmlError> {
    let user = match load(&app, lang, &id).await {
        Ok(user) => user,
        Err(response) => return Ok(response),
    };
    let disabled = match form.disabled.as_str() {
        "true" => true,
        "false" => false,
        other => {
            return Err(HtmlError::bad_request(
                lang,
                lang.t_args(
                    "error-invalid-parameter",
                    &[
                        ("parameter", "disabled".into()),
                        ("message", other.to_owned().into()),
                    ],
                ),
            ));
        }
    };
    if disabled && principal.user.as_ref().is_some_and(|u| u.id == user.id) {
        return user_page(
            &app,
            lang,
            &csrf,
            &principal,
            user,
            Feedback::Error(lang.t("admin-cannot-disable-self"), StatusCode::CONFLICT),
        )
        .await;
    }
    let result = app
        .store
        .accounts()
        .set_disabled(&principal.change_context(), user.id, disabled)
        .await;
    let notice = if disabled {
        "admin-user-disabled"
    } else {
        "admin-user-enabled"
    };
    after_change(&app, lang, &csrf, &principal, user, result, notice).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_forms_name_what_is_wrong() {
        assert!(role_from_form("focal-point", "qat", "").is_ok());
        assert!(
            role_from_form("focal-point", "XXX", "")
                .unwrap_err()
                .contains("XXX")
        );
        assert!(
            role_from_form("stakeholder", "", "x")
                .unwrap_err()
                .contains("“x”")
        );
        assert!(role_from_form("focal-point", "", "").is_err());
        assert!(role_from_form("pope", "", "").is_err());
        assert!(role_from_form("administrator", "", "").is_ok());
    }
}
