//! States: the list, a page per State, the name resolver — as pages and as API.

mod api;
mod pages;
mod query;

pub use api::{__path_get_state, __path_list_states, __path_resolve_name};
pub use pages::{Choice, PageLink, group_label, page_links};

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/states", pages::list)
        .public("/states/resolve", pages::resolve)
        .public("/states/{iso3}", pages::show)
        .public("/api/v1/states", api::list_states)
        .public("/api/v1/states/resolve", api::resolve_name)
        .public("/api/v1/states/{iso3}", api::get_state)
}
