//! A request for assistance walked from draft to disbursement by the people the workflow names,
//! through the API (tokens) and the pages (forms): the draft hidden from everyone but its State,
//! bad input refused with the field named and nothing written, a stale version refused, the
//! wrong role refused, the register and its timeliness saying what the records hold, the
//! ledger's balances derived from its entries, and the IATI file listing the approved request.

use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::{Browser, csrf_in, invited_user};
use crate::helpers::{TestApp, spawn_app};

struct Person {
    browser: Browser,
    token: String,
}

async fn person(app: &TestApp, email: &str, name: &str, role: RoleGrant) -> Person {
    let browser = invited_user(app, email, name, role).await;
    let user = app
        .store
        .accounts()
        .credentials(email)
        .await
        .unwrap()
        .unwrap()
        .user;
    let secret = taawun_accounts::new_secret("tw_");
    app.store
        .accounts()
        .create_api_token(
            &taawun_store::ChangeContext::command_line(),
            user.id,
            "test",
            &taawun_accounts::digest(secret.expose()),
            &secret.expose().chars().take(10).collect::<String>(),
            chrono::Utc::now().timestamp(),
        )
        .await
        .unwrap();
    Person {
        browser,
        token: secret.expose().to_owned(),
    }
}

async fn send(
    app: &TestApp,
    who: Option<&Person>,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> (u16, Value) {
    let mut request = app.client.request(method, app.url(path)).json(&body);
    if let Some(p) = who {
        request = request.bearer_auth(&p.token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn step(app: &TestApp, who: &Person, id: i64, body: Value) -> (u16, Value) {
    send(
        app,
        Some(who),
        reqwest::Method::POST,
        &format!("/api/v1/funds/requests/{id}/steps"),
        body,
    )
    .await
}

#[tokio::test]
async fn a_request_goes_from_draft_to_disbursement() {
    let app = spawn_app().await;
    let focal = person(
        &app,
        "focal@fiji.example",
        "Focal Fiji",
        RoleGrant::from_parts("focal-point", Some("FJI"), None).unwrap(),
    )
    .await;
    let other = person(
        &app,
        "focal@nepal.example",
        "Focal Nepal",
        RoleGrant::from_parts("focal-point", Some("NPL"), None).unwrap(),
    )
    .await;
    let secretariat = person(
        &app,
        "fund@ohchr.example",
        "Fund secretariat",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    let reviewer = person(
        &app,
        "reviewer@ohchr.example",
        "Reviewer",
        RoleGrant::from_parts("fund-reviewer", None, None).unwrap(),
    )
    .await;
    let approver = person(
        &app,
        "approver@ohchr.example",
        "Approver",
        RoleGrant::from_parts("fund-approver", None, None).unwrap(),
    )
    .await;

    let draft = json!({
        "state": "FJI",
        "request_type": "review-participation",
        "purpose": "Two delegates at the fourth review",
        "activities": ["Travel to Geneva"],
        "currency": "USD",
        "budget": [{"item": "Tickets", "amount": "12000.00"}],
        "starts": "2027-01-10",
        "ends": "2027-02-10",
        "priority": "high",
        "consent": {"given_by": "Minister of Foreign Affairs", "given_on": "2026-11-30"},
        "publish": {"purpose": true}
    });
    // Bad input: an unknown currency, a negative amount; nothing written.
    for (field, bad) in [
        ("currency", json!({"currency": "XYZ"})),
        (
            "budget[0].amount",
            json!({"budget": [{"item": "Tickets", "amount": "-5"}]}),
        ),
        (
            "budget[0].amount",
            json!({"budget": [{"item": "Tickets", "amount": "99999999999999999999"}]}),
        ),
    ] {
        let mut body = draft.clone();
        for (k, v) in bad.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, answer) = send(
            &app,
            Some(&focal),
            reqwest::Method::POST,
            "/api/v1/funds/review-participation/requests",
            body,
        )
        .await;
        assert_eq!(status, 400, "{answer}");
        assert_eq!(answer["error"]["parameter"], field, "{answer}");
    }
    // Another State's focal point cannot draft for Fiji.
    let (status, _) = send(
        &app,
        Some(&other),
        reqwest::Method::POST,
        "/api/v1/funds/review-participation/requests",
        draft.clone(),
    )
    .await;
    assert_eq!(status, 403);

    let (status, created) = send(
        &app,
        Some(&focal),
        reqwest::Method::POST,
        "/api/v1/funds/review-participation/requests",
        draft.clone(),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["stage"], "draft");
    assert_eq!(created["requested"], "12000.00");
    // The draft is Fiji's alone.
    for who in [None, Some(&other), Some(&secretariat)] {
        let mut request = app
            .client
            .get(app.url(&format!("/api/v1/funds/requests/{id}")));
        if let Some(p) = who {
            request = request.bearer_auth(&p.token);
        }
        assert_eq!(request.send().await.unwrap().status().as_u16(), 404);
    }
    let (_, register) = app
        .get_json("/api/v1/funds/review-participation/requests")
        .await;
    assert_eq!(register["total"], 0);

    // Submitted by its State; taken up and screened by the secretariat.
    let mut version = created["version"].as_i64().unwrap();
    for (who, body) in [
        (&focal, json!({"step": "submit"})),
        (&secretariat, json!({"step": "begin-screening"})),
        (&secretariat, json!({"step": "complete-screening"})),
    ] {
        let mut body = body;
        body["version"] = json!(version);
        let (status, answer) = step(&app, who, id, body).await;
        assert_eq!(status, 200, "{answer}");
        version = answer["version"].as_i64().unwrap();
    }
    // A stale version is refused, nothing written.
    let (status, _) = step(
        &app,
        &reviewer,
        id,
        json!({"version": version - 1, "step": "recommend", "outcome": "approve", "reason": "sound"}),
    )
    .await;
    assert_eq!(status, 409);
    // The wrong role, and a recommendation without its reason, are refused.
    let (status, _) = step(
        &app,
        &secretariat,
        id,
        json!({"version": version, "step": "recommend", "outcome": "approve", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, answer) = step(
        &app,
        &reviewer,
        id,
        json!({"version": version, "step": "recommend", "outcome": "approve"}),
    )
    .await;
    assert_eq!(
        (status, &answer["error"]["parameter"]),
        (400, &json!("reason"))
    );

    for (who, body) in [
        (
            &reviewer,
            json!({"step": "recommend", "outcome": "approve", "reason": "Meets the terms"}),
        ),
        (&secretariat, json!({"step": "send-for-decision"})),
    ] {
        let mut body = body;
        body["version"] = json!(version);
        let (status, answer) = step(&app, who, id, body).await;
        assert_eq!(status, 200, "{answer}");
        version = answer["version"].as_i64().unwrap();
    }
    // The fund holds nothing: the approval is refused by the ledger.
    let approval = json!({"version": version, "step": "decide", "outcome": "approve", "reason": "Within the terms", "amount": "10000.00"});
    let (status, answer) = step(&app, &approver, id, approval.clone()).await;
    assert_eq!(
        (status, &answer["error"]["parameter"]),
        (400, &json!("amount")),
        "{answer}"
    );

    // A donor and its contribution, by the secretariat through the API.
    let (status, donor) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/funds/donors",
        json!({"name": "Qatar", "kind": "state", "state": "QAT", "non_traditional": true}),
    )
    .await;
    assert_eq!(status, 201, "{donor}");
    let (status, entry) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/funds/review-participation/ledger/entries",
        json!({"kind": "contribution", "date": "2026-12-01", "memo": "Contribution 2026", "donor": donor["id"], "paid": "20000", "paid_currency": "EUR", "rate": "1.08", "rate_date": "2026-11-30"}),
    )
    .await;
    assert_eq!(status, 201, "{entry}");
    // A focal point does not keep the ledger.
    let (status, _) = send(
        &app,
        Some(&focal),
        reqwest::Method::POST,
        "/api/v1/funds/review-participation/ledger/entries",
        json!({"kind": "programme-support", "date": "2026-12-01", "memo": "x", "amount": "1"}),
    )
    .await;
    assert_eq!(status, 403);

    let (status, answer) = step(&app, &approver, id, approval).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["approved"], "10000.00");
    version = answer["version"].as_i64().unwrap();

    // The rest through the pages, as the secretariat works: sign, then pay part.
    let page = format!("/funds/requests/{id}");
    let (status, html) = secretariat.browser.page(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("data-step=\"sign-agreement\""),
        "the secretariat is offered the signature"
    );
    let csrf = csrf_in(&html).unwrap();
    let v = version.to_string();
    let response = secretariat
        .browser
        .post(
            &format!("{page}/steps"),
            &[
                ("csrf", &csrf),
                ("version", &v),
                ("step", "sign-agreement"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    let (_, current) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::GET,
        &format!("/api/v1/funds/requests/{id}"),
        Value::Null,
    )
    .await;
    let v = current["version"].as_i64().unwrap().to_string();
    let response = secretariat
        .browser
        .post(
            &format!("{page}/steps"),
            &[
                ("csrf", &csrf),
                ("version", &v),
                ("step", "record-disbursement"),
                ("amount", "20000.00"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(
        response.status().as_u16(),
        400,
        "more than approved is refused"
    );
    let response = secretariat
        .browser
        .post(
            &format!("{page}/steps"),
            &[
                ("csrf", &csrf),
                ("version", &v),
                ("step", "record-disbursement"),
                ("amount", "4000.00"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);

    // The public sees it in the register, with the amounts the ledger holds.
    let (_, register) = app
        .get_json("/api/v1/funds/review-participation/requests")
        .await;
    assert_eq!(register["total"], 1);
    let row = &register["requests"][0];
    assert_eq!(
        (
            &row["state"],
            &row["stage"],
            &row["approved"],
            &row["disbursed"]
        ),
        (
            &json!("FJI"),
            &json!("disbursement"),
            &json!("10000.00"),
            &json!("4000.00")
        )
    );
    assert_eq!(row["purpose"], "Two delegates at the fourth review");
    let year = &register["timeliness"][0];
    assert_eq!(year["requests"], 1);
    let left: Vec<&str> = year["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert!(
        left.contains(&"screening") && left.contains(&"agreement"),
        "{left:?}"
    );
    // The same as a file.
    let csv = app
        .get("/api/v1/funds/review-participation/requests?format=csv")
        .await
        .text()
        .await
        .unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("id,fund,state,"));
    let line = lines.next().unwrap();
    assert!(
        line.contains(",FJI,") && line.contains(",10000.00,4000.00,USD,"),
        "{line}"
    );
    assert_eq!(lines.next(), None);
    // The public view leaves out what the State did not publish.
    let (_, public) = app.get_json(&format!("/api/v1/funds/requests/{id}")).await;
    assert_eq!(public["whole"], false);
    assert!(public["budget"].is_null() && public["consent_given_by"].is_null());
    assert_eq!(public["events"].as_array().unwrap().len(), 8);

    // The ledger: 20,000 EUR at 1.08 is 21,600 USD received; 4,000 paid out.
    let (_, ledger) = app
        .get_json("/api/v1/funds/review-participation/ledger")
        .await;
    assert_eq!(ledger["balances"]["cash"], "17600.00");
    assert_eq!(ledger["balances"]["obligations"], "6000.00");
    assert_eq!(ledger["balances"]["available"], "11600.00");
    assert_eq!(ledger["income"][0]["non_traditional_share"], 1.0);
    for (path, lang) in [
        ("/funds/review-participation/ledger", "ar"),
        ("/funds/review-participation/requests", "ar"),
        (page.as_str(), "ar"),
        ("/funds/review-participation/ledger", "en"),
    ] {
        let response = app.get_with(path, "accept-language", lang).await;
        assert_eq!(response.status().as_u16(), 200, "{path} {lang}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("17,600.00") || html.contains("17600.00") || !path.ends_with("ledger"),
            "{path}"
        );
    }
    let response = app.get("/api/v1/funds/iati.xml").await;
    assert_eq!(response.status().as_u16(), 200);
    let xml = response.text().await.unwrap();
    assert!(xml.contains(&format!("XM-DAC-41313-review-participation-{id}")));
    assert!(xml.contains("code=\"FJ\""));
}

/// `taawun demo funds` fills an empty database with a demonstration set whose books balance;
/// `taawun ledger verify` proves them, `taawun export iati` writes the approved requests.
#[test]
fn the_demonstration_set_balances_and_exports() {
    use crate::helpers::{succeeded, taawun};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let written = succeeded(taawun().env_remove("TAAWUN_DATABASE_URL").args([
        "demo",
        "funds",
        "--requests",
        "40",
        "--data-dir",
        data,
    ]));
    assert!(written.contains("40 requests"), "{written}");
    let verified = succeeded(taawun().env_remove("TAAWUN_DATABASE_URL").args([
        "ledger",
        "verify",
        "--data-dir",
        data,
    ]));
    assert!(verified.contains("entries balance"), "{verified}");
    let out = dir.path().join("iati.xml");
    succeeded(taawun().env_remove("TAAWUN_DATABASE_URL").args([
        "export",
        "iati",
        "--out",
        out.to_str().unwrap(),
        "--data-dir",
        data,
    ]));
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("<iati-activity"), "activities written");
    assert!(
        xml.to_lowercase().contains("demonstration"),
        "marked as demonstration data"
    );
}
