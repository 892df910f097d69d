//! A regional seminar of one of the seed's mandates from planning to the summary report: every
//! wrong field named with nothing written, registration and its deadline, the secretariat's
//! decisions, inputs and consent, the public list and what it may say of whom; then the report
//! generated from what was given, refused for a mandate with no seminar, edited, published
//! (recording the mandate's delivered output) and closed to edits.

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::invited_user;
use crate::helpers::{TestApp, send, spawn_app, token_of};

const POST: reqwest::Method = reqwest::Method::POST;

/// Two mandates of the seed addressed to the High Commissioner: (addressee, paragraph, symbol).
async fn mandates(app: &TestApp) -> Vec<(String, String, String)> {
    let (status, list) = app
        .get_json("/api/v1/mandates?addressee=high-commissioner&per_page=100")
        .await;
    assert_eq!(status, 200, "{list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["addressee"].as_str().unwrap().to_owned(),
                m["paragraph"].to_string(),
                m["symbol"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn seminar(title: &str, mandate: &(String, String, String), days: [i64; 4]) -> Value {
    let today = Utc::now().date_naive();
    let at = |d: i64| (today + Duration::days(d)).to_string();
    json!({
        "title": title,
        "region": "african",
        "registration_opens": at(days[0]),
        "registration_deadline": at(days[1]),
        "start": at(days[2]),
        "end": at(days[3]),
        "venue": "hybrid",
        "place": "Addis Ababa, UN Conference Centre",
        "agenda": ["Opening", "Challenges and gaps", "Good practices"],
        "mandate": {"addressee": mandate.0, "paragraph": mandate.1, "symbol": mandate.2},
    })
}

async fn audit_total(app: &TestApp) -> u64 {
    app.store
        .accounts()
        .audit_entries(
            &taawun_store::AuditFilter::default(),
            taawun_store::Paging {
                page: 1,
                per_page: 1,
            },
        )
        .await
        .unwrap()
        .total
}

#[tokio::test]
async fn a_seminar_from_registration_to_the_published_summary_report() {
    let app = spawn_app().await;
    invited_user(
        &app,
        "secretariat@ohchr.example",
        "Secretariat Officer",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    invited_user(
        &app,
        "amina@nhri.example",
        "Amina Diallo",
        RoleGrant::from_parts("focal-point", Some("SEN"), None).unwrap(),
    )
    .await;
    invited_user(
        &app,
        "delegate@mfa.example",
        "Kofi Mensah",
        RoleGrant::from_parts("focal-point", Some("GHA"), None).unwrap(),
    )
    .await;
    let secretariat = token_of(&app, "secretariat@ohchr.example").await;
    let amina = token_of(&app, "amina@nhri.example").await;
    let kofi = token_of(&app, "delegate@mfa.example").await;
    let mandates = mandates(&app).await;
    assert!(
        mandates.len() >= 2,
        "the seed asks the High Commissioner for more than one thing"
    );
    let (mandate, other) = (&mandates[0], &mandates[1]);

    // Every wrong field is named, and nothing is written.
    let before = audit_total(&app).await;
    let mut wrong = seminar("", mandate, [-3, 5, 2, 1]);
    wrong["region"] = json!("global");
    let (status, refused) = send(&app, Some(&secretariat), POST, "/api/v1/seminars", wrong).await;
    assert_eq!(status, 422, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    for field in ["title", "region", "end", "registration_deadline"] {
        assert!(message.contains(field), "{field} not named in {message}");
    }
    assert_eq!(audit_total(&app).await, before, "nothing written");
    let (_, list) = app.get_json("/api/v1/seminars").await;
    assert_eq!(list["total"], 0);
    // Only the secretariat plans seminars.
    let (status, _) = send(
        &app,
        Some(&amina),
        POST,
        "/api/v1/seminars",
        seminar("Africa", mandate, [-3, 0, 0, 0]),
    )
    .await;
    assert_eq!(status, 403);

    // A seminar whose registration is open until today and which is held today.
    let (status, created) = send(
        &app,
        Some(&secretariat),
        POST,
        "/api/v1/seminars",
        seminar("Regional seminar for Africa", mandate, [-10, 0, 0, 0]),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["seminar"]["id"].as_i64().unwrap();
    // One whose registration closed yesterday.
    let (status, closed) = send(
        &app,
        Some(&secretariat),
        POST,
        "/api/v1/seminars",
        seminar(
            "Regional seminar for Asia-Pacific",
            mandate,
            [-10, -1, 3, 4],
        ),
    )
    .await;
    assert_eq!(status, 201, "{closed}");
    let closed_id = closed["seminar"]["id"].as_i64().unwrap();
    let deadline = closed["seminar"]["registration_deadline"].as_str().unwrap();
    let (status, late) = send(
        &app,
        Some(&amina),
        POST,
        &format!("/api/v1/seminars/{closed_id}/registrations"),
        json!({"stakeholder_type": "nhri", "name": "Amina Diallo", "organisation": "NHRI of Senegal", "state": "SEN", "listed": true}),
    )
    .await;
    assert_eq!(status, 409, "{late}");
    assert!(
        late["error"]["message"]
            .as_str()
            .unwrap()
            .contains(deadline),
        "the refusal names the deadline: {late}"
    );

    // Registration, a duplicate refused, an input before admission refused.
    let register = |who: &str, body: Value| {
        let path = format!("/api/v1/seminars/{id}/registrations");
        let who = who.to_owned();
        let app = &app;
        async move { send(app, Some(&who), POST, &path, body).await }
    };
    let (status, wrong) = register(
        &amina,
        json!({"stakeholder_type": "state", "name": "Amina Diallo", "organisation": "NHRI", "state": ""}),
    )
    .await;
    assert_eq!(status, 422, "{wrong}");
    assert_eq!(wrong["error"]["parameter"], "state");
    let (status, registration) = register(
        &amina,
        json!({"stakeholder_type": "nhri", "name": "Amina Diallo", "organisation": "NHRI of Senegal", "state": "SEN", "listed": true}),
    )
    .await;
    assert_eq!(status, 201, "{registration}");
    assert_eq!(registration["status"], "pending");
    let (status, twice) = register(
        &amina,
        json!({"stakeholder_type": "nhri", "name": "Amina D.", "organisation": "NHRI", "listed": false}),
    )
    .await;
    assert_eq!(status, 409, "{twice}");
    let (status, kofi_registration) = register(
        &kofi,
        json!({"stakeholder_type": "state", "name": "Kofi Mensah", "organisation": "Ministry of Foreign Affairs", "state": "GHA", "listed": false}),
    )
    .await;
    assert_eq!(status, 201, "{kofi_registration}");
    let input = |who: &str, body: Value| {
        let path = format!("/api/v1/seminars/{id}/inputs");
        let who = who.to_owned();
        let app = &app;
        async move { send(app, Some(&who), POST, &path, body).await }
    };
    let (status, early) = input(
        &amina,
        json!({"kind": "challenge", "theme": "Funding", "agenda_item": "2", "text": "x", "publish": true}),
    )
    .await;
    assert_eq!(status, 403, "{early}");

    // The secretariat decides: a decline needs a reason.
    let decide = |registration: i64, body: Value| {
        let path = format!("/api/v1/seminar-registrations/{registration}/decision");
        let app = &app;
        let secretariat = secretariat.clone();
        async move { send(app, Some(&secretariat), POST, &path, body).await }
    };
    let amina_id = registration["id"].as_i64().unwrap();
    let kofi_id = kofi_registration["id"].as_i64().unwrap();
    let (status, no_reason) = decide(amina_id, json!({"decision": "declined"})).await;
    assert_eq!(status, 409, "{no_reason}");
    let (status, approved) = decide(amina_id, json!({"decision": "approved"})).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "approved");
    let (status, _) = decide(kofi_id, json!({"decision": "approved"})).await;
    assert_eq!(status, 200);
    let (status, again) = decide(amina_id, json!({"decision": "declined", "reason": "x"})).await;
    assert_eq!(status, 409, "{again}");

    // Inputs: consent to publish must be stated; quoting needs publication.
    let before = audit_total(&app).await;
    let (status, unstated) = input(
        &amina,
        json!({"kind": "challenge", "theme": "Funding", "agenda_item": "2", "text": "Funding is short."}),
    )
    .await;
    assert_eq!(status, 422, "{unstated}");
    assert_eq!(unstated["error"]["parameter"], "publish");
    let (status, quoted_unpublished) = input(
        &amina,
        json!({"kind": "gap", "theme": "Data", "text": "No data.", "publish": false, "quote": true}),
    )
    .await;
    assert_eq!(status, 422, "{quoted_unpublished}");
    assert_eq!(audit_total(&app).await, before, "nothing written");
    let quoted = "Mobile courts reached 4,000 people in rural districts.";
    let anonymous = "Treaty body reporting overwhelms small ministries.";
    let withheld = "A confidential account of a stalled programme.";
    for (who, body) in [
        (
            &amina,
            json!({"kind": "good-practice", "theme": "Access to justice", "agenda_item": "3", "text": quoted, "publish": true, "quote": true}),
        ),
        (
            &kofi,
            json!({"kind": "challenge", "theme": "Reporting burden", "agenda_item": "2", "text": anonymous, "publish": true, "quote": false}),
        ),
        (
            &kofi,
            json!({"kind": "challenge", "theme": "reporting  burden", "text": withheld, "publish": false}),
        ),
    ] {
        let (status, given) = input(who, body).await;
        assert_eq!(status, 201, "{given}");
    }

    // The public reads the participants who agreed to be listed and the published inputs,
    // attributed only with consent.
    let (status, public) = app.get_json(&format!("/api/v1/seminars/{id}")).await;
    assert_eq!(status, 200, "{public}");
    assert_eq!(public["participants"], 2);
    let listed: Vec<&str> = public["public_participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["Amina Diallo"], "Kofi did not agree to be listed");
    assert_eq!(public["inputs_total"], 3);
    let shown = public["inputs"].as_array().unwrap();
    assert_eq!(
        shown.len(),
        2,
        "the unpublished input is counted, not shown"
    );
    let by_text = |text: &str| shown.iter().find(|i| i["text"] == text).cloned();
    assert_eq!(by_text(quoted).unwrap()["name"], "Amina Diallo");
    let anon = by_text(anonymous).unwrap();
    assert!(anon["name"].is_null(), "{anon}");
    assert_eq!(anon["stakeholder_type"], "state");
    assert!(by_text(withheld).is_none());
    assert!(public["registrations"].is_null());
    assert!(
        !public.to_string().contains("@"),
        "no address in public: {public}"
    );
    let page = app
        .get(&format!("/seminars/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(quoted) && page.contains(anonymous) && !page.contains(withheld));

    // The rapporteur's notes keep their versions.
    let notes = format!("/api/v1/seminars/{id}/notes/2");
    let (status, _) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &notes,
        json!({"author": "Rapporteur", "text": "First notes."}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, kept) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &notes,
        json!({"author": "Rapporteur", "text": "Corrected notes."}),
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    assert_eq!(kept["versions"].as_array().unwrap().len(), 2);
    let (status, _) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &format!("/api/v1/seminars/{id}/notes/9"),
        json!({"author": "R", "text": "x"}),
    )
    .await;
    assert_eq!(status, 409);

    // The summary report: refused for a mandate with no seminar, with nothing written.
    let report_path =
        |m: &(String, String, String)| format!("/api/v1/summary-reports/{}/{}/{}", m.0, m.1, m.2);
    let masthead = json!({"symbol": "A/HRC/63/21", "distribution": "general", "date": Utc::now().date_naive().to_string(), "session": "63", "agenda_item": "2", "agenda_title_ar": "", "agenda_title_en": "Annual report"});
    let (status, no_seminar) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(other),
        json!({"action": "generate", "revision": 0, "masthead": masthead}),
    )
    .await;
    assert_eq!(status, 409, "{no_seminar}");
    assert!(
        no_seminar["error"]["message"]
            .as_str()
            .unwrap()
            .contains("seminar")
    );
    let (_, nothing) = app.get_json(&report_path(other)).await;
    assert_eq!(nothing["revision"], 0, "{nothing}");

    // A wrong symbol, an unknown practice: named.
    let mut bad = masthead.clone();
    bad["symbol"] = json!("report 21");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(mandate),
        json!({"action": "generate", "revision": 0, "masthead": bad}),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["parameter"], "masthead.symbol");
    let (status, refused) = send(&app, Some(&secretariat), POST, &report_path(mandate), json!({"action": "generate", "revision": 0, "masthead": masthead, "practices": ["P-2026-9999"]})).await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["parameter"], "practices[0]");
    let (status, _) = send(
        &app,
        Some(&amina),
        POST,
        &report_path(mandate),
        json!({"action": "generate", "revision": 0, "masthead": masthead}),
    )
    .await;
    assert_eq!(status, 403);

    let (status, draft) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(mandate),
        json!({"action": "generate", "revision": 0, "masthead": masthead, "note": "first draft"}),
    )
    .await;
    assert_eq!(status, 200, "{draft}");
    let versions = draft["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0]["stage"], "draft");
    let english = versions[0]["document_en"].to_string();
    // The report says what was given: the quotation attributed, the withheld input not shown.
    assert!(
        english.contains(quoted) && english.contains("Amina Diallo"),
        "{english}"
    );
    assert!(english.contains(anonymous));
    assert!(!english.contains(withheld));
    assert!(draft["published"].is_null());
    // The public does not see the draft.
    let (_, public_report) = app.get_json(&report_path(mandate)).await;
    assert!(
        public_report["published"].is_null()
            && public_report["versions"].as_array().unwrap().is_empty()
    );

    // The secretariat edits the English text; a marker that names no table is refused.
    let revision = draft["revision"].as_i64().unwrap();
    let text_en = versions[0]["text_en"].as_str().unwrap().to_owned();
    let text_ar = versions[0]["text_ar"].as_str().unwrap().to_owned();
    let added = "The secretariat thanks the Government of Ethiopia for hosting the seminar.";
    let edited = format!("{text_en}\n\n{added}\n");
    let (status, refused) = send(&app, Some(&secretariat), POST, &report_path(mandate), json!({"action": "edit", "revision": revision, "text_ar": text_ar, "text_en": format!("{edited}\n[[table 999]]\n"), "note": "x"})).await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["parameter"], "text_en");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("line"),
        "{refused}"
    );
    let (status, after_edit) = send(&app, Some(&secretariat), POST, &report_path(mandate), json!({"action": "edit", "revision": revision, "text_ar": text_ar, "text_en": edited, "note": "thanks added"})).await;
    assert_eq!(status, 200, "{after_edit}");
    assert_eq!(after_edit["versions"].as_array().unwrap().len(), 2);
    // A change from the old revision is refused.
    let (status, stale) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(mandate),
        json!({"action": "publish", "revision": revision}),
    )
    .await;
    assert_eq!(status, 409, "{stale}");

    // Publishing records the mandate's delivered report.
    let revision = after_edit["revision"].as_i64().unwrap();
    let (status, published) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(mandate),
        json!({"action": "publish", "revision": revision, "note": "issued"}),
    )
    .await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["published"]["symbol"], "A/HRC/63/21");
    assert!(
        published["published"]["document_en"]
            .to_string()
            .contains(added)
    );
    let mandate_api = format!("/api/v1/mandates/{}/{}/{}", mandate.0, mandate.1, mandate.2);
    let (_, after) = app.get_json(&mandate_api).await;
    let outputs = after["outputs"].as_array().unwrap();
    assert!(
        outputs.iter().any(|o| o["document_symbol"] == "A/HRC/63/21"
            && o["state"] == "delivered"
            && o["kind"] == "report"),
        "{after}"
    );
    // Nothing follows publication.
    let (status, closed) = send(
        &app,
        Some(&secretariat),
        POST,
        &report_path(mandate),
        json!({"action": "generate", "revision": published["revision"], "masthead": masthead}),
    )
    .await;
    assert_eq!(status, 409, "{closed}");
    // The public reads the published text, in both languages, as HTML and PDF.
    let (_, public_report) = app.get_json(&report_path(mandate)).await;
    assert_eq!(public_report["published"]["number"], 3);
    let html_path = report_path(mandate).replacen("/api/v1", "", 1);
    let html = app.get(&format!("{html_path}?language=ar")).await;
    assert_eq!(html.status(), 200);
    let html = html.text().await.unwrap();
    assert!(html.contains("A/HRC/63/21") && html.contains(quoted));
    let pdf = app
        .get(&format!("{html_path}?language=en&format=pdf"))
        .await;
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
}
