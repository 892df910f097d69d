//! The history of one record, from the audit trail: public for published records (who changed
//! it as a role, and the person's name only if they chose to be named); an account's history
//! for its holder and the administrators.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_policy::{Action, Decision, Resource, decide};
use taawun_store::AuditFilter;

use crate::AppState;
use crate::admin::{EntryView, entry_view, names_for};
use crate::auth::{Principal, Routes, refusal};
use crate::error::{ApiError, ApiErrorBody, HtmlError};
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;
use crate::states::{PageLink, page_links};

pub fn routes() -> Routes {
    // The route is open; which histories a user may read depends on the record, so the
    // handler asks the policy once it knows the record's type.
    Routes::new()
        .public("/history/{record_type}/{*record_id}", page)
        .public("/api/v1/history/{record_type}/{*record_id}", api)
}

/// Record types whose records are published, so their history is public.
pub const PUBLISHED_TYPES: [&str; 4] = [
    "resolution",
    "voting-records",
    "reference-data",
    "organisation",
];
/// Every record type the audit log holds.
pub const RECORD_TYPES: [&str; 7] = [
    "resolution",
    "voting-records",
    "reference-data",
    "organisation",
    "user",
    "invitation",
    "api-token",
];

fn resource_for(record_type: &str, record_id: &str) -> Resource {
    Resource::History {
        published: PUBLISHED_TYPES.contains(&record_type),
        account_of: (record_type == "user")
            .then(|| record_id.parse().ok())
            .flatten(),
    }
}

fn sees_everything(principal: &Principal) -> bool {
    decide(principal.subject(), Action::Read, &Resource::AuditLog) == Decision::Allow
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    page: PageContext,
    record_href: Option<String>,
    rows: Vec<EntryView>,
    total: u64,
    pages: Vec<PageLink>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct HistoryQuery {
    page: Option<String>,
    per_page: Option<String>,
}

fn record_href(record_type: &str, record_id: &str) -> Option<String> {
    let id = crate::page::encode_query_value(record_id);
    match record_type {
        "resolution" => Some(format!("/resolutions/{id}")),
        "organisation" => Some(format!("/organisations/{id}")),
        "user" => Some(format!("/admin/users/{id}")),
        _ => None,
    }
}

pub async fn page(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path((record_type, record_id)): Path<(String, String)>,
    Params(q): Params<HistoryQuery>,
) -> Result<Response, HtmlError> {
    let path = format!(
        "/history/{record_type}/{}",
        crate::page::encode_query_value(&record_id)
    );
    if !RECORD_TYPES.contains(&record_type.as_str()) {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args("history-unknown-type", &[("type", record_type.into())]),
        ));
    }
    let decision = decide(
        principal.subject(),
        Action::Read,
        &resource_for(&record_type, &record_id),
    );
    if decision != Decision::Allow {
        return Ok(refusal(decision, lang, &path, &path));
    }
    let paging = crate::paging::paging(q.page.as_deref(), q.per_page.as_deref())
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let filter = AuditFilter {
        record_type: Some(record_type.clone()),
        record_id: Some(record_id.clone()),
        actor_user_id: None,
    };
    let entries = app
        .store
        .accounts()
        .audit_entries(&filter, paging)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    // Every record the platform holds has at least the entry that created it: no entry means
    // no such record.
    if entries.total == 0 {
        return Err(HtmlError::not_found(
            lang,
            lang.t_args(
                "history-unknown-record",
                &[
                    ("type", lang.t(&format!("record-type-{record_type}")).into()),
                    ("id", record_id.clone().into()),
                ],
            ),
        ));
    }
    let full = sees_everything(&principal);
    let names = names_for(&app, &entries.items, full).await;
    let title = lang.t_args(
        "history-title",
        &[
            ("type", lang.t(&format!("record-type-{record_type}")).into()),
            ("id", record_id.clone().into()),
        ],
    );
    let view = HistoryPage {
        page: PageContext::new(lang, path.clone(), title),
        record_href: record_href(&record_type, &record_id),
        rows: entries
            .items
            .iter()
            .map(|e| entry_view(lang, e, &names, full))
            .collect(),
        total: entries.total,
        pages: page_links(
            &path,
            &Default::default(),
            entries.page,
            entries.page_count(),
        ),
    };
    Ok(render(&view, StatusCode::OK))
}

/// One change of a record, as the public may see it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct HistoryEntryView {
    pub seq: i64,
    /// Microseconds since the Unix epoch.
    pub at_us: i64,
    /// The role the change was made in.
    pub actor_role: String,
    /// The person's name, when they chose to be named (or for administrators).
    pub actor_name: Option<String>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The entry's hash in the audit chain.
    pub hash: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HistoryView {
    pub record_type: String,
    pub record_id: String,
    pub items: Vec<HistoryEntryView>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

#[utoipa::path(get, path = "/api/v1/history/{record_type}/{record_id}", tag = "audit",
    params(
        ("record_type" = String, Path, description = "resolution, voting-records, reference-data, organisation (public); user, invitation, api-token (administrators; an account's own history for its holder)"),
        ("record_id" = String, Path, description = "The record's id: a symbol, a number, a body"),
        HistoryQuery,
    ),
    responses(
        (status = 200, description = "The record's changes, newest first", body = HistoryView),
        (status = 400, description = "A parameter is not valid", body = ApiErrorBody),
        (status = 401, description = "Sign-in required for this record's history", body = ApiErrorBody),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
        (status = 404, description = "Unknown record type, or no such record", body = ApiErrorBody),
    ))]
pub async fn api(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path((record_type, record_id)): Path<(String, String)>,
    Params(q): Params<HistoryQuery>,
) -> Result<Response, ApiError> {
    if !RECORD_TYPES.contains(&record_type.as_str()) {
        return Err(ApiError::not_found(format!(
            "no record type {record_type:?}; the types are {}",
            RECORD_TYPES.join(", ")
        )));
    }
    let decision = decide(
        principal.subject(),
        Action::Read,
        &resource_for(&record_type, &record_id),
    );
    if decision != Decision::Allow {
        return Ok(refusal(
            decision,
            lang,
            "/api/v1/history",
            "/api/v1/history",
        ));
    }
    let paging = crate::paging::paging(q.page.as_deref(), q.per_page.as_deref())?;
    let filter = AuditFilter {
        record_type: Some(record_type.clone()),
        record_id: Some(record_id.clone()),
        actor_user_id: None,
    };
    let entries = app.store.accounts().audit_entries(&filter, paging).await?;
    if entries.total == 0 {
        return Err(ApiError::not_found(format!(
            "there is no {record_type} {record_id:?}: the audit trail has no change of it"
        )));
    }
    let full = sees_everything(&principal);
    let names = names_for(&app, &entries.items, full).await;
    Ok(Json(HistoryView {
        record_type,
        record_id,
        total: entries.total,
        page: entries.page,
        per_page: entries.per_page,
        items: entries
            .items
            .into_iter()
            .map(|e| HistoryEntryView {
                seq: e.seq,
                at_us: e.at_us,
                actor_name: e.actor_user_id.and_then(|id| names.get(&id).cloned()),
                actor_role: e.actor_role,
                action: e.action,
                before: e.before,
                after: e.after,
                hash: e.hash,
            })
            .collect(),
    })
    .into_response())
}
