//! `/about/sources`: where each dataset comes from, its licence and coverage, how the figures
//! drawn from it are computed, and that none of it is the official record.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new().public("/about/sources", sources)
}

/// One dataset: what it is, where it comes from, its licence and what it covers.
pub struct Source {
    pub name: String,
    pub origin: String,
    pub licence: String,
    pub coverage: String,
}

/// One figure the platform computes, and how.
pub struct Method {
    pub name: String,
    pub how: String,
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    page: PageContext,
    sources: Vec<Source>,
    methods: Vec<Method>,
}

/// The datasets, by the key of their messages (`source-<key>-name`, `-origin`, `-licence`,
/// `-coverage`).
const SOURCES: [&str; 5] = [
    "hrc-votes",
    "unga-votes",
    "states",
    "boundaries",
    "resolutions",
];

/// The computed figures (`method-<key>-name`, `-how`).
const METHODS: [&str; 6] = [
    "outcome",
    "agreement",
    "majority",
    "cohesion",
    "map",
    "parsing",
];

async fn sources(lang: Lang) -> Response {
    let sources = SOURCES
        .iter()
        .map(|key| Source {
            name: lang.t(&format!("source-{key}-name")),
            origin: lang.t(&format!("source-{key}-origin")),
            licence: lang.t(&format!("source-{key}-licence")),
            coverage: lang.t(&format!("source-{key}-coverage")),
        })
        .collect();
    let methods = METHODS
        .iter()
        .map(|key| Method {
            name: lang.t(&format!("method-{key}-name")),
            how: lang.t(&format!("method-{key}-how")),
        })
        .collect();
    let view = SourcesPage {
        page: PageContext::new(lang, "/about/sources", lang.t("sources-title")),
        sources,
        methods,
    };
    render(&view, StatusCode::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key has its messages in every interface language (the ids are built at run
    /// time, so the literal-id check of the i18n tests does not see them).
    #[test]
    fn every_source_and_method_is_written_in_every_interface_language() {
        for lang in Lang::INTERFACE {
            let ids = SOURCES
                .iter()
                .flat_map(|k| {
                    ["name", "origin", "licence", "coverage"].map(|p| format!("source-{k}-{p}"))
                })
                .chain(
                    METHODS
                        .iter()
                        .flat_map(|k| ["name", "how"].map(|p| format!("method-{k}-{p}"))),
                );
            for id in ids {
                let text = lang.t(&id);
                assert!(
                    !text.is_empty() && !text.contains(&id),
                    "{} lacks {id}",
                    lang.code()
                );
            }
        }
    }
}
