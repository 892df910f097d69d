//! The Universal Periodic Review and the SDGs: the overview, the recommendations (list with
//! filters and downloads, one page each), a State's review, a session, a theme, the SDG goals
//! and targets with the recommendations linked to them — as pages and as API. The secretariat
//! links recommendations to SDG targets (with suggestions it decides on); every link says who
//! made it.

mod api;
pub(crate) mod figures;
mod pages;
mod query;

use taawun_policy::{Action, Resource};
use taawun_store::upr::{ActionCategory, Response, ResponseCounts};

use crate::auth::Routes;
use crate::format;
use crate::i18n::Lang;

pub use api::{
    __path_get_recommendation, __path_list_recommendations, __path_sdg_goals, __path_sdg_target,
    __path_state_review,
};

pub fn routes() -> Routes {
    Routes::new()
        .public("/upr", pages::overview)
        .public("/upr/recommendations", pages::list)
        .public("/upr/recommendations/{id}", pages::show)
        .post(
            "/upr/recommendations/{id}/sdgs",
            Action::Create,
            Resource::Classification,
            pages::add_sdg,
        )
        .post(
            "/upr/recommendations/{id}/sdgs/{sdg}/delete",
            Action::Delete,
            Resource::Classification,
            pages::remove_sdg,
        )
        .public("/upr/states/{iso3}", pages::state)
        .public("/upr/sessions/{session}", pages::session)
        .public("/upr/themes/{theme}", pages::theme)
        .public("/sdg", pages::sdg_index)
        .public("/sdg/{sdg}", pages::sdg_page)
        .public("/api/v1/upr/recommendations", api::list_recommendations)
        .public("/api/v1/upr/recommendations/{id}", api::get_recommendation)
        .public("/api/v1/upr/states/{iso3}", api::state_review)
        .public("/api/v1/sdg/goals", api::sdg_goals)
        .public("/api/v1/sdg/targets/{sdg}", api::sdg_target)
}

/// A State's name in `lang` (the code itself for a code no table knows).
pub fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

/// A State, linked to its review page.
pub struct StateLink {
    pub iso3: String,
    pub name: String,
}

impl StateLink {
    pub fn new(lang: Lang, iso3: &str) -> StateLink {
        StateLink {
            iso3: iso3.to_owned(),
            name: state_name(lang, iso3),
        }
    }
}

pub fn response_slug(response: Option<Response>) -> &'static str {
    response.map_or("not-recorded", Response::slug)
}

pub fn response_label(lang: Lang, response: Option<Response>) -> String {
    lang.t(&format!("upr-response-{}", response_slug(response)))
}

/// "5 — specific action", in `lang`.
pub fn action_label(lang: Lang, action: ActionCategory) -> String {
    lang.t(&format!("upr-action-{}", action.number()))
}

/// Counts by response, written for a table row.
pub struct Counts {
    pub total: String,
    pub supported: String,
    pub noted: String,
    pub not_recorded: String,
    /// The share supported of those with a recorded response ("—" when none is recorded).
    pub supported_share: String,
}

impl Counts {
    pub fn new(lang: Lang, c: &ResponseCounts) -> Counts {
        let answered = c.supported + c.noted;
        Counts {
            total: format::count(c.total()),
            supported: format::count(c.supported),
            noted: format::count(c.noted),
            not_recorded: format::count(c.not_recorded),
            supported_share: if answered == 0 {
                "—".to_owned()
            } else {
                format::percent(c.supported as f64 / answered as f64, lang)
            },
        }
    }
}

/// The sort key of a name: folded (Arabic article, hamza, diacritics), so that a select lists
/// names as a reader expects.
pub fn name_key(name: &str) -> String {
    taawun_text::fold_name(name)
}
