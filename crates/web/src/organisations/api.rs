//! `/api/v1/organisations…`: the organisations as JSON; administrators add and change them.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use taawun_store::{OrganisationNames, OrganisationRecord};

use super::form::{OrganisationForm, validate};
use super::query::{self, OrganisationParams};
use crate::AppState;
use crate::auth::{Principal, now};
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::PagingParams;
use crate::params::Params;

/// An organisation's names in the six UN languages; at least one is given. A language without
/// a name is left out.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationNamesView {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl From<OrganisationNames> for OrganisationNamesView {
    fn from(n: OrganisationNames) -> Self {
        OrganisationNamesView {
            ar: n.ar,
            en: n.en,
            fr: n.fr,
            es: n.es,
            ru: n.ru,
            zh: n.zh,
        }
    }
}

/// An organisation taking part in the platform's cooperation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganisationView {
    pub id: i64,
    pub names: OrganisationNamesView,
    /// `nhri`, `civil-society`, `un-entity`, `regional-organisation` or
    /// `international-organisation`.
    pub kind: String,
    /// ISO 3166-1 alpha-3 code of the State of its seat.
    pub seat_iso3: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

impl From<OrganisationRecord> for OrganisationView {
    fn from(o: OrganisationRecord) -> Self {
        OrganisationView {
            id: o.id,
            names: o.names.into(),
            kind: o.kind,
            seat_iso3: o.seat_iso3,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

/// A page of organisations, by name.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganisationList {
    pub items: Vec<OrganisationView>,
    /// Organisations matching the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
}

/// An organisation to add, or what an organisation becomes (every field is replaced).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRequest {
    /// At least one name; each at most 300 characters.
    pub names: OrganisationNamesView,
    /// `nhri`, `civil-society`, `un-entity`, `regional-organisation` or
    /// `international-organisation`.
    pub kind: String,
    /// ISO 3166-1 alpha-3 code of the State of its seat; absent or null for none.
    #[serde(default)]
    pub seat_iso3: Option<String>,
}

impl OrganisationRequest {
    fn into_form(self) -> OrganisationForm {
        let n = self.names;
        OrganisationForm {
            name_ar: n.ar.unwrap_or_default(),
            name_en: n.en.unwrap_or_default(),
            name_fr: n.fr.unwrap_or_default(),
            name_es: n.es.unwrap_or_default(),
            name_ru: n.ru.unwrap_or_default(),
            name_zh: n.zh.unwrap_or_default(),
            kind: self.kind,
            seat: self.seat_iso3.unwrap_or_default(),
        }
    }
}

/// The body checked by the form's rules; the first problem names the field, the message lists
/// them all.
fn checked(request: OrganisationRequest) -> Result<taawun_store::NewOrganisation, ApiError> {
    validate(&request.into_form()).map_err(|problems| {
        let field = problems
            .first()
            .map_or_else(|| "names".to_owned(), |p| p.api_field());
        let message = problems
            .iter()
            .map(|p| p.api_message())
            .collect::<Vec<_>>()
            .join("; ");
        ApiError::invalid(&field, message)
    })
}

fn parse_id(id: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().map_err(|_| {
        ApiError::invalid(
            "id",
            format!("an organisation id is a whole number, not {id:?}"),
        )
    })
}

async fn existing(app: &AppState, id: i64) -> Result<OrganisationRecord, ApiError> {
    app.store
        .accounts()
        .get_organisation(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("there is no organisation {id}")))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    tag = "organisations",
    params(OrganisationParams, PagingParams),
    responses(
        (status = 200, description = "A page of organisations, by name", body = OrganisationList),
        (status = 400, description = "A parameter is invalid; `parameter` names it", body = ApiErrorBody),
    )
)]
pub async fn list_organisations(
    State(app): State<AppState>,
    Params(params): Params<OrganisationParams>,
    Params(paging): Params<PagingParams>,
) -> Result<Json<OrganisationList>, ApiError> {
    let query = query::parse(&params, &paging)?;
    let page = app
        .store
        .accounts()
        .list_organisations(&query.filter, query.paging)
        .await?;
    let pages = page.page_count();
    Ok(Json(OrganisationList {
        items: page.items.into_iter().map(OrganisationView::from).collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}",
    tag = "organisations",
    params(("id" = i64, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = OrganisationView),
        (status = 400, description = "The id is not a whole number", body = ApiErrorBody),
        (status = 404, description = "There is no organisation with this id", body = ApiErrorBody),
    )
)]
pub async fn get_organisation(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OrganisationView>, ApiError> {
    let id = parse_id(&id)?;
    Ok(Json(existing(&app, id).await?.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    tag = "organisations",
    security(("token" = [])),
    request_body = OrganisationRequest,
    responses(
        (status = 201, description = "The organisation as stored; `Location` is its address", body = OrganisationView),
        (status = 400, description = "A field breaks a rule (no name, a name over 300 characters, an unknown kind or State); `parameter` names it", body = ApiErrorBody),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 403, description = "Only administrators add organisations", body = ApiErrorBody),
        (status = 404, description = "The State of the seat is not in the database", body = ApiErrorBody),
        (status = 409, description = "The organisation conflicts with one already stored", body = ApiErrorBody),
        (status = 422, description = "The body does not match the schema (a missing or unknown field, a wrong type)", body = ApiErrorBody),
    )
)]
pub async fn create_organisation(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<OrganisationRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body?;
    let new = checked(request)?;
    let record = app
        .store
        .accounts()
        .create_organisation(&principal.change_context(), &new, now())
        .await?;
    let mut response = (
        StatusCode::CREATED,
        Json(OrganisationView::from(record.clone())),
    )
        .into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/organisations/{}", record.id)) {
        response.headers_mut().insert(LOCATION, location);
    }
    Ok(response)
}

#[utoipa::path(
    put,
    path = "/api/v1/organisations/{id}",
    tag = "organisations",
    security(("token" = [])),
    params(("id" = i64, Path, description = "The organisation's id")),
    request_body = OrganisationRequest,
    responses(
        (status = 200, description = "The organisation as stored", body = OrganisationView),
        (status = 400, description = "The id is not a whole number, or a field breaks a rule; `parameter` names it", body = ApiErrorBody),
        (status = 401, description = "No valid token", body = ApiErrorBody),
        (status = 403, description = "Only administrators change organisations", body = ApiErrorBody),
        (status = 404, description = "There is no organisation with this id (or the State of the seat is not in the database)", body = ApiErrorBody),
        (status = 409, description = "The change conflicts with another organisation", body = ApiErrorBody),
        (status = 422, description = "The body does not match the schema (a missing or unknown field, a wrong type)", body = ApiErrorBody),
    )
)]
pub async fn update_organisation(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<OrganisationRequest>, JsonRejection>,
) -> Result<Json<OrganisationView>, ApiError> {
    let id = parse_id(&id)?;
    existing(&app, id).await?;
    let Json(request) = body?;
    let new = checked(request)?;
    let record = app
        .store
        .accounts()
        .update_organisation(&principal.change_context(), id, &new, now())
        .await?;
    Ok(Json(record.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> Result<OrganisationRequest, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn the_body_is_checked_by_the_form_rules() {
        let new = checked(
            request(r#"{"names":{"ar":"المجلس","en":" Council "},"kind":"regional-organisation","seat_iso3":"bel"}"#)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(new.names.en.as_deref(), Some("Council"));
        assert_eq!(new.seat_iso3.as_deref(), Some("BEL"));

        let new =
            checked(request(r#"{"names":{"fr":"HCDH"},"kind":"un-entity"}"#).unwrap()).unwrap();
        assert_eq!(new.seat_iso3, None);

        let e = checked(request(r#"{"names":{},"kind":"ngo","seat_iso3":null}"#).unwrap())
            .unwrap_err()
            .into_response();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
    }

    #[test]
    fn the_schema_refuses_unknown_and_missing_fields() {
        let e = request(r#"{"names":{"de":"Rat"},"kind":"nhri"}"#)
            .err()
            .unwrap();
        assert!(e.to_string().contains("de"), "{e}");
        let e = request(r#"{"names":{"en":"X"},"kind":"nhri","seat":"FRA"}"#)
            .err()
            .unwrap();
        assert!(e.to_string().contains("seat"), "{e}");
        let e = request(r#"{"names":{"en":"X"}}"#).err().unwrap();
        assert!(e.to_string().contains("kind"), "{e}");
        let e = request(r#"{"names":{"en":7},"kind":"nhri"}"#)
            .err()
            .unwrap();
        assert!(e.to_string().contains("invalid type"), "{e}");
    }

    #[test]
    fn a_record_is_shown_without_empty_names() {
        let view = OrganisationView::from(OrganisationRecord {
            id: 4,
            names: OrganisationNames {
                en: Some("OHCHR".into()),
                ..OrganisationNames::default()
            },
            kind: "un-entity".into(),
            seat_iso3: Some("CHE".into()),
            created_at: 10,
            updated_at: 20,
        });
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "id": 4,
                "names": {"en": "OHCHR"},
                "kind": "un-entity",
                "seat_iso3": "CHE",
                "created_at": 10,
                "updated_at": 20
            })
        );
    }
}
