//! The audit trail in the API (administrators).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use taawun_audit::{Entry, Verification};

use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};
use crate::params::Params;

/// One audit entry.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditEntryView {
    pub seq: i64,
    /// Microseconds since the Unix epoch.
    pub at_us: i64,
    /// The account that made the change; none for the command line and the system.
    pub actor_user_id: Option<i64>,
    /// The role it acted in.
    pub actor_role: String,
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    /// The record before and after, as the JSON text that was hashed.
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl From<Entry> for AuditEntryView {
    fn from(e: Entry) -> Self {
        AuditEntryView {
            seq: e.seq,
            at_us: e.at_us,
            actor_user_id: e.actor_user_id,
            actor_role: e.actor_role,
            action: e.action,
            record_type: e.record_type,
            record_id: e.record_id,
            before: e.before,
            after: e.after,
            request_id: e.request_id,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditPageView {
    pub items: Vec<AuditEntryView>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct AuditQuery {
    /// `resolution`, `voting-records`, `organisation`, `user`, `invitation`, `api-token`, …
    record_type: Option<String>,
    record_id: Option<String>,
    /// An account number.
    actor: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit",
    security(("token" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "Audit entries, newest first", body = AuditPageView),
        (status = 400, description = "A parameter is not valid", body = ApiErrorBody),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 403, description = "Not an administrator", body = ApiErrorBody),
    ))]
pub async fn audit_entries(
    State(app): State<AppState>,
    Params(q): Params<AuditQuery>,
) -> Result<Json<AuditPageView>, ApiError> {
    let paging = crate::paging::paging(q.page.as_deref(), q.per_page.as_deref())?;
    let filter = super::audit::filter_from(q.record_type, q.record_id, q.actor.as_deref())?;
    let page = app.store.accounts().audit_entries(&filter, paging).await?;
    Ok(Json(AuditPageView {
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        items: page.items.into_iter().map(AuditEntryView::from).collect(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VerificationView {
    pub intact: bool,
    /// Entries proven, from the first to the first broken one.
    pub checked: u64,
    /// The hash of the last proven entry: publish it to pin the chain.
    pub head_hash: String,
    /// The first broken entry and why.
    pub broken_seq: Option<i64>,
    pub reason: Option<String>,
    pub millis: u64,
}

pub fn verification_json(v: &Verification, millis: u64) -> VerificationView {
    VerificationView {
        intact: v.is_intact(),
        checked: v.checked,
        head_hash: v.head_hash.clone(),
        broken_seq: v.broken.as_ref().map(|b| b.seq),
        reason: v.broken.as_ref().map(|b| b.reason.to_string()),
        millis,
    }
}

#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    security(("token" = [])),
    responses(
        (status = 200, description = "The chain walked from the first entry", body = VerificationView),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 403, description = "Not an administrator", body = ApiErrorBody),
    ))]
pub async fn verify_audit(State(app): State<AppState>) -> Result<Json<VerificationView>, ApiError> {
    let started = std::time::Instant::now();
    let v = app.store.accounts().verify_audit(&|_| {}).await?;
    Ok(Json(verification_json(
        &v,
        started.elapsed().as_millis() as u64,
    )))
}
