//! States: the list, a page per State, the name resolver — as pages and as API.

mod api;
mod pages;
mod query;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub use api::{__path_get_state, __path_list_states, __path_resolve_name};
pub use pages::{Choice, PageLink, group_label, page_links};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/states", get(pages::list))
        .route("/states/resolve", get(pages::resolve))
        .route("/states/{iso3}", get(pages::show))
        .route("/api/v1/states", get(api::list_states))
        .route("/api/v1/states/resolve", get(api::resolve_name))
        .route("/api/v1/states/{iso3}", get(api::get_state))
}
