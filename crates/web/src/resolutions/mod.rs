//! The registry of resolutions: the list, a page per resolution (its text with anchored
//! paragraphs, footnotes, references, vote, mandates, warnings, history), and the mandates —
//! as pages and as API.

mod api;
mod pages;
mod query;
mod view;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub use api::{__path_get_resolution, __path_list_mandates, __path_list_resolutions};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/resolutions", get(pages::list))
        .route("/resolutions/{*symbol}", get(pages::show))
        .route("/mandates", get(pages::mandates))
        .route("/api/v1/resolutions", get(api::list_resolutions))
        .route("/api/v1/resolutions/{*symbol}", get(api::get_resolution))
        .route("/api/v1/mandates", get(api::list_mandates))
}
