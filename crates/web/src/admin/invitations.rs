//! Invitations: the only way in. An administrator or the secretariat names an e-mail address
//! and a role; the person gets a single-use link that expires.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use taawun_accounts::{INVITATION_SECONDS, new_secret, normalize_email};
use taawun_policy::{Action, Decision, Resource, decide};
use taawun_store::{AccountError, InvitationRecord, NewInvitation, NewMessage};

use super::users::{organisation_choices, role_choices, role_from_form, state_choices};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, NoFields, Principal, now};
use crate::error::HtmlError;
use crate::format::{role_label, unix_date_time};
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;
use crate::states::{PageLink, page_links};

pub struct InvitationRow {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub created: String,
    pub expires: String,
    pub status: String,
    pub revocable: bool,
    pub user_id: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin_invitations.html")]
struct InvitationsPage {
    page: PageContext,
    csrf: String,
    rows: Vec<InvitationRow>,
    total: u64,
    pages: Vec<PageLink>,
    role_choices: Vec<(String, String)>,
    state_choices: Vec<(String, String)>,
    organisation_choices: Vec<(String, String)>,
    form: InvitationForm,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct InvitationForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub organisation: String,
}

#[derive(Deserialize)]
pub struct ListQuery {
    page: Option<String>,
}

fn status(lang: Lang, i: &InvitationRecord, now: i64) -> (String, bool) {
    if i.accepted_at.is_some() {
        (lang.t("invitation-status-accepted"), false)
    } else if i.revoked_at.is_some() {
        (lang.t("invitation-status-revoked"), false)
    } else if i.expires_at <= now {
        (lang.t("invitation-status-expired"), false)
    } else {
        (lang.t("invitation-status-pending"), true)
    }
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    csrf: &CsrfToken,
    page_number: Option<&str>,
    form: InvitationForm,
    notice: Option<String>,
    error: Option<String>,
    code: StatusCode,
) -> Result<Response, HtmlError> {
    let paging = crate::paging::paging(page_number, None)
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let found = app
        .store
        .accounts()
        .list_invitations(paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let organisation_choices = organisation_choices(app, lang)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let now = now();
    let mut rows = Vec::new();
    for i in &found.items {
        let (status, revocable) = status(lang, i, now);
        rows.push(InvitationRow {
            id: i.id,
            email: i.email.clone(),
            role: role_label(app, lang, &i.role).await,
            created: unix_date_time(i.created_at),
            expires: unix_date_time(i.expires_at),
            status,
            revocable,
            user_id: i.user_id,
        });
    }
    let view = InvitationsPage {
        page: PageContext::new(
            lang,
            "/admin/invitations",
            lang.t("admin-invitations-title"),
        ),
        csrf: csrf.0.clone(),
        total: found.total,
        pages: page_links(
            "/admin/invitations",
            &Default::default(),
            found.page,
            found.page_count(),
        ),
        rows,
        role_choices: role_choices(lang),
        state_choices: state_choices(lang),
        organisation_choices,
        form: InvitationForm { ..form },
        notice,
        error,
    };
    Ok(render(&view, code))
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    Params(q): Params<ListQuery>,
) -> Result<Response, HtmlError> {
    page(
        &app,
        lang,
        &csrf,
        q.page.as_deref(),
        InvitationForm::default(),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    CsrfForm(form): CsrfForm<InvitationForm>,
) -> Result<Response, HtmlError> {
    let invalid = |message: String, form: InvitationForm| {
        let app = app.clone();
        let csrf = csrf.clone();
        async move {
            page(
                &app,
                lang,
                &csrf,
                None,
                form,
                None,
                Some(message),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    };
    let email = match normalize_email(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            return invalid(
                lang.t_args(
                    "invitation-email-invalid",
                    &[("reason", problem.to_string().into())],
                ),
                form,
            )
            .await;
        }
    };
    let role = match role_from_form(&form.role, &form.state, &form.organisation) {
        Ok(role) => role,
        Err(message) => return invalid(message, form).await,
    };
    // Which roles this user may hand out is the policy's to say.
    match decide(
        principal.subject(),
        Action::Create,
        &Resource::Invitation { role: role.kind },
    ) {
        Decision::Allow => {}
        decision => {
            tracing::warn!(address = %principal.address, role = role.kind.slug(), "invitation to a role the user may not give");
            return Ok(crate::auth::refusal(
                decision,
                lang,
                "/admin/invitations",
                "/admin/invitations",
            ));
        }
    }
    let secret = new_secret("");
    let link = crate::account::service::link(&app, &format!("/invitations/{}", secret.expose()));
    let role_name = role_label(&app, lang, &role).await;
    let inviter = principal
        .user
        .as_ref()
        .map_or_else(String::new, |u| u.display_name.clone());
    let message = NewMessage {
        to: email.clone(),
        subject: taawun_text::strip_bidi_controls(&lang.t("mail-invitation-subject")),
        // Without Fluent's bidi isolation marks, which would break the link.
        text: taawun_text::strip_bidi_controls(&lang.t_args(
            "mail-invitation-body",
            &[
                ("inviter", inviter.into()),
                ("role", role_name.into()),
                ("link", link.into()),
                ("days", (INVITATION_SECONDS / 86_400).into()),
            ],
        )),
    };
    let now = now();
    let invitation = NewInvitation {
        email: email.clone(),
        role,
        token_digest: taawun_accounts::digest(secret.expose()),
        expires_at: now + INVITATION_SECONDS,
    };
    match app
        .store
        .accounts()
        .create_invitation(&principal.change_context(), &invitation, &message, now)
        .await
    {
        Ok(_) => {
            let notice = lang.t_args("invitation-sent", &[("email", email.into())]);
            page(
                &app,
                lang,
                &csrf,
                None,
                InvitationForm::default(),
                Some(notice),
                None,
                StatusCode::CREATED,
            )
            .await
        }
        Err(AccountError::Conflict(m)) => {
            page(
                &app,
                lang,
                &csrf,
                None,
                form,
                None,
                Some(m),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(AccountError::NotFound(m)) => invalid(m, form).await,
        Err(AccountError::Store(e)) => Err(HtmlError::internal(lang, &e)),
    }
}

pub async fn revoke(
    State(app): State<AppState>,
    lang: Lang,
    csrf: CsrfToken,
    principal: Principal,
    Path(id): Path<String>,
    _: CsrfForm<NoFields>,
) -> Result<Response, HtmlError> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(HtmlError::not_found(lang, lang.t("invitation-unknown")));
    };
    // Revoking takes the same power as inviting: the policy is asked about the invitation's
    // role (the secretariat may not revoke an administrator's or the secretariat's invitation).
    let subject = principal.subject();
    let may_revoke = |role: &taawun_accounts::RoleGrant| {
        decide(
            subject,
            Action::Create,
            &Resource::Invitation { role: role.kind },
        ) == Decision::Allow
    };
    match app
        .store
        .accounts()
        .revoke_invitation(&principal.change_context(), id, now(), &may_revoke)
        .await
    {
        Ok(Err(role)) => {
            tracing::warn!(address = %principal.address, role = role.kind.slug(), "revocation of an invitation to a role the user may not give");
            Ok(crate::auth::refusal(
                Decision::Forbidden,
                lang,
                "/admin/invitations",
                "/admin/invitations",
            ))
        }
        Ok(Ok(_)) => {
            page(
                &app,
                lang,
                &csrf,
                None,
                InvitationForm::default(),
                Some(lang.t("invitation-revoked")),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(AccountError::NotFound(_)) => {
            Err(HtmlError::not_found(lang, lang.t("invitation-unknown")))
        }
        Err(AccountError::Conflict(m)) => {
            page(
                &app,
                lang,
                &csrf,
                None,
                InvitationForm::default(),
                None,
                Some(m),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(AccountError::Store(e)) => Err(HtmlError::internal(lang, &e)),
    }
}
