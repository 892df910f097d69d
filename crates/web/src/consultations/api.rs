//! `/api/v1/consultations…`: the calls for inputs, one call with the submissions the reader may
//! see, a new call (the secretariat), a submission (any signed-in account or API token).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use taawun_cooperation::consultation::{
    AnswerDraft, SubmissionDraft, SubmissionRefusal, published,
};
use taawun_store::cooperation::{CallRow, CooperationError, SubmissionRow};

use super::{CallFields, Counts, Status, call_of, check_call, href, sees_all};
use crate::AppState;
use crate::auth::Principal;
use crate::council::mandate_href;
use crate::error::{ApiError, ApiErrorBody};
use crate::practices::api::field_errors;

/// The mandate a call serves, as its page's address names it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CallMandate {
    /// high-commissioner, secretary-general, states, the-body, un-system or other
    pub addressee: String,
    /// The operative paragraph's number.
    pub paragraph: u32,
    /// The resolution's symbol (A/HRC/RES/56/2).
    pub symbol: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct QuestionView {
    /// From 1.
    pub number: u32,
    pub text: String,
}

/// A call for inputs as the API gives it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CallView {
    pub id: i64,
    pub title: String,
    pub questions: Vec<QuestionView>,
    /// The first day submissions are taken (YYYY-MM-DD, UTC).
    pub opens: String,
    /// The last day a submission is on time, inclusive (YYYY-MM-DD, UTC); later ones are
    /// received and marked late.
    pub deadline: String,
    /// upcoming, open or closed, as of today (UTC).
    pub status: &'static str,
    pub mandate: CallMandate,
    /// The mandate's page.
    pub mandate_href: String,
    pub href: String,
    /// Every submission received, published or not.
    pub received: usize,
    /// Those received after the deadline.
    pub late: usize,
    /// Those whose senders agreed to publication.
    pub published: usize,
}

/// A call with the submissions the reader may see.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CallDetail {
    #[serde(flatten)]
    pub call: CallView,
    /// Whether `submissions` holds every submission (the secretariat) or the published ones.
    pub all_submissions: bool,
    /// The published submissions (never an e-mail address); every submission, with its
    /// address, consent and time, for the secretariat.
    #[schema(value_type = Vec<Object>)]
    pub submissions: Vec<serde_json::Value>,
}

fn call_view(row: &CallRow, submissions: &[SubmissionRow]) -> CallView {
    let counts = Counts::of(submissions);
    let call = &row.call;
    CallView {
        id: call.id,
        title: call.title.clone(),
        questions: call
            .questions
            .iter()
            .map(|q| QuestionView {
                number: q.number,
                text: q.text.clone(),
            })
            .collect(),
        opens: call.opens.to_string(),
        deadline: call.deadline.to_string(),
        status: Status::of(call, Utc::now().date_naive()).slug(),
        mandate: CallMandate {
            addressee: row.mandate.addressee.clone(),
            paragraph: row.mandate.paragraph,
            symbol: row.mandate.symbol.clone(),
        },
        mandate_href: mandate_href(&row.mandate),
        href: href(call.id),
        received: counts.received,
        late: counts.late,
        published: counts.published,
    }
}

