use std::collections::HashSet;

use taawun_states::{RegionalGroup, UnStatus, all};
use taawun_text::fold_name;

use crate::helpers::{seed_vote_names, spawn_app};

fn iso3s(body: &serde_json::Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["iso3"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_list_holds_the_whole_built_in_table_with_the_documented_fields() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/states?per_page=500").await;
    assert_eq!(status, 200);
    assert_eq!(body["total"], all().count());
    let first = &body["items"][0];
    for field in [
        "iso3",
        "iso2",
        "m49",
        "names",
        "un_status",
        "regional_group",
    ] {
        assert!(first.get(field).is_some(), "missing {field}: {first}");
    }
    for lang in ["ar", "en", "fr", "es", "ru", "zh"] {
        assert!(first["names"][lang].is_string(), "missing names.{lang}");
    }
}

#[tokio::test]
async fn filters_by_group_and_status_agree_with_the_table() {
    let app = spawn_app().await;
    for group in RegionalGroup::ALL {
        let (status, body) = app
            .get_json(&format!(
                "/api/v1/states?group={}&status=member&per_page=500",
                group.slug()
            ))
            .await;
        assert_eq!(status, 200);
        let expected: HashSet<String> = all()
            .filter(|s| s.regional_group == Some(group) && s.status == UnStatus::Member)
            .map(|s| s.iso3.to_owned())
            .collect();
        assert_eq!(
            iso3s(&body).into_iter().collect::<HashSet<_>>(),
            expected,
            "{group:?}"
        );
    }
    let (_, observers) = app.get_json("/api/v1/states?status=observer").await;
    assert_eq!(
        observers["total"],
        all().filter(|s| s.status == UnStatus::Observer).count()
    );
}

#[tokio::test]
async fn paging_walks_the_whole_list_once() {
    let app = spawn_app().await;
    let (_, first) = app
        .get_json("/api/v1/states?per_page=100&page=1&sort=iso3")
        .await;
    let pages = first["pages"].as_u64().unwrap();
    let mut seen = Vec::new();
    for page in 1..=pages {
        let (_, body) = app
            .get_json(&format!(
                "/api/v1/states?per_page=100&page={page}&sort=iso3"
            ))
            .await;
        seen.extend(iso3s(&body));
    }
    assert_eq!(seen.len(), all().count());
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "sort=iso3 orders by code across pages");

    let (status, past) = app
        .get_json(&format!("/api/v1/states?per_page=100&page={}", pages + 1))
        .await;
    assert_eq!(status, 200);
    assert!(past["items"].as_array().unwrap().is_empty());
    assert_eq!(past["total"], all().count());
}

#[tokio::test]
async fn names_sort_in_the_requested_language_ignoring_the_arabic_article() {
    let app = spawn_app().await;
    let (_, body) = app
        .get_json("/api/v1/states?status=member&lang=ar&per_page=500")
        .await;
    let keys: Vec<String> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| fold_name(s["names"]["ar"].as_str().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // الجزائر sorts under ج, not under ا.
    let position = |iso3: &str| iso3s(&body).iter().position(|c| c == iso3).unwrap();
    assert!(
        position("DZA") > position("BRA"),
        "Algeria (الجزائر) after Brazil (البرازيل)"
    );

    let (_, desc) = app
        .get_json("/api/v1/states?sort=m49&order=desc&per_page=5")
        .await;
    let max = all().map(|s| s.m49).max().unwrap();
    assert_eq!(desc["items"][0]["m49"], max);
}

#[tokio::test]
async fn the_name_filter_is_arabic_aware_and_searches_aliases() {
    let app = spawn_app().await;
    let (_, korea) = app
        .get_json("/api/v1/states?q=%D9%83%D9%88%D8%B1%D9%8A%D8%A7")
        .await; // كوريا
    let codes = iso3s(&korea);
    assert!(
        codes.contains(&"KOR".into()) && codes.contains(&"PRK".into()),
        "{codes:?}"
    );
    let (_, algeria) = app
        .get_json("/api/v1/states?q=%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1")
        .await; // جزائر
    assert_eq!(iso3s(&algeria), vec!["DZA".to_owned()]);
    let (_, vietnam) = app.get_json("/api/v1/states?q=vietnam").await;
    assert_eq!(iso3s(&vietnam), vec!["VNM".to_owned()]);
    let (status, none) = app.get_json("/api/v1/states?q=zzzzqqq").await;
    assert_eq!(status, 200);
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn bad_parameters_are_named_in_the_error() {
    let app = spawn_app().await;
    for (query, parameter) in [
        ("group=nordic", "group"),
        ("status=friend", "status"),
        ("per_page=0", "per_page"),
        ("per_page=100000", "per_page"),
        ("page=-1", "page"),
        ("sort=population", "sort"),
        ("order=sideways", "order"),
        ("lang=xx", "lang"),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/states?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["parameter"], parameter, "{query}: {body}");
        assert_eq!(body["error"]["code"], "invalid_parameter");
    }
}

#[tokio::test]
async fn one_state_by_code_and_a_named_404_for_unknown_codes() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/states/cmr").await;
    assert_eq!(status, 200);
    assert_eq!(body["iso3"], "CMR");
    assert_eq!(
        body["names"]["ar"],
        taawun_states::by_iso3("CMR").unwrap().names.ar
    );
    let (status, body) = app.get_json("/api/v1/states/QQQ").await;
    assert_eq!(status, 404);
    assert!(body["error"]["message"].as_str().unwrap().contains("QQQ"));
}

