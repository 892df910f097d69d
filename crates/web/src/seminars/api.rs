//! `/api/v1/seminars…`: the seminars, one seminar with its participants and inputs (as consent
//! allows), a new seminar, a registration and the secretariat's decision, an input, the notes.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use taawun_cooperation::Role;
use taawun_cooperation::seminar::{
    AgendaNotes, Input, InputDraft, PublicParticipant, RegistrationDraft, RegistrationStatus,
    SeminarDraft, public_participants,
};
use taawun_store::cooperation::{CooperationError, RegistrationRow, SeminarRow};

use super::{href, own_registration, runs_seminars, seminar_of};
use crate::AppState;
use crate::auth::Principal;
use crate::council::{mandate_href, mandate_key};
use crate::error::{ApiError, ApiErrorBody};
use crate::practices::api::field_errors;

/// The mandate a seminar or call serves, as its page's address names it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct MandateRefBody {
    /// high-commissioner, secretary-general, states, the-body, un-system or other
    pub addressee: String,
    /// The operative paragraph's number.
    pub paragraph: String,
    /// The resolution's symbol (A/HRC/RES/56/2).
    pub symbol: String,
}

/// A seminar as the API gives it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SeminarView {
    #[schema(value_type = Object)]
    pub seminar: serde_json::Value,
    pub mandate: MandateRefBody,
    /// The mandate's page.
    pub mandate_href: String,
    pub href: String,
    /// Approved registrations.
    pub participants: usize,
    /// Those who agreed to be listed.
    #[schema(value_type = Vec<Object>)]
    pub public_participants: Vec<PublicParticipant>,
    /// Every input given.
    pub inputs_total: usize,
    /// The inputs the reader may see: published ones, attributed only with consent (every
    /// input for the secretariat).
    #[schema(value_type = Vec<Object>)]
    pub inputs: Vec<serde_json::Value>,
    /// The agenda items' notes, every version.
    #[schema(value_type = Vec<Object>)]
    pub notes: Vec<AgendaNotes>,
    /// The reader's own registration, if any.
    #[schema(value_type = Option<Object>)]
    pub own_registration: Option<serde_json::Value>,
    /// Every registration (the secretariat).
    #[schema(value_type = Option<Vec<Object>>)]
    pub registrations: Option<Vec<serde_json::Value>>,
}

fn mandate_body(row: &SeminarRow) -> MandateRefBody {
    MandateRefBody {
        addressee: row.mandate.addressee.clone(),
        paragraph: row.mandate.paragraph.to_string(),
        symbol: row.mandate.symbol.clone(),
    }
}

fn input_json(input: &Input, by: Option<&RegistrationRow>, whole: bool) -> serde_json::Value {
    let mut value = serde_json::json!({
        "id": input.id,
        "kind": input.kind,
        "theme": input.theme.label,
        "agenda_item": input.agenda_item,
        "text": input.text,
        "at": input.at,
    });
    if let (Some(by), true) = (by, input.quote || whole) {
        value["name"] = by.registration.name.clone().into();
        value["organisation"] = by.registration.organisation.clone().into();
    } else if let Some(by) = by {
        value["stakeholder_type"] =
            serde_json::to_value(by.registration.stakeholder_type).unwrap_or_default();
    }
    if whole {
        value["publish"] = input.publish.into();
        value["quote"] = input.quote.into();
    }
    value
}

async fn view(
    app: &AppState,
    principal: &Principal,
    row: &SeminarRow,
) -> Result<SeminarView, ApiError> {
    let store = app.store.cooperation();
    let registrations = store.registrations(row.seminar.id).await?;
    let inputs = store.inputs(row.seminar.id).await?;
    let notes = store.notes(row.seminar.id).await?;
    let whole = runs_seminars(principal);
    let plain: Vec<_> = registrations
        .iter()
        .map(|r| r.registration.clone())
        .collect();
    let by = |id: i64| registrations.iter().find(|r| r.registration.id == id);
    Ok(SeminarView {
        seminar: serde_json::to_value(&row.seminar).unwrap_or_default(),
        mandate: mandate_body(row),
        mandate_href: mandate_href(&row.mandate),
        href: href(row.seminar.id),
        participants: plain.iter().filter(|r| r.is_approved()).count(),
        public_participants: public_participants(&plain),
        inputs_total: inputs.len(),
        inputs: inputs
            .iter()
            .filter(|i| whole || i.publish)
            .map(|i| input_json(i, by(i.registration_id), whole))
            .collect(),
        notes,
        own_registration: own_registration(principal, &registrations)
            .map(|r| serde_json::to_value(&r.registration).unwrap_or_default()),
        registrations: whole.then(|| {
            registrations
                .iter()
                .map(|r| serde_json::to_value(&r.registration).unwrap_or_default())
                .collect()
        }),
    })
}

