//! `/about/sources`: where each dataset comes from, its licence and coverage, how the figures
//! drawn from it are computed, and that none of it is the official record. `/about/api`: how to
//! use the JSON API, and every operation of its OpenAPI document.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub fn routes() -> crate::auth::Routes {
    crate::auth::Routes::new()
        .public("/about/sources", sources)
        .public("/about/api", api)
}

/// One operation of the OpenAPI document, as the API page lists it.
pub struct Operation {
    pub method: &'static str,
    pub path: String,
    /// The operation's summary, in English (the document's language).
    pub summary: String,
}

/// The operations of one tag of the document.
pub struct OperationGroup {
    pub tag: String,
    pub title: String,
    pub operations: Vec<Operation>,
}

#[derive(Template)]
#[template(path = "api.html")]
struct ApiPage {
    page: PageContext,
    groups: Vec<OperationGroup>,
    count: usize,
}

/// The document's operations grouped by tag, in the document's tag order: read from the same
/// `ApiDoc` that `/api/openapi.json` serves, so the page cannot list what the API does not do.
fn operation_groups() -> Vec<(String, Vec<Operation>)> {
    use utoipa::OpenApi;
    let doc = crate::openapi::ApiDoc::openapi();
    let tags: Vec<String> = doc.tags.iter().flatten().map(|t| t.name.clone()).collect();
    let mut groups: Vec<(String, Vec<Operation>)> =
        tags.iter().map(|t| (t.clone(), Vec::new())).collect();
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, operation) in methods {
            let Some(operation) = operation else {
                continue;
            };
            let tag = operation
                .tags
                .as_ref()
                .and_then(|t| t.first().cloned())
                .unwrap_or_default();
            let entry = Operation {
                method,
                path: path.clone(),
                summary: operation.summary.clone().unwrap_or_default(),
            };
            match groups.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, operations)) => operations.push(entry),
                None => groups.push((tag, vec![entry])),
            }
        }
    }
    groups.retain(|(_, operations)| !operations.is_empty());
    groups
}

async fn api(lang: Lang) -> Response {
    let groups: Vec<OperationGroup> = operation_groups()
        .into_iter()
        .map(|(tag, operations)| OperationGroup {
            title: lang.t(&format!("api-tag-{tag}")),
            tag,
            operations,
        })
        .collect();
    let count = groups.iter().map(|g| g.operations.len()).sum();
    let view = ApiPage {
        page: PageContext::new(lang, "/about/api", lang.t("api-title")),
        groups,
        count,
    };
    render(&view, StatusCode::OK)
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
