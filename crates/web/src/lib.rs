//! The HTTP interface: HTML pages (askama templates, Fluent messages, Arabic right-to-left) and
//! the JSON API under `/api/`, described by the OpenAPI document at `/api/openapi.json`.
//!
//! Split by feature: each folder holds its routes, views and API handlers side by side, and
//! exposes a `router()` merged in [`router`].

mod charts;
mod error;
mod format;
mod health;
mod home;
mod i18n;
mod layers;
mod openapi;
mod page;
mod paging;
mod resolutions;
mod search;
mod states;
mod static_files;
mod votes;

use std::sync::Arc;

use axum::Router;
use taawun_states::Resolver;
use taawun_store::Store;

pub use i18n::Lang;
pub use resolutions::CACHE_SECONDS as RESOLUTION_CACHE_SECONDS;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub resolver: &'static Resolver,
    /// Resolution records with what their page shows, read once and kept for a few seconds: a
    /// record is large (its whole text) and the popular ones are read far more often than they
    /// change. A change shows within [`resolutions::CACHE_SECONDS`] on every server.
    pub resolution_cache: resolutions::ResolutionCache,
    /// Resolution pages as sent (HTML and gzip), per language, for the same few seconds.
    pub resolution_pages: resolutions::PageCache,
    /// Voting records as matrices, per filter, for agreement, majority and cohesion; keyed by
    /// the records' stamp so that an import is seen at once.
    pub vote_analytics: votes::AnalyticsCache,
    pub vote_issues: votes::IssuesCache,
    /// The search index, derived from the database.
    pub search: Arc<taawun_search::SearchIndex>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, search: Arc<taawun_search::SearchIndex>) -> Self {
        AppState {
            store,
            resolver: Resolver::builtin(),
            resolution_cache: resolutions::new_cache(),
            resolution_pages: resolutions::new_page_cache(),
            vote_analytics: votes::new_analytics_cache(),
            vote_issues: votes::new_issues_cache(),
            search,
        }
    }
}

/// The whole application: every feature's routes, the fallback 404, and the layers (request id,
/// tracing, timeouts, body limit, compression, security headers).
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .merge(home::router())
        .merge(health::router())
        .merge(states::router())
        .merge(resolutions::router())
        .merge(votes::router())
        .merge(search::router())
        .merge(i18n::router())
        .merge(openapi::router())
        .merge(static_files::router())
        .fallback(error::not_found_fallback)
        .with_state(state);
    layers::apply(routes)
}
