//! The account in the API: who the token belongs to, and the owner's tokens.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_policy::{Action, Decision, Resource, decide};
use taawun_store::{AccountError, ApiTokenRecord, UserRecord};

use super::service;
use crate::AppState;
use crate::auth::{Principal, now};
use crate::error::{ApiError, ApiErrorBody};

/// A role as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoleView {
    /// `focal-point`, `stakeholder`, `donor`, `secretariat`, `administrator`.
    pub role: &'static str,
    /// ISO3 of the State the role is bound to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The organisation the role is bound to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountView {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    /// Whether the person is named in the public history of records they changed.
    pub name_public: bool,
    pub roles: Vec<RoleView>,
}

pub fn account_view(user: &UserRecord) -> AccountView {
    AccountView {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        name_public: user.name_public,
        roles: user
            .roles
            .iter()
            .map(|r| RoleView {
                role: r.kind.slug(),
                state: r.state().map(str::to_owned),
                organisation: r.organisation(),
            })
            .collect(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenView {
    pub id: i64,
    pub name: String,
    /// The token's first characters, to tell tokens apart.
    pub prefix: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl From<ApiTokenRecord> for TokenView {
    fn from(t: ApiTokenRecord) -> Self {
        TokenView {
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NewTokenView {
    pub token: TokenView,
    /// The secret: send it as `Authorization: Bearer …`. Shown this once; only its digest is
    /// stored.
    pub secret: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    /// What the token is for (1–100 characters).
    pub name: String,
}

fn signed_in(principal: &Principal) -> Result<&UserRecord, ApiError> {
    principal
        .user
        .as_deref()
        .ok_or_else(|| ApiError::unauthorized("sign-in required"))
}

#[utoipa::path(get, path = "/api/v1/account", tag = "account",
    security(("token" = [])),
    responses(
        (status = 200, description = "The account the token or session belongs to", body = AccountView),
        (status = 401, description = "No valid token", body = ApiErrorBody),
    ))]
pub async fn me(principal: Principal) -> Result<Json<AccountView>, ApiError> {
    Ok(Json(account_view(signed_in(&principal)?)))
}

#[utoipa::path(get, path = "/api/v1/account/tokens", tag = "account",
    security(("token" = [])),
    responses(
        (status = 200, description = "The account's API tokens, live first", body = Vec<TokenView>),
        (status = 401, description = "No valid token", body = ApiErrorBody),
    ))]
pub async fn list_tokens(
    State(app): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    let user = signed_in(&principal)?;
    let tokens = app.store.accounts().list_api_tokens(user.id).await?;
    Ok(Json(tokens.into_iter().map(TokenView::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/account/tokens", tag = "account",
    security(("token" = [])),
    request_body = NewTokenRequest,
    responses(
        (status = 201, description = "The new token with its secret, shown once", body = NewTokenView),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 422, description = "The body does not match the schema", body = ApiErrorBody),
    ))]
pub async fn create_token(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<NewTokenRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    signed_in(&principal)?;
    let Json(request) = body?;
    let name = service::valid_token_name(&request.name)
        .ok_or_else(|| ApiError::invalid("name", "give the token a name of 1 to 100 characters"))?;
    let (record, secret) = service::create_token(&app, &principal, &name).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewTokenView {
            token: record.into(),
            secret,
        }),
    )
        .into_response())
}

#[utoipa::path(delete, path = "/api/v1/account/tokens/{id}", tag = "account",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The token's id")),
    responses(
        (status = 204, description = "Revoked (or already revoked)"),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 404, description = "You have no token with this id", body = ApiErrorBody),
    ))]
pub async fn revoke_token(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let user = signed_in(&principal)?;
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::invalid("id", "a token id is a whole number"))?;
    let owned = app.store.accounts().list_api_tokens(user.id).await?;
    let owner = owned.iter().find(|t| t.id == id).map_or(0, |t| t.user_id);
    // Another user's token and no token at all get the same answer.
    if decide(
        principal.subject(),
        Action::Delete,
        &Resource::ApiToken {
            owner_user_id: owner,
        },
    ) != Decision::Allow
    {
        return Err(ApiError::not_found(format!("you have no API token {id}")));
    }
    match app
        .store
        .accounts()
        .revoke_api_token(&principal.change_context(), user.id, id, now())
        .await
    {
        Ok(_) => Ok(StatusCode::NO_CONTENT),
        Err(AccountError::NotFound(m)) => Err(ApiError::not_found(m)),
        Err(e) => Err(e.into()),
    }
}