pub(crate) fn cooperation_error(error: CooperationError) -> ApiError {
    use taawun_cooperation::seminar::{InputRefusal, NoteRefusal, RegistrationRefusal};
    match error {
        CooperationError::NotFound(what) => ApiError::not_found(format!("no {what}")),
        CooperationError::Invalid(errors)
        | CooperationError::Registration(RegistrationRefusal::Invalid(errors))
        | CooperationError::Input(InputRefusal::Invalid(errors))
        | CooperationError::Note(NoteRefusal::Invalid(errors)) => field_errors(errors),
        CooperationError::Input(InputRefusal::NotAParticipant) => {
            ApiError::forbidden(InputRefusal::NotAParticipant.to_string())
        }
        CooperationError::Store(e) => e.into(),
        other => ApiError::conflict(other.to_string()),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SeminarList {
    pub items: Vec<SeminarView>,
    pub total: usize,
}

#[utoipa::path(
    get,
    path = "/api/v1/seminars",
    tag = "seminars",
    responses((status = 200, description = "Every seminar, by start", body = SeminarList))
)]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
) -> Result<Json<SeminarList>, ApiError> {
    let rows = app.store.cooperation().seminars(None).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(view(&app, &principal, row).await?);
    }
    Ok(Json(SeminarList {
        total: items.len(),
        items,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/seminars/{id}",
    tag = "seminars",
    params(("id" = i64, Path, description = "The seminar's id")),
    responses(
        (status = 200, description = "The seminar", body = SeminarView),
        (status = 404, description = "No such seminar", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<SeminarView>, ApiError> {
    let row = seminar_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no seminar {:?}", id.trim())))?;
    Ok(Json(view(&app, &principal, &row).await?))
}

/// A new seminar: its fields and the mandate it serves.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct SeminarBody {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub seminar: SeminarDraft,
    pub mandate: MandateRefBody,
}

#[utoipa::path(
    post,
    path = "/api/v1/seminars",
    tag = "seminars",
    security(("token" = [])),
    request_body(content = Object, description = "title, region, start, end, registration_opens, registration_deadline (YYYY-MM-DD), venue (in-person, online, hybrid), place, agenda [titles], mandate {addressee, paragraph, symbol}"),
    responses(
        (status = 201, description = "The seminar", body = SeminarView),
        (status = 404, description = "No such mandate", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named: nothing written", body = ApiErrorBody),
    )
)]
pub async fn create(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<SeminarBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let key = mandate_key(
        &body.mandate.addressee,
        &body.mandate.paragraph,
        &body.mandate.symbol,
    )
    .map_err(|m| ApiError::invalid_body(format!("mandate: {m}")).naming("mandate"))?;
    let seminar = body.seminar.validate(0).map_err(field_errors)?;
    let row = app
        .store
        .cooperation()
        .create_seminar(&principal.change_context(), &key, &seminar)
        .await
        .map_err(cooperation_error)?;
    Ok((
        StatusCode::CREATED,
        Json(view(&app, &principal, &row).await?),
    )
        .into_response())
}

/// A registration: the account's e-mail address is the one registered.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct RegistrationBody {
    /// state, un-entity, regional-organisation, international-organisation, nhri, civil-society
    pub stakeholder_type: String,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    /// ISO3 code (required for a State's delegate)
    #[serde(default)]
    pub state: String,
    /// Whether the person agrees to be named in the public list of participants.
    #[serde(default)]
    pub listed: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/seminars/{id}/registrations",
    tag = "seminars",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The seminar's id")),
    request_body = RegistrationBody,
    responses(
        (status = 201, description = "The registration, pending the secretariat's decision", body = Object),
        (status = 409, description = "Registration not open, closed (the deadline named), or already registered: nothing written", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named", body = ApiErrorBody),
    )
)]
pub async fn register(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<RegistrationBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let user = principal
        .user
        .clone()
        .ok_or_else(|| ApiError::unauthorized("sign in to register"))?;
    let row = seminar_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no seminar {:?}", id.trim())))?;
    let draft = RegistrationDraft {
        stakeholder_type: body.stakeholder_type,
        name: body.name,
        organisation: body.organisation,
        state: body.state,
        email: user.email.clone(),
        listed: body.listed,
    };
    let registration = app
        .store
        .cooperation()
        .register(
            &principal.change_context(),
            row.seminar.id,
            user.id,
            &draft,
            Utc::now(),
        )
        .await
        .map_err(cooperation_error)?;
    Ok((StatusCode::CREATED, Json(registration.registration)).into_response())
}

#[utoipa::path(
    post,
    path = "/api/v1/seminars/{id}/inputs",
    tag = "seminars",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The seminar's id")),
    request_body(content = Object, description = "kind (challenge, gap, good-practice), theme, agenda_item (number or blank), text, publish (true/false: required), quote (true/false)"),
    responses(
        (status = 201, description = "The input", body = Object),
        (status = 403, description = "Not an approved participant of the seminar", body = ApiErrorBody),
        (status = 409, description = "Too early, or the seminar has ended: nothing written", body = ApiErrorBody),
        (status = 422, description = "Every field that is wrong, named (consent to publish unstated, quoting without publication)", body = ApiErrorBody),
    )
)]
pub async fn submit_input(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<InputDraft>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(draft) = body?;
    let user = principal
        .user
        .clone()
        .ok_or_else(|| ApiError::unauthorized("sign in to give an input"))?;
    let row = seminar_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no seminar {:?}", id.trim())))?;
    let input = app
        .store
        .cooperation()
        .submit_input(
            &principal.change_context(),
            row.seminar.id,
            user.id,
            &draft,
            Utc::now(),
        )
        .await
        .map_err(cooperation_error)?;
    Ok((StatusCode::CREATED, Json(input)).into_response())
}

