//! `/api/v1/sessions…`, one mandate with its outputs, and the secretariat's writes.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_council::calendar::parse_dates;
use taawun_council::mandates::OutputDraft;
use taawun_store::MandateRecord;
use taawun_store::council::{
    CouncilError, MandateKey, OutputRecord, Session, SessionAmendment, SessionKind,
};

use super::{Today, mandate_href, mandate_key};
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};

/// A session of the Council.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionView {
    /// `regular` or `special`.
    pub kind: &'static str,
    pub number: u32,
    /// As the Council writes it: `56`, `S-30`.
    pub label: String,
    /// First day of meetings (YYYY-MM-DD).
    pub opening: String,
    /// Last day of meetings, a resumed part included (YYYY-MM-DD).
    pub closing: String,
    /// Where the built-in dates were read from (absent for a session only the secretariat
    /// added).
    pub source: Option<&'static str>,
    /// The secretariat's amendment, when the dates are theirs.
    pub amendment: Option<AmendmentView>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AmendmentView {
    pub reason: String,
    /// Unix seconds.
    pub amended_at: i64,
}

pub fn session_view(session: &Session, amendments: &[SessionAmendment]) -> SessionView {
    SessionView {
        kind: session.kind.slug(),
        number: session.number,
        label: session.label(),
        opening: session.opening.to_string(),
        closing: session.closing.to_string(),
        source: taawun_council::table::source(session.kind, session.number),
        amendment: amendments
            .iter()
            .find(|a| a.session.kind == session.kind && a.session.number == session.number)
            .map(|a| AmendmentView {
                reason: a.reason.clone(),
                amended_at: a.amended_at,
            }),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionList {
    pub items: Vec<SessionView>,
    /// The day the answer was computed for (YYYY-MM-DD).
    pub today: String,
    /// The last regular session that had closed before today.
    pub last_closed_regular: Option<u32>,
    /// The regular session meeting today, or the next one the calendar knows.
    pub current_or_next_regular: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/v1/sessions",
    tag = "council",
    responses((status = 200, description = "Every session the calendar knows: regular ones by number, then special ones", body = SessionList))
)]
pub async fn list_sessions(State(app): State<AppState>) -> Result<Json<SessionList>, ApiError> {
    let today = Today::read(&app).await?;
    let amendments = app.store.council().session_amendments().await?;
    Ok(Json(SessionList {
        items: today
            .calendar
            .sessions()
            .map(|s| session_view(s, &amendments))
            .collect(),
        today: today.today.to_string(),
        last_closed_regular: today.last_closed,
        current_or_next_regular: today
            .calendar
            .current_or_next_regular(today.today)
            .map(|s| s.number),
    }))
}

async fn one_session(
    app: &AppState,
    kind: SessionKind,
    number: &str,
) -> Result<Json<SessionView>, ApiError> {
    let number: u32 = number.trim().parse().map_err(|_| {
        ApiError::invalid(
            "number",
            format!("number must be a session number, not {number:?}"),
        )
    })?;
    let today = Today::read(app).await?;
    let amendments = app.store.council().session_amendments().await?;
    let session = today.calendar.get(kind, number).ok_or_else(|| {
        ApiError::not_found(format!(
            "the calendar has no {kind} session {number} (the secretariat adds sessions as they are announced)"
        ))
    })?;
    Ok(Json(session_view(session, &amendments)))
}

#[utoipa::path(
    get,
    path = "/api/v1/sessions/{number}",
    tag = "council",
    params(("number" = u32, Path, description = "The regular session's number")),
    responses(
        (status = 200, description = "The regular session", body = SessionView),
        (status = 404, description = "Not in the calendar", body = ApiErrorBody),
    )
)]
pub async fn get_regular_session(
    State(app): State<AppState>,
    Path(number): Path<String>,
) -> Result<Json<SessionView>, ApiError> {
    one_session(&app, SessionKind::Regular, &number).await
}

#[utoipa::path(
    get,
    path = "/api/v1/sessions/special/{number}",
    tag = "council",
    params(("number" = u32, Path, description = "The special session's number")),
    responses(
        (status = 200, description = "The special session", body = SessionView),
        (status = 404, description = "Not in the calendar", body = ApiErrorBody),
    )
)]
pub async fn get_special_session(
    State(app): State<AppState>,
    Path(number): Path<String>,
) -> Result<Json<SessionView>, ApiError> {
    one_session(&app, SessionKind::Special, &number).await
}

