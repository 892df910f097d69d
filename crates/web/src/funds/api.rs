//! `GET /api/v1/funds` and `GET /api/v1/funds/{id}`: the configured funds with their
//! procedures, every text in each language it is written in.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use taawun_funds::{Fund, Stage};

use crate::AppState;
use crate::error::{ApiError, ApiErrorBody};

/// A stage of the request workflow, with the days the fund gives it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StageView {
    /// draft, submitted, screening, information-requested, review, decision, agreement,
    /// disbursement, reporting, closed
    pub stage: &'static str,
    /// Whether the fund's clock runs in it (not in a draft, not while the State is asked for
    /// information, not once closed).
    pub timed: bool,
    /// The most days it should take.
    pub target_days: Option<u16>,
}

/// A fund and its procedure.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FundView {
    pub id: String,
    /// By language code (ar, en, es, fr, ru, zh).
    pub name: BTreeMap<String, String>,
    pub purpose: BTreeMap<String, String>,
    pub eligibility: BTreeMap<String, String>,
    /// ISO 4217: the currency of its books.
    pub currency: &'static str,
    /// Programme support charged on each contribution, in per cent.
    pub programme_support_percent: u8,
    /// Whether the secretariat has confirmed these terms (the built-in ones were written from
    /// the funds' public mandates and are not).
    pub terms_confirmed: bool,
    /// upr-implementation, review-participation, technical-cooperation, crisis-response
    pub request_types: Vec<&'static str>,
    /// What every request must contain: purpose, recommendations, activities, budget,
    /// timeline, priority, consent.
    pub contents: Vec<&'static str>,
    /// Every stage in order.
    pub stages: Vec<StageView>,
    /// The languages all its texts are written in.
    pub translated_into: Vec<&'static str>,
    /// Its procedure page.
    pub page: String,
}

impl FundView {
    pub fn of(fund: &Fund) -> FundView {
        FundView {
            id: fund.id.clone(),
            name: fund.name.0.clone(),
            purpose: fund.purpose.0.clone(),
            eligibility: fund.eligibility.0.clone(),
            currency: fund.currency.code(),
            programme_support_percent: fund.programme_support,
            terms_confirmed: fund.terms_confirmed,
            request_types: fund.request_types.iter().map(|t| t.slug()).collect(),
            contents: fund.contents.iter().map(|c| c.slug()).collect(),
            stages: Stage::ALL
                .into_iter()
                .map(|stage| StageView {
                    stage: stage.slug(),
                    timed: stage.is_timed(),
                    target_days: fund.target_days(stage),
                })
                .collect(),
            translated_into: fund.translated_into(),
            page: format!("/funds/{}", fund.id),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FundsView {
    pub funds: Vec<FundView>,
}

#[utoipa::path(
    get,
    path = "/api/v1/funds",
    tag = "funds",
    responses(
        (status = 200, description = "The configured assistance funds with their procedures", body = FundsView),
    )
)]
pub async fn list_funds(State(app): State<AppState>) -> Json<FundsView> {
    Json(FundsView {
        funds: app.funds.iter().map(FundView::of).collect(),
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/{id}",
    tag = "funds",
    params(("id" = String, Path, description = "The fund's id: upr-implementation, review-participation, technical-cooperation")),
    responses(
        (status = 200, description = "The fund and its procedure", body = FundView),
        (status = 404, description = "No fund has this id; the message names the ones there are", body = ApiErrorBody),
    )
)]
pub async fn get_fund(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<FundView>, ApiError> {
    match super::find(&app.funds, &id) {
        Some(fund) => Ok(Json(FundView::of(fund))),
        None => Err(ApiError::not_found(format!(
            "no fund has the id “{}”; the funds are: {}",
            id.trim(),
            app.funds
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