/// The secretariat's decision on a registration.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct DecisionBody {
    /// approved or declined
    pub decision: String,
    /// Required to decline.
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/seminar-registrations/{id}/decision",
    tag = "seminars",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The registration's id")),
    request_body = DecisionBody,
    responses(
        (status = 200, description = "The registration as decided", body = Object),
        (status = 409, description = "Already decided, or a decline without a reason: nothing written", body = ApiErrorBody),
        (status = 422, description = "decision is neither approved nor declined", body = ApiErrorBody),
    )
)]
pub async fn decide(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<DecisionBody>, JsonRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Json(body) = body?;
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| ApiError::not_found(format!("no registration {:?}", id.trim())))?;
    let decision = RegistrationStatus::parse(body.decision.trim())
        .filter(|d| *d != RegistrationStatus::Pending)
        .ok_or_else(|| {
            ApiError::invalid_body(format!(
                "decision must be approved or declined, not {:?}",
                body.decision
            ))
            .naming("decision")
        })?;
    let row = app
        .store
        .cooperation()
        .decide_registration(
            &principal.change_context(),
            id,
            decision,
            &body.reason,
            Utc::now(),
        )
        .await
        .map_err(cooperation_error)?;
    Ok(Json(
        serde_json::to_value(&row.registration).unwrap_or_default(),
    ))
}

/// The rapporteur's notes of an agenda item.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NotesBody {
    /// The rapporteur's name.
    pub author: String,
    pub text: String,
}

#[utoipa::path(
    put,
    path = "/api/v1/seminars/{id}/notes/{item}",
    tag = "seminars",
    security(("token" = [])),
    params(
        ("id" = i64, Path, description = "The seminar's id"),
        ("item" = u32, Path, description = "The agenda item's number"),
    ),
    request_body = NotesBody,
    responses(
        (status = 200, description = "The item's notes, every version", body = Object),
        (status = 409, description = "No such agenda item: nothing written", body = ApiErrorBody),
        (status = 422, description = "Author or text missing, named", body = ApiErrorBody),
    )
)]
pub async fn replace_notes(
    State(app): State<AppState>,
    principal: Principal,
    Path((id, item)): Path<(String, String)>,
    body: Result<Json<NotesBody>, JsonRejection>,
) -> Result<Json<AgendaNotes>, ApiError> {
    let Json(body) = body?;
    let row = seminar_of(&app, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no seminar {:?}", id.trim())))?;
    let item = item
        .trim()
        .parse::<u32>()
        .map_err(|_| ApiError::invalid("item", format!("not an agenda item's number: {item:?}")))?;
    let notes = app
        .store
        .cooperation()
        .replace_notes(
            &principal.change_context(),
            row.seminar.id,
            item,
            Role::Secretariat,
            &body.author,
            &body.text,
            Utc::now(),
        )
        .await
        .map_err(cooperation_error)?;
    Ok(Json(notes))
}