/// New dates for a session, and why.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AmendSessionBody {
    /// YYYY-MM-DD
    pub opening: String,
    /// YYYY-MM-DD
    pub closing: String,
    /// The Council's decision or announcement that set them.
    pub reason: String,
}

pub(crate) fn council_error(error: CouncilError) -> ApiError {
    match error {
        CouncilError::NotFound(what) => ApiError::not_found(format!("no {what}")),
        CouncilError::Conflict(now) => ApiError::conflict(format!(
            "the output was changed by someone else in the meantime (now version {}): reload it and try again",
            now.version
        )),
        CouncilError::Calendar(e) => ApiError::conflict(e.to_string()),
        CouncilError::Invalid(message) => ApiError::invalid_body(message),
        CouncilError::Store(e) => e.into(),
    }
}

pub(crate) fn amender(principal: &Principal) -> String {
    principal
        .user
        .as_ref()
        .map_or_else(|| "public".to_owned(), |u| u.display_name.clone())
}

async fn amend(
    app: &AppState,
    principal: &Principal,
    kind: SessionKind,
    number: &str,
    body: AmendSessionBody,
) -> Result<Response, ApiError> {
    let number: u32 = number
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            ApiError::invalid(
                "number",
                format!("number must be a session number, not {number:?}"),
            )
        })?;
    let (opening, closing) = parse_dates(&body.opening, &body.closing).map_err(|errors| {
        ApiError::invalid_body(
            errors
                .into_iter()
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let session = Session {
        kind,
        number,
        opening,
        closing,
    };
    let amendment = app
        .store
        .council()
        .amend_session(
            &principal.change_context(),
            &session,
            &body.reason,
            &amender(principal),
        )
        .await
        .map_err(council_error)?;
    Ok((
        StatusCode::OK,
        Json(session_view(
            &amendment.session,
            std::slice::from_ref(&amendment),
        )),
    )
        .into_response())
}

#[utoipa::path(
    put,
    path = "/api/v1/sessions/{number}",
    tag = "council",
    security(("token" = [])),
    params(("number" = u32, Path, description = "The regular session's number")),
    request_body = AmendSessionBody,
    responses(
        (status = 200, description = "The session as amended (in the audit trail)", body = SessionView),
        (status = 409, description = "The dates would overlap another regular session or break their order: nothing written", body = ApiErrorBody),
        (status = 422, description = "A date that is not YYYY-MM-DD, closing before opening, or no reason", body = ApiErrorBody),
    )
)]
pub async fn amend_regular_session(
    State(app): State<AppState>,
    principal: Principal,
    Path(number): Path<String>,
    body: Result<Json<AmendSessionBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    amend(&app, &principal, SessionKind::Regular, &number, body).await
}

#[utoipa::path(
    put,
    path = "/api/v1/sessions/special/{number}",
    tag = "council",
    security(("token" = [])),
    params(("number" = u32, Path, description = "The special session's number")),
    request_body = AmendSessionBody,
    responses(
        (status = 200, description = "The session as amended (in the audit trail)", body = SessionView),
        (status = 422, description = "A date that is not YYYY-MM-DD, closing before opening, or no reason", body = ApiErrorBody),
    )
)]
pub async fn amend_special_session(
    State(app): State<AppState>,
    principal: Principal,
    Path(number): Path<String>,
    body: Result<Json<AmendSessionBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    amend(&app, &principal, SessionKind::Special, &number, body).await
}

/// The days of the session a mandate is due at.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DueView {
    pub session: u32,
    pub opening: String,
    pub closing: String,
}

/// What a mandate produced.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OutputView {
    pub id: i64,
    /// `report`, `seminar`, `compilation`, `consultation`, `study`, `other`.
    pub kind: &'static str,
    pub title: String,
    /// `planned`, `in-preparation`, `delivered`.
    pub state: &'static str,
    pub document_symbol: Option<String>,
    /// YYYY-MM-DD
    pub delivered_on: Option<String>,
    pub link: Option<String>,
    /// Send it back with a change.
    pub version: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

