//! `/api/v1/practices…`: the compendium, one practice, a new draft, a step.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_cooperation::{Language, PracticeDraft};
use taawun_store::practices::{PracticeError, PracticeRow, PracticeStep, Stage, Step};

use super::{PracticeFilter, href, published, role_for, sees_whole, visible};
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};

/// A practice as the API gives it: the published content to everyone; the submitter and the
/// secretariat also see its stage, its current content and every step.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PracticeView {
    pub id: i64,
    /// `P-2026-0042`, once published.
    pub number: Option<String>,
    /// draft, submitted, published, returned or declined.
    pub stage: &'static str,
    /// The latest published version (0 before the first publication).
    pub version: u32,
    /// Its stable address on the platform.
    pub href: String,
    /// The content (the latest published version for the public).
    #[schema(value_type = Object)]
    pub practice: serde_json::Value,
    /// How to cite it, in English and Arabic (published practices).
    pub citation_en: Option<String>,
    pub citation_ar: Option<String>,
    /// Send it back with a step.
    pub revision: i64,
    /// Every step, with its reason (the submitter and the secretariat).
    #[schema(value_type = Vec<Object>)]
    pub history: Option<serde_json::Value>,
    /// Made by `taawun demo practices`, not a real practice.
    pub demonstration: bool,
}