async fn detail(
    app: &AppState,
    principal: &Principal,
    row: &CallRow,
) -> Result<CallDetail, ApiError> {
    let submissions = app.store.cooperation().submissions(row.call.id).await?;
    let all = sees_all(principal);
    let shown = if all {
        submissions
            .iter()
            .map(|s| serde_json::to_value(&s.submission).unwrap_or_default())
            .collect()
    } else {
        let plain: Vec<_> = submissions.iter().map(|s| s.submission.clone()).collect();
        published(&plain)
            .iter()
            .map(|s| serde_json::to_value(s).unwrap_or_default())
            .collect()
    };
    Ok(CallDetail {
        call: call_view(row, &submissions),
        all_submissions: all,
        submissions: shown,
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CallList {
    pub items: Vec<CallView>,
    pub total: usize,
}

#[utoipa::path(
    get,
    path = "/api/v1/consultations",
    tag = "consultations",
    responses((status = 200, description = "Every call for inputs, newest deadline first, with its counts of submissions", body = CallList))
)]
pub async fn list(State(app): State<AppState>) -> Result<Json<CallList>, ApiError> {
    let store = app.store.cooperation();
    let mut rows = store.calls(None).await?;
    rows.reverse();
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let submissions = store.submissions(row.call.id).await?;
        items.push(call_view(row, &submissions));
    }
    Ok(Json(CallList {
        total: items.len(),
        items,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/consultations/{id}",
    tag = "consultations",
    params(("id" = i64, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The call with its published submissions (every submission for the secretariat)", body = CallDetail),
        (status = 404, description = "No such call", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<CallDetail>, ApiError> {
    let row = call_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no call for inputs {:?}", id.trim())))?;
    Ok(Json(detail(&app, &principal, &row).await?))
}

/// The mandate of a new call: its paragraph as a number or as text.
#[derive(Default, Deserialize, utoipa::ToSchema)]
pub struct MandateBody {
    /// high-commissioner, secretary-general, states, the-body, un-system or other
    #[serde(default)]
    pub addressee: String,
    /// The operative paragraph's number.
    #[serde(default)]
    #[schema(value_type = u32)]
    pub paragraph: serde_json::Value,
    /// The resolution's symbol (A/HRC/RES/56/2).
    #[serde(default)]
    pub symbol: String,
}

/// A new call for inputs.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CallBody {
    #[serde(default)]
    pub title: String,
    /// In order; numbered from 1.
    #[serde(default)]
    pub questions: Vec<String>,
    /// YYYY-MM-DD
    #[serde(default)]
    pub opens: String,
    /// YYYY-MM-DD: the last day a submission is on time (inclusive, UTC).
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub mandate: MandateBody,
}

fn submission_error(error: CooperationError) -> ApiError {
    match error {
        CooperationError::NotFound(what) => ApiError::not_found(format!("no {what}")),
        CooperationError::Invalid(errors)
        | CooperationError::Submission(SubmissionRefusal::Invalid(errors)) => field_errors(errors),
        CooperationError::Store(e) => e.into(),
        other => ApiError::conflict(other.to_string()),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/consultations",
    tag = "consultations",
    security(("token" = [])),
    request_body = CallBody,
    responses(
        (status = 201, description = "The call", body = CallDetail),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named (`questions[2]`, `mandate.paragraph`): nothing written", body = ApiErrorBody),
    )
)]
pub async fn create(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<CallBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let paragraph = match &body.mandate.paragraph {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let fields = CallFields {
        title: &body.title,
        questions: body.questions.clone(),
        opens: &body.opens,
        deadline: &body.deadline,
        addressee: &body.mandate.addressee,
        paragraph: &paragraph,
        symbol: &body.mandate.symbol,
    };
    let (key, call) =
        check_call(&fields, |name| format!("mandate.{name}")).map_err(field_errors)?;
    let row = app
        .store
        .cooperation()
        .create_call(&principal.change_context(), &key, &call)
        .await
        .map_err(submission_error)?;
    Ok((
        StatusCode::CREATED,
        Json(detail(&app, &principal, &row).await?),
    )
        .into_response())
}

/// A submission: only the questions answered are sent.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct SubmissionBody {
    /// state, igo, ngo, nhri, un-entity or other
    #[serde(default)]
    pub submitter_type: String,
    /// The State, organisation or person submitting, as they name themselves.
    #[serde(default)]
    pub name: String,
    /// ISO3 code: required for a State, optional otherwise.
    #[serde(default)]
    pub state: String,
    /// Optional: where the secretariat may write back (never published).
    #[serde(default)]
    pub email: String,
    /// [{question (its number, from 1), text}]
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub answers: Vec<AnswerDraft>,
    /// Whether the submission may be published on the call's page: required (true or false).
    #[serde(default)]
    pub publish: Option<bool>,
}

#[utoipa::path(
    post,
    path = "/api/v1/consultations/{id}/submissions",
    tag = "consultations",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The call's id")),
    request_body = SubmissionBody,
    responses(
        (status = 201, description = "The submission; `late` says whether it came after the deadline (received all the same)", body = Object),
        (status = 404, description = "No such call", body = ApiErrorBody),
        (status = 409, description = "The call is not open yet: nothing written", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named (consent to publish unstated: `publish`): nothing written", body = ApiErrorBody),
    )
)]
pub async fn submit(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<SubmissionBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let user = principal
        .user
        .clone()
        .ok_or_else(|| ApiError::unauthorized("sign in to send a submission"))?;
    let row = call_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no call for inputs {:?}", id.trim())))?;
    let draft = SubmissionDraft {
        submitter_type: body.submitter_type,
        name: body.name,
        state: body.state,
        email: body.email,
        answers: body.answers,
        publish: body.publish,
    };
    let done = app
        .store
        .cooperation()
        .submit(
            &principal.change_context(),
            row.call.id,
            Some(user.id),
            &draft,
            Utc::now(),
        )
        .await
        .map_err(submission_error)?;
    Ok((StatusCode::CREATED, Json(done.submission)).into_response())
}
