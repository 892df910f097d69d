//! `/api/v1/summary-reports/{addressee}/{paragraph}/{symbol}`: a mandate's summary report (the
//! published text for everyone; every version for the secretariat), and the secretariat's
//! changes: generate, edit, publish.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use taawun_store::cooperation::{ReportChange, ReportVersion, SummaryReportRow};
use taawun_store::council::MandateKey;

use super::pages::{ChangeError, ChangeRequest, apply_change};
use super::{Documents, MastheadForm, href};
use crate::AppState;
use crate::auth::Principal;
use crate::council::mandate_key;
use crate::error::{ApiError, ApiErrorBody};

/// One version with its documents (as the report engine holds them: blocks of headings,
/// paragraphs, lists, tables and charts).
#[derive(Serialize, utoipa::ToSchema)]
pub struct VersionView {
    pub number: u32,
    /// draft or published
    pub stage: &'static str,
    /// generated, edited or published
    pub change: &'static str,
    pub symbol: String,
    pub author: String,
    pub note: String,
    /// Unix seconds.
    pub at: i64,
    #[schema(value_type = Object)]
    pub document_ar: serde_json::Value,
    #[schema(value_type = Object)]
    pub document_en: serde_json::Value,
    /// The secretariat's editing form of each document (send it back, changed, to edit).
    pub text_ar: Option<String>,
    pub text_en: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportView {
    pub href: String,
    /// Send it back with a change (0: no report yet).
    pub revision: i64,
    /// The published version, if any.
    pub published: Option<VersionView>,
    /// Every version, oldest first (the secretariat; others see only the published one).
    pub versions: Vec<VersionView>,
}

fn version_view(v: &ReportVersion, runs: bool) -> Result<VersionView, ApiError> {
    let documents = Documents::read(&v.document_ar, &v.document_en)?;
    Ok(VersionView {
        number: v.number,
        stage: v.stage.slug(),
        change: v.change.slug(),
        symbol: v.symbol.clone(),
        author: v.author.clone(),
        note: v.note.clone(),
        at: v.at,
        document_ar: serde_json::to_value(&documents.ar).unwrap_or_default(),
        document_en: serde_json::to_value(&documents.en).unwrap_or_default(),
        text_ar: runs.then(|| taawun_report::to_markup(&documents.ar)),
        text_en: runs.then(|| taawun_report::to_markup(&documents.en)),
    })
}

fn view(
    key: &MandateKey,
    row: Option<&SummaryReportRow>,
    runs: bool,
) -> Result<ReportView, ApiError> {
    Ok(ReportView {
        href: href(key),
        revision: row.map_or(0, |r| r.revision),
        published: row
            .and_then(|r| r.published())
            .map(|v| version_view(v, runs))
            .transpose()?,
        versions: if runs {
            row.map(|r| r.versions.iter().map(|v| version_view(v, true)).collect())
                .transpose()?
                .unwrap_or_default()
        } else {
            Vec::new()
        },
    })
}

async fn key_of(app: &AppState, path: &(String, String, String)) -> Result<MandateKey, ApiError> {
    let key = mandate_key(&path.0, &path.1, &path.2).map_err(ApiError::not_found)?;
    if app.store.council().mandate(&key, None).await?.is_none() {
        return Err(ApiError::not_found(format!(
            "no mandate in paragraph {} of {}",
            key.paragraph, key.symbol
        )));
    }
    Ok(key)
}

fn runs(principal: &Principal) -> bool {
    principal.subject().is_secretariat() || principal.subject().is_admin()
}

#[utoipa::path(
    get,
    path = "/api/v1/summary-reports/{addressee}/{paragraph}/{symbol}",
    tag = "summary-reports",
    params(
        ("addressee" = String, Path, description = "high-commissioner, secretary-general, states, the-body, un-system or other"),
        ("paragraph" = u32, Path, description = "The operative paragraph"),
        ("symbol" = String, Path, description = "The resolution's symbol (A/HRC/RES/56/2)"),
    ),
    responses(
        (status = 200, description = "The report: the published version; every version for the secretariat", body = ReportView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(path): Path<(String, String, String)>,
) -> Result<Json<ReportView>, ApiError> {
    let key = key_of(&app, &path).await?;
    let row = app.store.cooperation().summary_report(&key).await?;
    Ok(Json(view(&key, row.as_ref(), runs(&principal))?))
}

/// A change: generate (with the masthead and the practices cited), edit (both languages' text
/// in the editing form — `taawun_report::to_markup` — and a note), or publish.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ChangeBody {
    /// generate, edit or publish
    pub action: String,
    /// The revision the change was made from (0 for the first generation).
    pub revision: i64,
    #[serde(default)]
    pub masthead: MastheadForm,
    /// Numbers of published practices to cite (P-2026-0001).
    #[serde(default)]
    pub practices: Vec<String>,
    #[serde(default)]
    pub text_ar: String,
    #[serde(default)]
    pub text_en: String,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/summary-reports/{addressee}/{paragraph}/{symbol}",
    tag = "summary-reports",
    security(("token" = [])),
    params(
        ("addressee" = String, Path, description = "The mandate's addressee"),
        ("paragraph" = u32, Path, description = "The operative paragraph"),
        ("symbol" = String, Path, description = "The resolution's symbol"),
    ),
    request_body = ChangeBody,
    responses(
        (status = 200, description = "The report after the change; publishing also records the report as the mandate's delivered output", body = ReportView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
        (status = 409, description = "No seminar of the mandate held yet, nothing to edit or publish, already published, or a stale revision: nothing written", body = ApiErrorBody),
        (status = 422, description = "A masthead field, a practice number or a line of the text that is wrong, named: nothing written", body = ApiErrorBody),
    )
)]
pub async fn change(
    State(app): State<AppState>,
    principal: Principal,
    Path(path): Path<(String, String, String)>,
    body: Result<Json<ChangeBody>, JsonRejection>,
) -> Result<Json<ReportView>, ApiError> {
    let Json(body) = body?;
    let key = key_of(&app, &path).await?;
    let change = match body.action.trim() {
        "generate" => ReportChange::Generated,
        "edit" => ReportChange::Edited,
        "publish" => ReportChange::Published,
        other => {
            return Err(ApiError::invalid_body(format!(
                "action must be generate, edit or publish, not {other:?}"
            ))
            .naming("action"));
        }
    };
    let request = ChangeRequest {
        change,
        revision: body.revision,
        masthead: body.masthead,
        practices: body.practices.join(" "),
        text_ar: body.text_ar,
        text_en: body.text_en,
        note: body.note,
    };
    let row = apply_change(&app, &principal, &key, &request)
        .await
        .map_err(|e| match e {
            ChangeError::Fields(errors) => {
                let first = errors.first().map(|(f, _)| f.clone()).unwrap_or_default();
                let first = if change == ReportChange::Generated
                    && !first.starts_with("practices")
                    && !first.is_empty()
                {
                    format!("masthead.{first}")
                } else {
                    first
                };
                ApiError::invalid_body(
                    errors
                        .iter()
                        .map(|(f, m)| format!("{f}: {m}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                )
                .naming(&first)
            }
            ChangeError::Refused(m) | ChangeError::Conflict(m) => ApiError::conflict(m),
            ChangeError::NotFound(m) => ApiError::not_found(m),
            ChangeError::Store(e) => e.into(),
        })?;
    Ok(Json(view(&key, Some(&row), runs(&principal))?))
}
