//! Published practices in the one search, through the API and the page: filtered by their
//! modality, region and rights (`modality=`, `region=`, `right=`), counted per value over the
//! results (counts computed here from the practices published), the values labelled in English
//! and Arabic, a wrong value refused with the parameter and the values it takes, and a
//! resolution's results without any of these facets.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::invited_user;
use crate::helpers::{TestApp, send, spawn_app, token_of};

/// A POST that must succeed: its body.
async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let (status, body) = send(app, Some(token), reqwest::Method::POST, path, body).await;
    assert!((200..300).contains(&status), "{path}: {status} {body}");
    body
}

/// Writes, submits and publishes a practice; its number.
async fn publish(app: &TestApp, focal: &str, secretariat: &str, practice: &Value) -> String {
    let draft = post(app, focal, "/api/v1/practices", practice.clone()).await;
    let steps = format!("/api/v1/practices/{}/steps", draft["id"]);
    let submitted = post(
        app,
        focal,
        &steps,
        json!({"step": "submit", "reason": "", "revision": draft["revision"]}),
    )
    .await;
    let published = post(
        app,
        secretariat,
        &steps,
        json!({"step": "publish", "reason": "", "revision": submitted["revision"]}),
    )
    .await;
    assert_eq!(published["stage"], "published", "{published}");
    published["number"].as_str().unwrap().to_owned()
}

fn practice(title: &str, summary: &str, modality: &str, region: &str, rights: &[&str]) -> Value {
    json!({
        "title": title,
        "summary": summary,
        "modality": modality,
        "partners": ["KEN", "MAR"],
        "organisations": [],
        "rights": rights,
        "sdg_targets": ["16.3"],
        "region": region,
        "start": "2024-03-01",
        "end": "",
        "results": [{"text": "4,000 cases heard in two years.", "urls": []}],
        "contact": "focal.point@example.org",
        "languages": ["en", "ar"]
    })
}

