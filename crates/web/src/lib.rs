//! The HTTP interface: HTML pages (askama templates, Fluent messages, Arabic right-to-left) and
//! the JSON API under `/api/`, described by the OpenAPI document at `/api/openapi.json`.
//!
//! Split by feature: each folder holds its routes, views and API handlers side by side, and
//! exposes a `router()` merged in [`router`].

mod about;
mod account;
mod admin;
pub mod auth;
mod charts;
mod consultations;
mod council;
mod digits;
mod download;
mod error;
mod format;
mod forms;
mod funds;
mod health;
mod history;
mod home;
mod i18n;
mod layers;
mod openapi;
mod organisations;
mod page;
mod paging;
mod params;
mod plans;
mod practices;
mod resolutions;
mod search;
mod seminars;
mod states;
mod static_files;
mod summary;
mod upr;
mod votes;

use std::sync::Arc;

use axum::Router;
use taawun_states::Resolver;
use taawun_store::Store;

pub use funds::export::iati_file as funds_iati_file;
pub use i18n::Lang;
pub use practices::search_document as practice_search_document;
pub use resolutions::CACHE_SECONDS as RESOLUTION_CACHE_SECONDS;
pub use votes::warm_up as warm_up_vote_figures;

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
    /// The registry's records per body, and each listing's sorted records, per generation of
    /// the bodies they cover: listings are filtered, sorted and paged in memory.
    pub registry_bodies: resolutions::listing::BodyCache,
    pub registry_listings: resolutions::listing::ListingCache,
    /// A reviewed State's UPR figures, per generation of the review's records.
    pub upr_figures: upr::figures::FiguresCache,
    pub upr_overview: upr::figures::OverviewCache,
    pub upr_lists: upr::figures::ListCache,
    pub upr_counts: upr::figures::CountsCache,
    pub upr_framework: upr::figures::FrameworkCache,
    /// Each fund's timeliness figures, per generation of the funds' records.
    pub funds_timeliness: funds::work::TimelinessCache,
    /// Each fund's ledger figures (income, payments by State), per generation.
    pub funds_ledger: funds::ledger_api::LedgerCache,
    /// Register pages and ledger entry pages, per generation of the funds' records.
    pub funds_register: funds::work::RegisterCache,
    pub funds_entries: funds::ledger_api::EntriesCache,
    /// The search index, derived from the database.
    pub search: Arc<taawun_search::SearchIndex>,
    /// Results of recent searches, keyed by the index's generation and the whole request: the
    /// same query (a popular one, or a page reloaded) is answered without searching again, and
    /// a commit to the index makes every older entry unreachable.
    pub search_results: search::ResultsCache,
    /// Accounts and sessions: password hashing, expiry, limits, the public address.
    pub auth: Arc<auth::AuthConfig>,
    /// Requests per address on the API (in memory, per server).
    pub api_limiter: Option<Arc<auth::ApiLimiter>>,
    /// Where evidence files of implementation plans are kept (under the data directory; see
    /// `plans::evidence`).
    pub evidence_dir: Arc<std::path::PathBuf>,
    /// The assistance funds as configured: the built-in three, or the file `taawun serve
    /// --funds` read at start.
    pub funds: Arc<Vec<taawun_funds::Fund>>,
    /// The published practices of the compendium, per generation of its records.
    pub practices: practices::Compendium,
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        search: Arc<taawun_search::SearchIndex>,
        auth: auth::AuthConfig,
    ) -> Self {
        AppState {
            store,
            resolver: Resolver::builtin(),
            resolution_cache: resolutions::new_cache(),
            resolution_pages: resolutions::new_page_cache(),
            vote_analytics: votes::new_analytics_cache(),
            vote_issues: votes::new_issues_cache(),
            registry_bodies: resolutions::listing::new_body_cache(),
            registry_listings: resolutions::listing::new_listing_cache(),
            upr_figures: upr::figures::new_figures_cache(),
            upr_overview: upr::figures::new_overview_cache(),
            upr_lists: upr::figures::new_list_cache(),
            upr_counts: upr::figures::new_counts_cache(),
            upr_framework: upr::figures::new_framework_cache(),
            funds_timeliness: funds::work::new_timeliness_cache(),
            funds_ledger: funds::ledger_api::new_ledger_cache(),
            funds_register: funds::work::new_register_cache(),
            funds_entries: funds::ledger_api::new_entries_cache(),
            search,
            search_results: search::new_results_cache(),
            api_limiter: auth::api_limiter(&auth).map(Arc::new),
            auth: Arc::new(auth),
            evidence_dir: Arc::new(std::env::temp_dir().join("taawun-evidence")),
            funds: Arc::new(taawun_funds::default_funds()),
            practices: practices::new_compendium(),
        }
    }

    /// Serves these funds instead of the built-in ones.
    pub fn with_funds(mut self, funds: Vec<taawun_funds::Fund>) -> Self {
        self.funds = Arc::new(funds);
        self
    }

    /// Keeps evidence files in `dir` (the server: `evidence/` in the data directory).
    pub fn with_evidence_dir(mut self, dir: std::path::PathBuf) -> Self {
        self.evidence_dir = Arc::new(dir);
        self
    }
}

/// The whole application: every feature's routes, the fallback 404, and the layers (request id,
/// tracing, timeouts, body limit, compression, security headers).
pub fn router(state: AppState) -> Router {
    let tls = state.auth.tls;
    let routes = route_table()
        .into_router()
        .fallback(error::not_found_fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
        .layer(axum::middleware::map_request(digits::ascii_digits_in_query))
        .with_state(state);
    layers::apply(routes, tls)
}

/// Every route with the action and resource the policy is asked about.
pub fn route_table() -> auth::Routes {
    auth::Routes::new()
        .merge(home::routes())
        .merge(about::routes())
        .merge(health::routes())
        .merge(states::routes())
        .merge(resolutions::routes())
        .merge(votes::routes())
        .merge(upr::routes())
        .merge(search::routes())
        .merge(account::routes())
        .merge(admin::routes())
        .merge(organisations::routes())
        .merge(plans::routes())
        .merge(funds::routes())
        .merge(council::routes())
        .merge(practices::routes())
        .merge(consultations::routes())
        .merge(seminars::routes())
        .merge(summary::routes())
        .merge(history::routes())
        .merge(i18n::routes())
        .merge(openapi::routes())
        .merge(static_files::routes())
}
