//! Organisations (NHRIs, civil society, UN entities, regional and international organisations):
//! the public list and a page for each, the administrators' form to add and change them — as
//! pages and as API. Every change goes through the store, which records it in the audit log.

mod api;
mod form;
mod pages;
mod query;

use taawun_policy::{Action, Resource};

use crate::auth::Routes;

pub use api::{
    __path_create_organisation, __path_get_organisation, __path_list_organisations,
    __path_update_organisation,
};

pub fn routes() -> Routes {
    Routes::new()
        .public("/organisations", pages::list)
        .public("/organisations/{id}", pages::show)
        .get(
            "/admin/organisations/new",
            Action::Create,
            Resource::Organisations,
            pages::new_form,
        )
        .post(
            "/admin/organisations",
            Action::Create,
            Resource::Organisations,
            pages::create,
        )
        .get(
            "/admin/organisations/{id}/edit",
            Action::Update,
            Resource::Organisations,
            pages::edit_form,
        )
        .post(
            "/admin/organisations/{id}",
            Action::Update,
            Resource::Organisations,
            pages::update,
        )
        .public("/api/v1/organisations", api::list_organisations)
        .public("/api/v1/organisations/{id}", api::get_organisation)
        .post(
            "/api/v1/organisations",
            Action::Create,
            Resource::Organisations,
            api::create_organisation,
        )
        .put(
            "/api/v1/organisations/{id}",
            Action::Update,
            Resource::Organisations,
            api::update_organisation,
        )
}

#[cfg(test)]
mod tests {
    use axum::http::Method;

    use super::*;
    use crate::i18n::Lang;

    fn ftl(path: &str) -> String {
        std::fs::read_to_string(format!("{}/locales/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn ids(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '.', '*', '[']) && l.contains(" ="))
            .map(|l| l.split(" =").next().unwrap().trim().to_owned())
            .collect()
    }

    #[test]
    fn english_and_arabic_have_the_same_messages_and_none_clashes_with_other_files() {
        let en = ids(&ftl("en/organisations.ftl"));
        let ar = ids(&ftl("ar/organisations.ftl"));
        let missing: Vec<_> = en.iter().filter(|id| !ar.contains(id)).collect();
        assert!(missing.is_empty(), "Arabic lacks: {missing:?}");
        let extra: Vec<_> = ar.iter().filter(|id| !en.contains(id)).collect();
        assert!(extra.is_empty(), "English lacks: {extra:?}");
        // fluent-templates loads every file of a folder into one bundle: an id defined twice
        // would stop the whole bundle from loading.
        for folder in ["en", "ar"] {
            let dir = format!("{}/locales/{folder}", env!("CARGO_MANIFEST_DIR"));
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if name == "organisations.ftl" || !name.ends_with(".ftl") {
                    continue;
                }
                let other = ids(&std::fs::read_to_string(&path).unwrap());
                let clash: Vec<_> = en.iter().filter(|id| other.contains(id)).collect();
                assert!(clash.is_empty(), "also in {folder}/{name}: {clash:?}");
            }
        }
        for id in &en {
            for lang in [Lang::En, Lang::Ar] {
                // Every variable any message uses, so that each formats without errors.
                let text = lang.t_args(
                    id,
                    &[
                        ("count", 3.into()),
                        ("page", 1.into()),
                        ("pages", 2.into()),
                        ("id", "7".into()),
                        ("name", "X".into()),
                        ("language", "X".into()),
                        ("max", 300.into()),
                        ("chars", 301.into()),
                        ("value", "X".into()),
                        ("code", "XXX".into()),
                    ],
                );
                assert!(
                    !text.is_empty() && !text.contains("Unknown localization"),
                    "{id}: {text}"
                );
            }
        }
    }

    #[test]
    fn routes_declare_what_they_need() {
        let table = routes();
        let spec = |method: Method, path: &str| {
            table
                .specs()
                .iter()
                .find(|s| s.method == method && s.path == path)
                .map(|s| (s.action, s.resource.clone()))
                .unwrap_or_else(|| panic!("no route {method} {path}"))
        };
        for path in [
            "/organisations",
            "/organisations/{id}",
            "/api/v1/organisations",
            "/api/v1/organisations/{id}",
        ] {
            assert_eq!(spec(Method::GET, path), (Action::Read, Resource::Public));
        }
        for (method, path) in [
            (Method::GET, "/admin/organisations/new"),
            (Method::POST, "/admin/organisations"),
            (Method::POST, "/api/v1/organisations"),
        ] {
            assert_eq!(
                spec(method, path),
                (Action::Create, Resource::Organisations)
            );
        }
        for (method, path) in [
            (Method::GET, "/admin/organisations/{id}/edit"),
            (Method::POST, "/admin/organisations/{id}"),
            (Method::PUT, "/api/v1/organisations/{id}"),
        ] {
            assert_eq!(
                spec(method, path),
                (Action::Update, Resource::Organisations)
            );
        }
        assert_eq!(table.specs().len(), 10);
    }

    #[test]
    fn the_api_is_described() {
        use utoipa::OpenApi;
        let doc = serde_json::to_value(crate::openapi::ApiDoc::openapi()).unwrap();
        for (path, methods) in [
            ("/api/v1/organisations", &["get", "post"][..]),
            ("/api/v1/organisations/{id}", &["get", "put"][..]),
        ] {
            for method in methods {
                let op = &doc["paths"][path][method];
                assert_eq!(op["tags"][0], "organisations", "{method} {path}");
                let writes = *method != "get";
                assert_eq!(op.get("security").is_some(), writes, "{method} {path}");
            }
        }
        for schema in [
            "OrganisationView",
            "OrganisationNamesView",
            "OrganisationList",
            "OrganisationRequest",
        ] {
            assert!(
                doc["components"]["schemas"].get(schema).is_some(),
                "{schema} is not in the document"
            );
        }
    }
}
