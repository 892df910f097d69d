//! A practice taken into the compendium by the people the workflow names: every wrong field
//! named and nothing written, the draft hidden from the public, a step of the wrong role or from
//! the wrong stage refused, a return without comments refused, the first publication numbering
//! it, a later edit making a second version while the first stays citable, the list's filters
//! and counts saying what the records hold.

use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::invited_user;
use crate::helpers::{send, spawn_app, token_of};

fn practice(title: &str) -> Value {
    json!({
        "title": title,
        "summary": "Two States shared the design of mobile courts that hear cases in remote districts.",
        "modality": "south-south",
        "partners": ["KEN", "MAR"],
        "organisations": ["National Human Rights Commission"],
        "rights": ["Right to a fair trial", "Access to justice"],
        "sdg_targets": ["16.3"],
        "region": "african",
        "start": "2024-03-01",
        "end": "",
        "results": [{"text": "4,000 cases heard in two years.", "urls": ["https://example.org/evaluation"]}],
        "contact": "focal.point@example.org",
        "languages": ["en", "ar"]
    })
}

#[tokio::test]
async fn a_practice_goes_from_draft_to_the_compendium_and_keeps_its_versions() {
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
    let post = reqwest::Method::POST;

    // Every wrong field named, nothing written.
    let mut bad = practice("");
    bad["partners"] = json!(["KEN", "XYZ"]);
    bad["sdg_targets"] = json!(["18.1"]);
    bad["start"] = json!("March 2024");
    let (status, refused) = send(&app, Some(&focal), post.clone(), "/api/v1/practices", bad).await;
    assert_eq!(status, 422, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    for field in ["title", "partners[1]", "sdg_targets[0]", "start"] {
        assert!(message.contains(field), "{field} not named in {message}");
    }
    let (_, listed) = app.get_json("/api/v1/practices").await;
    assert_eq!(listed["total"], 0);
    let (status, _) = send(&app, None, post.clone(), "/api/v1/practices", practice("x")).await;
    assert_eq!(status, 401);

    let (status, draft) = send(
        &app,
        Some(&focal),
        post.clone(),
        "/api/v1/practices",
        practice("Mobile courts in remote districts"),
    )
    .await;
    assert_eq!(status, 201, "{draft}");
    assert_eq!(draft["stage"], "draft");
    let id = draft["id"].as_i64().unwrap();
    let steps = format!("/api/v1/practices/{id}/steps");
    // The public does not learn that a draft exists.
    let (status, _) = app.get_json(&format!("/api/v1/practices/{id}")).await;
    assert_eq!(status, 404);

    let step = |step: &str, reason: &str, revision: &Value| json!({"step": step, "reason": reason, "revision": revision});
    // Wrong role, wrong stage.
    let (status, refused) = send(
        &app,
        Some(&focal),
        post.clone(),
        &steps,
        step("publish", "", &draft["revision"]),
    )
    .await;
    assert_eq!(status, 403, "{refused}");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        step("publish", "", &draft["revision"]),
    )
    .await;
    assert_eq!(
        status, 403,
        "a draft is its submitter's to submit first: {refused}"
    );

    let (status, submitted) = send(
        &app,
        Some(&focal),
        post.clone(),
        &steps,
        step("submit", "", &draft["revision"]),
    )
    .await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["stage"], "submitted");
    // A stale revision, and a return without comments: refused, nothing written.
    let (status, stale) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        step("return", "Add the evaluation", &draft["revision"]),
    )
    .await;
    assert_eq!(status, 409, "{stale}");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        step("return", " ", &submitted["revision"]),
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    let (status, returned) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        step(
            "return",
            "Please say who evaluated the courts.",
            &submitted["revision"],
        ),
    )
    .await;
    assert_eq!(status, 200, "{returned}");
    assert_eq!(returned["stage"], "returned");

    // The submitter edits and submits again; the secretariat publishes.
    let mut edited = practice("Mobile courts in remote districts");
    edited["results"] = json!([{"text": "4,000 cases heard in two years (independent evaluation, 2025).", "urls": ["https://example.org/evaluation"]}]);
    let (status, after_edit) = send(
        &app,
        Some(&focal),
        post.clone(),
        &steps,
        json!({"step": "edit", "revision": returned["revision"], "practice": edited}),
    )
    .await;
    assert_eq!(status, 200, "{after_edit}");
    let (_, resubmitted) = send(
        &app,
        Some(&focal),
        post.clone(),
        &steps,
        step("submit", "", &after_edit["revision"]),
    )
    .await;
    let (status, published) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        step("publish", "", &resubmitted["revision"]),
    )
    .await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["stage"], "published");
    assert_eq!(published["version"], 1);
    let number = published["number"].as_str().unwrap().to_owned();
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(number, format!("P-{year}-0001"));

    // The public reads it by its number, with its citation and without its history.
    let (status, public) = app.get_json(&format!("/api/v1/practices/{number}")).await;
    assert_eq!(status, 200, "{public}");
    assert!(public["history"].is_null());
    let citation = public["citation_en"].as_str().unwrap();
    assert!(
        citation.contains(&number) && citation.contains("version 1"),
        "{citation}"
    );
    assert!(public["citation_ar"].as_str().unwrap().contains(&number));
    let (_, mine) = send(
        &app,
        Some(&focal),
        reqwest::Method::GET,
        &format!("/api/v1/practices/{id}"),
        Value::Null,
    )
    .await;
    let history = mine["history"].as_array().unwrap();
    let kinds: Vec<&str> = history
        .iter()
        .map(|e| e["step"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["submit", "return", "edit", "submit", "publish"]);
    assert_eq!(history[1]["reason"], "Please say who evaluated the courts.");

    // The one search finds it at once, as a best practice, under its SDG target and States.
    let (status, found) = app
        .get_json("/api/v1/search?q=mobile%20courts&type=best-practice")
        .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(
        found["hits"][0]["record_key"],
        format!("best-practice:{number}")
    );
    let (_, by_sdg) = app
        .get_json("/api/v1/search?q=courts&sdg=16.3&state=MAR")
        .await;
    assert!(
        by_sdg["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["record_key"] == format!("best-practice:{number}")),
        "{by_sdg}"
    );

    // The secretariat edits the published practice: a second version, the first still citable.
    let mut corrected = edited.clone();
    corrected["title"] = json!("Mobile courts for remote districts");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        json!({"step": "edit", "revision": published["revision"], "practice": corrected}),
    )
    .await;
    assert_eq!(
        status, 409,
        "an edit of a published practice says what changed: {refused}"
    );
    let (status, second) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &steps,
        json!({"step": "edit", "reason": "Title corrected", "revision": published["revision"], "practice": corrected}),
    )
    .await;
    assert_eq!(status, 200, "{second}");
    assert_eq!(second["version"], 2);
    let page = app
        .get_with(
            &format!("/practices/{number}?version=1"),
            "accept-language",
            "en",
        )
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Mobile courts in remote districts"));
    assert!(html.contains("version 1"));
    let page = app
        .get_with(&format!("/practices/{number}"), "accept-language", "ar")
        .await;
    let html = page.text().await.unwrap();
    assert!(html.contains("Mobile courts for remote districts"));
    assert!(html.contains("id=\"citation\""));
    assert!(
        !html.contains("data-step="),
        "the public is offered no step"
    );

    // A second practice, declined with its reason: never listed.
    let (_, other) = send(
        &app,
        Some(&focal),
        post.clone(),
        "/api/v1/practices",
        practice("Another practice"),
    )
    .await;
    let other_steps = format!("/api/v1/practices/{}/steps", other["id"]);
    let (_, other) = send(
        &app,
        Some(&focal),
        post.clone(),
        &other_steps,
        step("submit", "", &other["revision"]),
    )
    .await;
    let (status, declined) = send(
        &app,
        Some(&secretariat),
        post.clone(),
        &other_steps,
        step(
            "decline",
            "Not a practice of cooperation between States",
            &other["revision"],
        ),
    )
    .await;
    assert_eq!(status, 200, "{declined}");
    assert_eq!(declined["stage"], "declined");

    // The list and its filters.
    let (_, listed) = app.get_json("/api/v1/practices").await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["number"], number.as_str());
    for (query, expected) in [
        ("modality=south-south", 1),
        ("modality=triangular", 0),
        ("region=african", 1),
        ("region=asia-pacific", 0),
        ("right=access%20to%20justice", 1),
        ("sdg=16", 1),
        ("sdg=16.3", 1),
        ("sdg=4", 0),
        ("state=mar", 1),
    ] {
        let (status, found) = app.get_json(&format!("/api/v1/practices?{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert_eq!(found["total"], expected, "{query}");
    }
    let (status, bad) = app.get_json("/api/v1/practices?modality=bilateral").await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["parameter"], "modality");
    let page = app
        .get_with("/practices?sdg=16", "accept-language", "en")
        .await;
    let html = page.text().await.unwrap();
    assert!(html.contains("Mobile courts for remote districts"));
    assert!(html.contains("One practice"));
}

/// `taawun demo practices` fills an empty compendium; a second run is refused and writes
/// nothing; `taawun reindex` makes the set searchable.
#[test]
fn the_demonstration_compendium_goes_into_an_empty_database_once() {
    use crate::helpers::{succeeded, taawun};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let run = |count: &str| {
        taawun()
            .env_remove("TAAWUN_DATABASE_URL")
            .args(["demo", "practices", "--count", count, "--data-dir", data])
            .output()
            .unwrap()
    };
    let first = run("60");
    assert!(first.status.success(), "{first:?}");
    assert!(String::from_utf8_lossy(&first.stdout).contains("60 published practices"));
    let second = run("5");
    assert!(!second.status.success(), "a second set is refused");
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(said.contains("already holds 60 practices"), "{said}");
    let indexed =
        succeeded(
            taawun()
                .env_remove("TAAWUN_DATABASE_URL")
                .args(["reindex", "--data-dir", data]),
        );
    assert!(!indexed.is_empty());
    let found = succeeded(taawun().env_remove("TAAWUN_DATABASE_URL").args([
        "search",
        "mobile courts",
        "--json",
        "--data-dir",
        data,
    ]));
    assert!(found.contains("best-practice:P-"), "{found}");
}
