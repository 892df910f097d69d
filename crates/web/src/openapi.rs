//! The OpenAPI description of the JSON API, served at `/api/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// API tokens (created on the account page or through `/api/v1/account/tokens`), sent as
/// `Authorization: Bearer tw_…`.
struct TokenSecurity;

impl Modify for TokenSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token: `Authorization: Bearer tw_…`"))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Taawun API",
        description = "Open data of Taawun, the platform for international cooperation in the field of human rights (HRC resolution 56/2). Errors have the shape {\"error\": {status, code, message, parameter}}. Reading published records needs no account; writes need an API token (`Authorization: Bearer tw_…`). Requests per address are rate-limited (429 with Retry-After).",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        crate::health::healthz,
        crate::health::readyz,
        crate::states::list_states,
        crate::states::get_state,
        crate::states::resolve_name,
        crate::resolutions::list_resolutions,
        crate::resolutions::get_resolution,
        crate::resolutions::get_resolution_votes,
        crate::resolutions::list_mandates,
        crate::votes::state_votes,
        crate::votes::agreement,
        crate::votes::agreement_matrix,
        crate::votes::cohesion,
        crate::votes::map,
        crate::votes::issues,
        crate::upr::list_recommendations,
        crate::upr::get_recommendation,
        crate::upr::state_review,
        crate::upr::sdg_goals,
        crate::upr::sdg_target,
        crate::funds::list_funds,
        crate::funds::get_fund,
        crate::funds::register,
        crate::funds::get_request,
        crate::funds::create_request,
        crate::funds::update_request,
        crate::funds::take_step,
        crate::funds::ledger,
        crate::funds::create_entry,
        crate::funds::donors,
        crate::funds::create_donor,
        crate::funds::iati,
        crate::council::api::list_sessions,
        crate::council::api::get_regular_session,
        crate::council::api::amend_regular_session,
        crate::council::api::get_special_session,
        crate::council::api::amend_special_session,
        crate::council::api::get_mandate,
        crate::council::api::discontinue_mandate,
        crate::council::api::create_output,
        crate::council::api::update_output,
        crate::practices::api::list,
        crate::practices::api::get,
        crate::practices::api::create,
        crate::practices::api::take_step,
        crate::consultations::api::list,
        crate::consultations::api::get,
        crate::consultations::api::create,
        crate::consultations::api::submit,
        crate::seminars::api::list,
        crate::seminars::api::get,
        crate::seminars::api::create,
        crate::seminars::api::register,
        crate::seminars::api::submit_input,
        crate::seminars::api::decide,
        crate::seminars::api::replace_notes,
        crate::summary::api::get,
        crate::summary::api::change,
        crate::search::api,
        crate::account::me,
        crate::account::list_tokens,
        crate::account::create_token,
        crate::account::revoke_token,
        crate::admin::audit_entries,
        crate::admin::verify_audit,
        crate::history::api,
        crate::organisations::list_organisations,
        crate::organisations::get_organisation,
        crate::organisations::create_organisation,
        crate::organisations::update_organisation,
        crate::plans::get_plan,
    ),
    modifiers(&TokenSecurity),
    components(schemas(crate::error::ApiErrorBody, crate::error::ApiErrorDetail)),
    tags(
        (name = "states", description = "States, territories, historic States and the UN regional groups; the State-name resolver"),
        (name = "resolutions", description = "The registry of resolutions, their references and their mandates"),
        (name = "votes", description = "Recorded votes of the Human Rights Council and the General Assembly"),
        (name = "upr", description = "The Universal Periodic Review: recommendations, their responses, themes and SDG links; a State's review figures and pledges; the SDG goals and targets in six languages"),
        (name = "funds", description = "The assistance funds of resolution 56/2: each fund's configured procedure in the languages it is written in"),
        (name = "council", description = "The Human Rights Council's calendar of sessions, regular and special, as built in and amended by the secretariat"),
        (name = "practices", description = "The compendium of best practices of South-South, North-South, triangular and regional cooperation: published practices, citable by number; submissions and the secretariat's moderation"),
        (name = "consultations", description = "Calls for inputs of the mandates of resolution 56/2: their questions, the submissions whose senders agreed to publication, the counts; the secretariat's new calls; submissions (late ones received and marked late)"),
        (name = "seminars", description = "The regional seminars of resolution 56/2: agenda and the rapporteur's notes, registrations and the secretariat's decisions, the public list of participants (with their consent), participants' inputs (published and quoted as they agreed)"),
        (name = "summary-reports", description = "A mandate's summary report: generated from its seminars and calls for inputs in Arabic and English, edited and published by the secretariat (publishing records the mandate's delivered output); every version kept"),
        (name = "search", description = "One search over the platform's records, in six languages"),
        (name = "account", description = "The account behind a token, and its API tokens"),
        (name = "organisations", description = "Organisations: national human rights institutions, civil society, UN entities, regional and international organisations"),
        (name = "upr", description = "The Universal Periodic Review: States' implementation plans for their recommendations"),
        (name = "audit", description = "The hash-chained audit trail (administrators) and the public history of published records"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new().public("/api/openapi.json", || async { Json(ApiDoc::openapi()) })
}
