//! Recorded votes: a State's voting record, agreement between States, group cohesion and the
//! map of States by voting similarity — as pages (`/states/{iso3}/votes`, `/votes`) and as API,
//! JSON or CSV under the same filters. (The vote of one resolution is served with the
//! resolution: `/api/v1/resolutions/{symbol}/votes`.)

mod analytics;
mod api;
mod download;
mod pages;
mod query;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub use analytics::{AnalyticsCache, IssuesCache};
pub use api::{
    __path_agreement, __path_agreement_matrix, __path_cohesion, __path_issues, __path_map,
    __path_state_votes,
};

pub fn new_analytics_cache() -> AnalyticsCache {
    analytics::new_cache()
}

pub fn new_issues_cache() -> IssuesCache {
    analytics::new_issues_cache()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/states/{iso3}/votes", get(pages::state_votes))
        .route("/votes", get(pages::explorer))
        .route("/api/v1/states/{iso3}/votes", get(api::state_votes))
        .route("/api/v1/votes/agreement", get(api::agreement))
        .route("/api/v1/votes/agreement-matrix", get(api::agreement_matrix))
        .route("/api/v1/votes/cohesion", get(api::cohesion))
        .route("/api/v1/votes/map", get(api::map))
        .route("/api/v1/votes/issues", get(api::issues))
}