pub fn view(app: &AppState, principal: &Principal, row: &PracticeRow) -> PracticeView {
    let whole = sees_whole(principal, row);
    let record = &row.record;
    let url = format!("{}{}", app.auth.public_url, href(row));
    let content = if whole {
        Some(&record.content)
    } else {
        record.published(None).map(|p| &p.content)
    };
    PracticeView {
        id: record.id,
        number: record.position.number.map(|n| n.to_string()),
        stage: if whole || record.stage() == Stage::Published {
            record.stage().slug()
        } else {
            "published"
        },
        version: record.position.version,
        href: href(row),
        practice: serde_json::to_value(content).unwrap_or_default(),
        citation_en: record.citation(None, Language::En, &url),
        citation_ar: record.citation(None, Language::Ar, &url),
        revision: row.revision,
        history: whole.then(|| serde_json::to_value(&record.history).unwrap_or_default()),
        demonstration: row.demonstration,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PracticePage {
    pub items: Vec<PracticeView>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

#[utoipa::path(
    get,
    path = "/api/v1/practices",
    tag = "practices",
    params(PracticeFilter),
    responses(
        (status = 200, description = "Published practices, newest publication first", body = PracticePage),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Query(params): Query<PracticeFilter>,
) -> Result<Json<PracticePage>, ApiError> {
    let filter = params.filter()?;
    let paging = crate::paging::paging(params.page.as_deref(), params.per_page.as_deref())?;
    let all = published(&app).await?;
    let matching: Vec<&PracticeRow> = all.iter().filter(|r| filter.matches(r)).collect();
    let total = matching.len() as u64;
    let items = matching
        .into_iter()
        .skip(paging.offset() as usize)
        .take(paging.per_page as usize)
        .map(|r| view(&app, &principal, r))
        .collect();
    Ok(Json(PracticePage {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
        pages: total.div_ceil(u64::from(paging.per_page.max(1))) as u32,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}",
    tag = "practices",
    params(("id" = String, Path, description = "The practice's number (P-2026-0042) or id")),
    responses(
        (status = 200, description = "The practice", body = PracticeView),
        (status = 404, description = "No such practice, or not yet published", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<PracticeView>, ApiError> {
    let row = visible(&app, &principal, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no practice {:?}", id.trim())))?;
    Ok(Json(view(&app, &principal, &row)))
}

pub(crate) fn practice_error(error: PracticeError) -> ApiError {
    match error {
        PracticeError::NotFound(what) => ApiError::not_found(format!("no {what}")),
        PracticeError::Conflict(now) => ApiError::conflict(format!(
            "the practice was changed by someone else in the meantime (now revision {}): reload it and try again",
            now.revision
        )),
        PracticeError::Refused(refusal) => ApiError::conflict(refusal.to_string()),
        PracticeError::Invalid(message) => ApiError::conflict(message),
        PracticeError::Store(e) => e.into(),
    }
}

pub(crate) fn field_errors(errors: Vec<taawun_cooperation::FieldError>) -> ApiError {
    let first = errors.first().map(|e| e.field.clone()).unwrap_or_default();
    ApiError::invalid_body(
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    )
    .naming(&first)
}

#[utoipa::path(
    post,
    path = "/api/v1/practices",
    tag = "practices",
    security(("token" = [])),
    request_body(content = Object, description = "title, summary, modality, partners (ISO3 codes), organisations, rights, sdg_targets, region, start, end, results [{text, urls}], contact, languages"),
    responses(
        (status = 201, description = "The draft, seen by its submitter (and the secretariat) until published", body = PracticeView),
        (status = 422, description = "Every field that is wrong, named: nothing written", body = ApiErrorBody),
    )
)]
pub async fn create(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<PracticeDraft>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(draft) = body?;
    let practice = draft.validate().map_err(field_errors)?;
    let user = principal
        .user
        .as_ref()
        .ok_or_else(|| ApiError::forbidden("sign in to submit a practice"))?;
    let row = app
        .store
        .practices()
        .create_practice(
            &principal.change_context(),
            user.id,
            &user.display_name,
            &practice,
        )
        .await
        .map_err(practice_error)?;
    Ok((StatusCode::CREATED, Json(view(&app, &principal, &row))).into_response())
}

/// A step: submit, publish, return (with comments), decline (with the reason), or edit (with
/// the new content; a published practice's edit with a note of what changed).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct StepBody {
    pub step: String,
    #[serde(default)]
    pub reason: String,
    /// The revision the step was taken from.
    pub revision: i64,
    /// For an edit: the new content.
    #[schema(value_type = Option<Object>)]
    pub practice: Option<PracticeDraft>,
}

#[utoipa::path(
    post,
    path = "/api/v1/practices/{id}/steps",
    tag = "practices",
    security(("token" = [])),
    params(("id" = String, Path, description = "The practice's number or id")),
    request_body = StepBody,
    responses(
        (status = 200, description = "The practice after the step (in its history and the audit trail)", body = PracticeView),
        (status = 403, description = "The step is another role's", body = ApiErrorBody),
        (status = 404, description = "No such practice", body = ApiErrorBody),
        (status = 409, description = "A step that cannot be taken from the practice's stage, a reason missing, or a stale revision: nothing written", body = ApiErrorBody),
        (status = 422, description = "An edit's fields that are wrong, named", body = ApiErrorBody),
    )
)]
pub async fn take_step(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<StepBody>, JsonRejection>,
) -> Result<Json<PracticeView>, ApiError> {
    let Json(body) = body?;
    let row = visible(&app, &principal, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no practice {:?}", id.trim())))?;
    let step = Step::parse(&body.step).ok_or_else(|| {
        ApiError::invalid_body(format!(
            "step must be one of {}, not {:?}",
            Step::slugs(),
            body.step
        ))
        .naming("step")
    })?;
    let role = role_for(&principal, &row, step).ok_or_else(|| {
        ApiError::forbidden(format!(
            "“{step}” is not yours to take on this practice while it is {}",
            row.record.stage()
        ))
    })?;
    let content = match (&body.practice, step) {
        (Some(draft), Step::Edit) => Some(draft.validate().map_err(field_errors)?),
        (None, Step::Edit) => {
            return Err(
                ApiError::invalid_body("practice: an edit needs the new content")
                    .naming("practice"),
            );
        }
        _ => None,
    };
    let after = app
        .store
        .practices()
        .step_practice(
            &principal.change_context(),
            row.record.id,
            &PracticeStep {
                step,
                role,
                reason: &body.reason,
                content: content.as_ref(),
                revision: body.revision,
            },
        )
        .await
        .map_err(practice_error)?;
    super::index_now(&app, &after).await;
    Ok(Json(view(&app, &principal, &after)))
}
