//! A State's implementation plan for its UPR recommendations: the plan's page (clusters,
//! actions, progress), creating it from the State's recommendations (clustered by theme),
//! editing cluster membership, adding and changing actions (from a version: a change made from
//! an older one is shown back with the other person's version), status changes with evidence
//! files, publication, the published plan in the API, and the mid-term report generated from
//! the plan (HTML and PDF).
//!
//! Routes that write are open to focal points and the secretariat ([`Resource::PlanWork`]);
//! each handler then asks the policy about the plan itself ([`Resource::Plan`]), so another
//! State's focal point gets a 404 for a plan that is not published.

mod api;
mod evidence;
mod pages;
pub(crate) mod report;

use taawun_policy::{Action, Decision, Owner, Resource, decide};
use taawun_store::plans::PlanRecord;

use crate::AppState;
use crate::auth::{Principal, Routes};
use crate::i18n::Lang;

pub use api::__path_get_plan;
pub use evidence::{UPLOAD_BODY_LIMIT, is_upload_path};
pub use pages::{DueRow, owner_dashboard};

pub fn routes() -> Routes {
    Routes::new()
        .public("/upr/states/{iso3}/plan", pages::show)
        .post(
            "/upr/states/{iso3}/plan",
            Action::Create,
            Resource::PlanWork,
            pages::create,
        )
        .post(
            "/upr/states/{iso3}/plan/publication",
            Action::Update,
            Resource::PlanPublishing,
            pages::publication,
        )
        .get(
            "/upr/states/{iso3}/plan/clusters",
            Action::Update,
            Resource::PlanWork,
            pages::clusters,
        )
        .post(
            "/upr/states/{iso3}/plan/clusters",
            Action::Create,
            Resource::PlanWork,
            pages::add_cluster,
        )
        .post(
            "/upr/states/{iso3}/plan/membership",
            Action::Update,
            Resource::PlanWork,
            pages::membership,
        )
        .get(
            "/upr/states/{iso3}/plan/actions/new",
            Action::Create,
            Resource::PlanWork,
            pages::new_action,
        )
        .post(
            "/upr/states/{iso3}/plan/actions",
            Action::Create,
            Resource::PlanWork,
            pages::create_action,
        )
        .public("/upr/states/{iso3}/plan/actions/{id}", pages::action)
        .post(
            "/upr/states/{iso3}/plan/actions/{id}",
            Action::Update,
            Resource::PlanWork,
            pages::update_action,
        )
        .post(
            "/upr/states/{iso3}/plan/actions/{id}/status",
            Action::Update,
            Resource::PlanWork,
            evidence::change_status,
        )
        .public("/upr/states/{iso3}/plan/evidence/{id}", evidence::download)
        .public("/upr/states/{iso3}/plan/report", report::html)
        .public("/upr/states/{iso3}/plan/report.pdf", report::pdf)
        .public("/api/v1/upr/states/{iso3}/plan", api::get_plan)
}

/// A State code from the path, when it is a State the platform knows (upper case).
fn state_code(iso3: &str) -> Option<String> {
    let code = iso3.trim().to_ascii_uppercase();
    taawun_states::by_iso3(&code).map(|_| code)
}

fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

fn plan_resource(iso3: &str, published: bool) -> Resource {
    Resource::Plan {
        owner: Owner::State(iso3.to_owned()),
        published,
    }
}

/// What the policy says of this action on the State's plan (published or not).
fn decision(
    principal: &Principal,
    action: Action,
    iso3: &str,
    plan: Option<&PlanRecord>,
) -> Decision {
    decide(
        principal.subject(),
        action,
        &plan_resource(iso3, plan.is_some_and(|p| p.published)),
    )
}

/// The State's newest plan, read for `action`: `Err` with the refusal (404 for a plan the user
/// may not know of) when the policy says no.
async fn plan_for(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    iso3: &str,
    action: Action,
    path: &str,
) -> Result<Option<PlanRecord>, axum::response::Response> {
    let plan = app.store.plans().plan_of(iso3, None).await.map_err(|e| {
        axum::response::IntoResponse::into_response(crate::error::HtmlError::internal(lang, &e))
    })?;
    match decision(principal, action, iso3, plan.as_ref()) {
        Decision::Allow => Ok(plan),
        refused => Err(crate::auth::refusal(refused, lang, path, path)),
    }
}