#[tokio::test]
async fn the_resolver_api_resolves_every_name_of_the_seed_vote() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let names = seed_vote_names();
    assert!(!names.is_empty());
    for name in &names {
        let response = app
            .client
            .get(app.url("/api/v1/states/resolve"))
            .query(&[("name", name)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(body["iso3"].is_string(), "{name}: {body}");
        assert!(["exact", "alias", "fuzzy"].contains(&body["match"].as_str().unwrap()));
    }
    let (status, ambiguous) = app.get_json("/api/v1/states/resolve?name=Korea").await;
    assert_eq!(status, 200);
    assert!(ambiguous["iso3"].is_null());
    assert!(ambiguous["candidates"].as_array().unwrap().len() >= 2);
    let (status, missing) = app.get_json("/api/v1/states/resolve").await;
    assert_eq!(status, 400);
    assert_eq!(missing["error"]["parameter"], "name");
}

#[tokio::test]
async fn the_openapi_document_describes_the_routes() {
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/states",
        "/api/v1/states/{iso3}",
        "/api/v1/states/resolve",
        "/healthz",
        "/readyz",
        "/api/v1/upr/recommendations",
        "/api/v1/upr/recommendations/{id}",
        "/api/v1/upr/states/{iso3}",
        "/api/v1/sdg/goals",
        "/api/v1/sdg/targets/{sdg}",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} missing from the OpenAPI document"
        );
    }
}

/// What an endpoint's description says it reads is what it reads: each query parameter the
/// OpenAPI document gives the listings, sent with a value it cannot take, is refused by name.
#[tokio::test]
async fn each_documented_query_parameter_is_read_by_its_endpoint() {
    let app = spawn_app().await;
    let (_, doc) = app.get_json("/api/openapi.json").await;
    // A value each parameter refuses, by its name (free text such as `q` takes anything).
    let refused = |name: &str| match name {
        "body" | "method" | "content" | "sort" | "order" | "status" | "group" | "kind"
        | "format" | "definition" | "not_members" | "lang" | "type" => Some("no-such-word"),
        "session" | "year" | "page" | "per_page" | "due_session" | "cycle" | "action" => {
            Some("zero")
        }
        "response" => Some("no-such-word"),
        "reviewed" | "recommending" => Some("XXX"),
        "sdg" => Some("99"),
        "from" | "to" => Some("2019-02-30"),
        "a" | "b" | "state" | "seat" => Some("XXX"),
        _ => None,
    };
    let mut checked = 0;
    for path in [
        "/api/v1/resolutions",
        "/api/v1/mandates",
        "/api/v1/states",
        "/api/v1/organisations",
        "/api/v1/search",
        "/api/v1/votes/agreement",
        "/api/v1/votes/agreement-matrix",
        "/api/v1/votes/cohesion",
        "/api/v1/votes/map",
        "/api/v1/upr/recommendations",
    ] {
        let parameters = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{path} has no parameters in the OpenAPI document"));
        for parameter in parameters.iter().filter(|p| p["in"] == "query") {
            let name = parameter["name"].as_str().unwrap();
            assert!(
                parameter["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "{path}: {name} has no description"
            );
            let Some(value) = refused(name) else { continue };
            // The agreement needs its first State before it reads the others.
            let extra = if path.ends_with("/agreement") && name != "a" {
                "&a=EGY"
            } else {
                ""
            };
            let (status, body) = app.get_json(&format!("{path}?{name}={value}{extra}")).await;
            assert_eq!(status, 400, "{path}?{name}={value}: {body}");
            assert_eq!(
                body["error"]["parameter"], name,
                "{path}?{name}={value}: {body}"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} parameters were checked");
}

#[tokio::test]
async fn unknown_api_routes_answer_in_json() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/nothing-here").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}
