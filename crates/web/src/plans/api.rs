//! The published plan in the API.

use axum::Json;
use axum::extract::{Path, State};
use taawun_plans::Progress;
use taawun_policy::{Action, Decision};
use taawun_store::plans::PlanRecord;

use super::{decision, state_code};
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};

/// A plan with its progress: how many actions have each status, over the whole plan.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct PlanView {
    #[serde(flatten)]
    pub plan: PlanRecord,
    pub progress: Progress,
}

#[utoipa::path(
    get,
    path = "/api/v1/upr/states/{iso3}/plan",
    tag = "upr",
    params(("iso3" = String, Path, description = "The State's ISO 3166-1 alpha-3 code")),
    responses(
        (status = 200, description = "The State's newest implementation plan: its clusters of recommendations, its actions (lead institution, partners, dates, indicators with baseline and target, budget, status) and their progress. Public once the State publishes it; before that, only to the State's focal points and the secretariat", body = PlanView),
        (status = 404, description = "No such State, no plan, or a plan not published", body = ApiErrorBody),
    )
)]
pub async fn get_plan(
    State(app): State<AppState>,
    principal: Principal,
    Path(iso3): Path<String>,
) -> Result<Json<PlanView>, ApiError> {
    let not_found = || ApiError::not_found("no published implementation plan for this State");
    let iso3 = state_code(&iso3).ok_or_else(not_found)?;
    let plan = app
        .store
        .plans()
        .plan_of(&iso3, None)
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .ok_or_else(not_found)?;
    if decision(&principal, Action::Read, &iso3, Some(&plan)) != Decision::Allow {
        return Err(not_found());
    }
    let progress = Progress::of(plan.actions.iter().map(|a| a.status));
    Ok(Json(PlanView { plan, progress }))
}