pub fn output_view(record: &OutputRecord) -> OutputView {
    OutputView {
        id: record.id,
        kind: record.output.kind.slug(),
        title: record.output.title.clone(),
        state: record.output.state.slug(),
        document_symbol: record.output.document_symbol.clone(),
        delivered_on: record.output.delivered_on.map(|d| d.to_string()),
        link: record.output.link.clone(),
        version: record.version,
        updated_at: record.updated_at,
    }
}

/// A mandate with the days it is due and what it produced.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MandateView {
    #[serde(flatten)]
    pub record: MandateRecord,
    /// The due session's days, when the calendar knows the session.
    pub due: Option<DueView>,
    pub outputs: Vec<OutputView>,
    /// Its page.
    pub href: String,
}

pub fn key_of(record: &MandateRecord) -> MandateKey {
    MandateKey {
        symbol: record.symbol.clone(),
        paragraph: record.paragraph,
        addressee: record.addressee.clone(),
    }
}

/// Views of these mandates, their outputs read in one query.
pub async fn mandate_views(
    app: &AppState,
    today: &Today,
    records: Vec<MandateRecord>,
) -> Result<Vec<MandateView>, taawun_store::StoreError> {
    let keys: Vec<MandateKey> = records.iter().map(key_of).collect();
    let outputs = app.store.council().outputs(&keys).await?;
    Ok(records
        .into_iter()
        .map(|record| {
            let key = key_of(&record);
            MandateView {
                due: today.due(record.due_session).map(|s| DueView {
                    session: s.number,
                    opening: s.opening.to_string(),
                    closing: s.closing.to_string(),
                }),
                outputs: outputs
                    .iter()
                    .filter(|o| o.mandate == key)
                    .map(output_view)
                    .collect(),
                href: mandate_href(&key),
                record,
            }
        })
        .collect())
}

/// A mandate from its address, or the API's answer when there is none.
pub(crate) async fn find_mandate(
    app: &AppState,
    today: &Today,
    (addressee, paragraph, symbol): &(String, String, String),
) -> Result<MandateRecord, ApiError> {
    let key = mandate_key(addressee, paragraph, symbol).map_err(ApiError::not_found)?;
    app.store
        .council()
        .mandate(&key, today.last_closed)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no mandate of {} paragraph {} addressed to {}",
                key.symbol, key.paragraph, key.addressee
            ))
        })
}

#[utoipa::path(
    get,
    path = "/api/v1/mandates/{addressee}/{paragraph}/{symbol}",
    tag = "resolutions",
    params(
        ("addressee" = String, Path, description = "high-commissioner, secretary-general, states, the-body, un-system, other"),
        ("paragraph" = u32, Path, description = "The operative paragraph"),
        ("symbol" = String, Path, description = "The resolution's symbol, slashes included"),
    ),
    responses(
        (status = 200, description = "The mandate, its due days and its outputs", body = MandateView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
    )
)]
pub async fn get_mandate(
    State(app): State<AppState>,
    Path(path): Path<(String, String, String)>,
) -> Result<Json<MandateView>, ApiError> {
    let today = Today::read(&app).await?;
    let record = find_mandate(&app, &today, &path).await?;
    let mut views = mandate_views(&app, &today, vec![record]).await?;
    views
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::internal("the mandate vanished while it was read"))
}

/// Discontinue a mandate (with the reason) or take that back (`null`).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct DiscontinueBody {
    pub discontinued_reason: Option<String>,
}

#[utoipa::path(
    put,
    path = "/api/v1/mandates/{addressee}/{paragraph}/{symbol}",
    tag = "resolutions",
    security(("token" = [])),
    params(
        ("addressee" = String, Path, description = "high-commissioner, secretary-general, states, the-body, un-system, other"),
        ("paragraph" = u32, Path, description = "The operative paragraph"),
        ("symbol" = String, Path, description = "The resolution's symbol, slashes included"),
    ),
    request_body = DiscontinueBody,
    responses(
        (status = 200, description = "The mandate as it now stands (the change is in the audit trail)", body = MandateView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
        (status = 422, description = "An empty reason", body = ApiErrorBody),
    )
)]
pub async fn discontinue_mandate(
    State(app): State<AppState>,
    principal: Principal,
    Path(path): Path<(String, String, String)>,
    body: Result<Json<DiscontinueBody>, JsonRejection>,
) -> Result<Json<MandateView>, ApiError> {
    let Json(body) = body?;
    let today = Today::read(&app).await?;
    let record = find_mandate(&app, &today, &path).await?;
    let key = key_of(&record);
    app.store
        .council()
        .set_discontinued(
            &principal.change_context(),
            &key,
            body.discontinued_reason.as_deref(),
        )
        .await
        .map_err(council_error)?;
    let record = find_mandate(&app, &today, &path).await?;
    let mut views = mandate_views(&app, &today, vec![record]).await?;
    views
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::internal("the mandate vanished while it was read"))
}

