//! The audit trail as the administrator sees it: the chain verified on request, and every
//! entry with who, when, what, before and after.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use taawun_audit::{Entry, Verification};
use taawun_store::{AuditFilter, Paging};

use crate::AppState;
use crate::error::HtmlError;
use crate::format::unix_date_time;
use crate::i18n::Lang;
use crate::page::{PageContext, render};
use crate::params::Params;
use crate::states::{PageLink, page_links};

/// An entry as pages show it.
pub struct EntryView {
    pub seq: i64,
    pub when: String,
    pub actor: String,
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    pub history_href: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: String,
    pub hash: String,
}

/// Who made a change, as the viewer may see it: the role always; the person's name when they
/// chose to be named (or the viewer administers accounts, who also sees the account number).
pub fn actor_label(
    lang: Lang,
    entry: &Entry,
    public_names: &HashMap<i64, String>,
    full: bool,
) -> String {
    let role = lang.t(&format!("role-{}", entry.actor_role));
    match entry.actor_user_id {
        Some(id) if full => match public_names.get(&id) {
            Some(name) => format!("{role} · {name} (#{id})"),
            None => format!("{role} · #{id}"),
        },
        Some(id) => match public_names.get(&id) {
            Some(name) => format!("{role} · {name}"),
            None => role,
        },
        None => role,
    }
}

fn pretty(json: &Option<String>) -> Option<String> {
    json.as_ref().map(|text| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| text.clone())
    })
}

pub fn entry_view(
    lang: Lang,
    entry: &Entry,
    names: &HashMap<i64, String>,
    full: bool,
) -> EntryView {
    EntryView {
        seq: entry.seq,
        when: unix_date_time(entry.at_us / 1_000_000),
        actor: actor_label(lang, entry, names, full),
        action: lang.t(&format!("audit-action-{}", entry.action)),
        record_type: lang.t(&format!("record-type-{}", entry.record_type)),
        record_id: entry.record_id.clone(),
        history_href: format!(
            "/history/{}/{}",
            entry.record_type,
            crate::page::encode_query_value(&entry.record_id)
        ),
        before: pretty(&entry.before),
        after: pretty(&entry.after),
        request_id: entry.request_id.clone().unwrap_or_default(),
        hash: entry.hash.chars().take(12).collect(),
    }
}

/// The names to show for the accounts in these entries: public names, or every name when
/// `all` (administrators).
pub async fn names_for(app: &AppState, entries: &[Entry], all: bool) -> HashMap<i64, String> {
    let mut ids: Vec<i64> = entries.iter().filter_map(|e| e.actor_user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if all {
        match app.store.accounts().account_labels(&ids).await {
            Ok(labels) => labels
                .into_iter()
                .map(|(id, name, email)| (id, format!("{name} <{email}>")))
                .collect(),
            Err(error) => {
                // The entries are shown anyway, with the actors' roles and numbers.
                tracing::warn!(%error, "could not read the names of the audit entries' actors");
                HashMap::new()
            }
        }
    } else {
        app.store
            .accounts()
            .public_names(&ids)
            .await
            .map(|v| v.into_iter().collect())
            .unwrap_or_default()
    }
}

pub struct VerificationView {
    pub intact: bool,
    pub checked: u64,
    pub head_hash: String,
    pub broken_seq: Option<i64>,
    pub reason: String,
    pub millis: u128,
}

pub fn verification_view(v: &Verification, millis: u128) -> VerificationView {
    VerificationView {
        intact: v.is_intact(),
        checked: v.checked,
        head_hash: v.head_hash.clone(),
        broken_seq: v.broken.as_ref().map(|b| b.seq),
        reason: v
            .broken
            .as_ref()
            .map(|b| b.reason.to_string())
            .unwrap_or_default(),
        millis,
    }
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    page: PageContext,
    verification: Option<VerificationView>,
    total_entries: u64,
    rows: Vec<EntryView>,
    total: u64,
    pages: Vec<PageLink>,
    record_type: String,
    record_id: String,
    actor: String,
}

#[derive(Deserialize)]
pub struct AuditQuery {
    page: Option<String>,
    record_type: Option<String>,
    record_id: Option<String>,
    actor: Option<String>,
    verify: Option<String>,
}

pub fn filter_from(
    record_type: Option<String>,
    record_id: Option<String>,
    actor: Option<&str>,
) -> Result<AuditFilter, crate::paging::InvalidParameter> {
    let actor_user_id = match actor.map(str::trim).filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(a.trim_start_matches('#').parse::<i64>().map_err(|_| {
            crate::paging::InvalidParameter::new(
                "actor",
                format!("actor is an account number, not {a:?}"),
            )
        })?),
    };
    Ok(AuditFilter {
        record_type: record_type.filter(|t| !t.trim().is_empty()),
        record_id: record_id.filter(|t| !t.trim().is_empty()),
        actor_user_id,
    })
}

pub async fn page(
    State(app): State<AppState>,
    lang: Lang,
    Params(q): Params<AuditQuery>,
) -> Result<Response, HtmlError> {
    let paging = crate::paging::paging(q.page.as_deref(), None)
        .map(|p| Paging { per_page: 50, ..p })
        .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let filter = filter_from(
        q.record_type.clone(),
        q.record_id.clone(),
        q.actor.as_deref(),
    )
    .map_err(|e| HtmlError::invalid_parameter(lang, e))?;
    let verification = if q.verify.is_some() {
        let started = std::time::Instant::now();
        let v = app
            .store
            .accounts()
            .verify_audit(&|_| {})
            .await
            .map_err(|e| HtmlError::internal(lang, &e))?;
        if !v.is_intact() {
            tracing::error!(broken = ?v.broken, "the audit chain is broken");
        }
        Some(verification_view(&v, started.elapsed().as_millis()))
    } else {
        None
    };
    let accounts = app.store.accounts();
    let (entries, total_entries) = tokio::try_join!(
        accounts.audit_entries(&filter, paging),
        accounts.audit_count()
    )
    .map_err(|e| HtmlError::internal(lang, &e))?;
    let names = names_for(&app, &entries.items, true).await;
    let mut params = HashMap::new();
    for (key, value) in [
        ("record_type", &filter.record_type),
        ("record_id", &filter.record_id),
    ] {
        if let Some(v) = value {
            params.insert(key.to_owned(), v.clone());
        }
    }
    if let Some(a) = filter.actor_user_id {
        params.insert("actor".to_owned(), a.to_string());
    }
    let view = AuditPage {
        page: PageContext::new(lang, "/admin/audit", lang.t("admin-audit-title")),
        verification,
        total_entries,
        rows: entries
            .items
            .iter()
            .map(|e| entry_view(lang, e, &names, true))
            .collect(),
        total: entries.total,
        pages: page_links("/admin/audit", &params, entries.page, entries.page_count()),
        record_type: filter.record_type.unwrap_or_default(),
        record_id: filter.record_id.unwrap_or_default(),
        actor: filter
            .actor_user_id
            .map(|a| a.to_string())
            .unwrap_or_default(),
    };
    Ok(render(&view, StatusCode::OK))
}
