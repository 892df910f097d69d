//! Recorded votes: a State's voting record, agreement between States, group cohesion and the
//! map of States by voting similarity — as pages (`/states/{iso3}/votes`, `/votes`) and as API,
//! JSON or CSV under the same filters. (The vote of one resolution is served with the
//! resolution: `/api/v1/resolutions/{symbol}/votes`.)

pub(crate) mod analytics;
mod api;
mod pages;
mod query;

pub use analytics::{AnalyticsCache, IssuesCache, warm_up};
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

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/states/{iso3}/votes", pages::state_votes)
        .public("/votes", pages::explorer)
        .public("/api/v1/states/{iso3}/votes", api::state_votes)
        .public("/api/v1/votes/agreement", api::agreement)
        .public("/api/v1/votes/agreement-matrix", api::agreement_matrix)
        .public("/api/v1/votes/cohesion", api::cohesion)
        .public("/api/v1/votes/map", api::map)
        .public("/api/v1/votes/issues", api::issues)
}