/// An output of a mandate.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct OutputBody {
    /// The mandate: its resolution, paragraph and addressee.
    pub symbol: Option<String>,
    pub paragraph: Option<u32>,
    pub addressee: Option<String>,
    /// `report`, `seminar`, `compilation`, `consultation`, `study`, `other`.
    pub kind: String,
    pub title: String,
    /// `planned`, `in-preparation`, `delivered`.
    pub state: String,
    /// Required of a delivered report, compilation or study.
    #[serde(default)]
    pub document_symbol: String,
    /// YYYY-MM-DD; required once delivered.
    #[serde(default)]
    pub delivered_on: String,
    #[serde(default)]
    pub link: String,
    /// For a change: the version it was made from.
    pub version: Option<i64>,
}

impl OutputBody {
    fn draft(&self) -> OutputDraft {
        OutputDraft {
            kind: self.kind.clone(),
            title: self.title.clone(),
            state: self.state.clone(),
            document_symbol: self.document_symbol.clone(),
            delivered_on: self.delivered_on.clone(),
            link: self.link.clone(),
        }
    }
}

pub(crate) fn output_errors(errors: Vec<taawun_council::OutputError>) -> ApiError {
    let first = errors.first().map_or("", |e| e.field);
    ApiError::invalid_body(
        errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
    )
    .naming(first)
}

#[utoipa::path(
    post,
    path = "/api/v1/mandate-outputs",
    tag = "resolutions",
    security(("token" = [])),
    request_body = OutputBody,
    responses(
        (status = 201, description = "The output, recorded with the mandate's new status (in the audit trail)", body = OutputView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named: nothing written", body = ApiErrorBody),
    )
)]
pub async fn create_output(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<OutputBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let (Some(symbol), Some(paragraph), Some(addressee)) =
        (&body.symbol, body.paragraph, &body.addressee)
    else {
        return Err(ApiError::invalid_body(
            "symbol, paragraph and addressee name the mandate; all three are required",
        ));
    };
    let key =
        mandate_key(addressee, &paragraph.to_string(), symbol).map_err(ApiError::invalid_body)?;
    let today = chrono::Utc::now().date_naive();
    let output = body.draft().check(today).map_err(output_errors)?;
    let record = app
        .store
        .council()
        .add_output(&principal.change_context(), &key, &output)
        .await
        .map_err(council_error)?;
    Ok((StatusCode::CREATED, Json(output_view(&record))).into_response())
}

#[utoipa::path(
    put,
    path = "/api/v1/mandate-outputs/{id}",
    tag = "resolutions",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The output's id")),
    request_body = OutputBody,
    responses(
        (status = 200, description = "The output as changed, with the mandate's status set again", body = OutputView),
        (status = 404, description = "No such output", body = ApiErrorBody),
        (status = 409, description = "Changed by someone else since `version`: nothing written", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named: nothing written", body = ApiErrorBody),
    )
)]
pub async fn update_output(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    body: Result<Json<OutputBody>, JsonRejection>,
) -> Result<Json<OutputView>, ApiError> {
    let Json(body) = body?;
    let version = body.version.ok_or_else(|| {
        ApiError::invalid_body("version: the version the change was made from is required")
    })?;
    let today = chrono::Utc::now().date_naive();
    let output = body.draft().check(today).map_err(output_errors)?;
    let record = app
        .store
        .council()
        .update_output(&principal.change_context(), id, version, &output)
        .await
        .map_err(council_error)?;
    Ok(Json(output_view(&record)))
}