/// A facet of a search answer as value → count.
fn facet(results: &Value, name: &str) -> BTreeMap<String, u64> {
    results["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {name}: {results}"))
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap().to_owned(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn record_keys(results: &Value) -> Vec<String> {
    let mut keys: Vec<String> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["record_key"].as_str().unwrap().to_owned())
        .collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn published_practices_are_searched_and_counted_by_modality_region_and_right() {
    let app = spawn_app().await;
    invited_user(
        &app,
        "focal@kenya.example",
        "Focal Kenya",
        RoleGrant::from_parts("focal-point", Some("KEN"), None).unwrap(),
    )
    .await;
    invited_user(
        &app,
        "secretariat@ohchr.example",
        "Secretariat Officer",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    let focal = token_of(&app, "focal@kenya.example").await;
    let secretariat = token_of(&app, "secretariat@ohchr.example").await;

    let practices = [
        practice(
            "Mobile courts in remote districts",
            "Two States shared the design of mobile courts that hear cases in remote districts.",
            "south-south",
            "african",
            &["Right to a fair trial", "Access to justice"],
        ),
        practice(
            "Legal aid clinics in schools",
            "Law students and a partner of the North ran legal aid clinics in secondary schools.",
            "triangular",
            "latin-american-caribbean",
            &["Right to education", "access to JUSTICE"],
        ),
        practice(
            "المحاكم المتنقلة في المدارس",
            "تبادلت دول المنطقة تصميم محاكم متنقلة تزور المدارس في المناطق النائية.",
            "regional",
            "global",
            &["الحق في التعليم"],
        ),
    ];
    let mut published = Vec::new();
    for body in &practices {
        let number = publish(&app, &focal, &secretariat, body).await;
        published.push((format!("best-practice:{number}"), body));
    }

    // Every practice under its values, the counts as the practices published say.
    let (status, all) = app
        .get_json("/api/v1/search?type=best-practice&per_page=100")
        .await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["total"], published.len());
    let mut modalities = BTreeMap::new();
    let mut regions = BTreeMap::new();
    let mut rights = BTreeMap::new();
    for (_, body) in &published {
        *modalities
            .entry(body["modality"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
        *regions
            .entry(body["region"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
        let mut slugs: Vec<String> = body["rights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| taawun_search::right_slug(r.as_str().unwrap()))
            .collect();
        slugs.sort();
        slugs.dedup();
        for slug in slugs {
            *rights.entry(slug).or_insert(0) += 1;
        }
    }
    assert_eq!(facet(&all, "modality"), modalities);
    assert_eq!(facet(&all, "region"), regions);
    assert_eq!(facet(&all, "right"), rights);
    // "Access to justice" and "access to JUSTICE" are one right.
    assert_eq!(facet(&all, "right")["access-to-justice"], 2);

    // Each filter finds exactly the practices with its value.
    let expect = |keep: &dyn Fn(&Value) -> bool| -> Vec<String> {
        let mut keys: Vec<String> = published
            .iter()
            .filter(|(_, body)| keep(body))
            .map(|(key, _)| key.clone())
            .collect();
        keys.sort();
        keys
    };
    let has_right = |body: &Value, slug: &str| {
        body["rights"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| taawun_search::right_slug(r.as_str().unwrap()) == slug)
    };
    for (query, expected) in [
        (
            "modality=triangular",
            expect(&|b| b["modality"] == "triangular"),
        ),
        (
            "modality=South-South",
            expect(&|b| b["modality"] == "south-south"),
        ),
        ("region=GLOBAL", expect(&|b| b["region"] == "global")),
        ("region=african", expect(&|b| b["region"] == "african")),
        (
            "right=access-to-justice",
            expect(&|b| has_right(b, "access-to-justice")),
        ),
        (
            "right=Access%20to%20Justice",
            expect(&|b| has_right(b, "access-to-justice")),
        ),
        (
            "right=الحق-في-التعليم",
            expect(&|b| has_right(b, "الحق-في-التعليم")),
        ),
        (
            "q=courts&modality=south-south&state=MAR&sdg=16",
            expect(&|b| b["modality"] == "south-south"),
        ),
        (
            "modality=triangular&region=african",
            expect(&|b| b["modality"] == "triangular" && b["region"] == "african"),
        ),
    ] {
        let (status, found) = app.get_json(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, 200, "{query}: {found}");
        assert_eq!(record_keys(&found), expected, "{query}: {found}");
        assert_eq!(found["total"], expected.len(), "{query}");
    }
    assert_eq!(expect(&|b| b["region"] == "global").len(), 1);

    // A resolution's results have none of these facets.
    let (status, resolutions) = app
        .get_json("/api/v1/search?q=التعاون&lang=ar&type=resolution")
        .await;
    assert_eq!(status, 200);
    assert!(resolutions["total"].as_u64().unwrap() > 0);
    for name in ["modality", "region", "right"] {
        assert!(facet(&resolutions, name).is_empty(), "{name}");
    }

    // A value outside the vocabularies: 400, naming the parameter and the values it takes.
    for (query, parameter, accepted) in [
        (
            "modality=diagonal",
            "modality",
            "south-south, north-south, triangular, regional",
        ),
        (
            "region=asia",
            "region",
            "african, asia-pacific, eastern-european, latin-american-caribbean, \
             western-european-others, global, other",
        ),
        ("right=%E2%80%94", "right", "right-to-education"),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(body["error"]["parameter"], parameter);
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(accepted), "{message}");
    }
    let page = app.get("/search?modality=diagonal").await;
    assert_eq!(page.status(), 400);

    // The page (with a filter, so that it searches): the facets headed and labelled in the
    // reader's language, each value a link.
    for (lang, words) in [
        (
            "en",
            [
                "Modality of cooperation",
                "South-South",
                "Triangular",
                "Region",
                "African Group",
                "Global",
                "Rights concerned",
                "access to justice",
            ],
        ),
        (
            "ar",
            [
                "نمط التعاون",
                "بين بلدان الجنوب",
                "ثلاثي",
                "المنطقة",
                "مجموعة الدول الأفريقية",
                "عالمي",
                "الحقوق المعنية",
                "الحق في التعليم",
            ],
        ),
    ] {
        let page = app
            .get_with(
                "/search?type=best-practice&sdg=16",
                "cookie",
                &format!("taawun_lang={lang}"),
            )
            .await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        for word in words {
            assert!(html.contains(word), "{lang}: {word}");
        }
        assert!(html.contains("modality=triangular"), "{lang}");
        assert!(html.contains("region=latin-american-caribbean"), "{lang}");
        assert!(html.contains("right=access-to-justice"), "{lang}");
    }
    // A filtered page keeps the filter and shows only its practices.
    let html = app
        .get("/search?type=best-practice&region=global")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("المحاكم المتنقلة في المدارس"));
    assert!(!html.contains("Legal aid clinics in schools"));

    // The API document lists the parameters.
    let (_, openapi) = app.get_json("/api/openapi.json").await;
    let parameters: Vec<&str> = openapi["paths"]["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in ["modality", "region", "right"] {
        assert!(parameters.contains(&name), "{parameters:?}");
    }
}
