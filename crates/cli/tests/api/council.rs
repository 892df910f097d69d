//! The Council's calendar and the seed's mandates followed to their outputs: a session's dates
//! against the day the seed resolution was adopted, the secretariat adding the sessions the
//! table lacks (refused, with nothing written, when they would break the calendar), a mandate
//! turning late when its session closes and delivered when its report is recorded, every wrong
//! field named, the dashboard's counts, CSV and feed saying what the records hold.

use chrono::{Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use taawun_accounts::RoleGrant;

use crate::accounts::{Browser, csrf_in, invited_user};
use crate::helpers::{TestApp, send, spawn_app, token_of};

fn day(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(value.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

async fn audit_count(app: &TestApp) -> usize {
    app.store
        .accounts()
        .audit_entries(
            &taawun_store::AuditFilter::default(),
            taawun_store::Paging {
                page: 1,
                per_page: 1000,
            },
        )
        .await
        .unwrap()
        .total as usize
}

#[tokio::test]
async fn a_session_holds_the_day_its_resolutions_were_adopted() {
    let app = spawn_app().await;
    let (status, resolution) = app.get_json("/api/v1/resolutions/A/HRC/RES/56/2").await;
    assert_eq!(status, 200);
    let adopted = day(&resolution["adoption_date"]);
    let session = resolution["session"].as_u64().unwrap();
    let (status, found) = app.get_json(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["kind"], "regular");
    assert_eq!(found["number"], session);
    assert!(
        day(&found["opening"]) <= adopted && adopted <= day(&found["closing"]),
        "{found}"
    );
    assert!(found["source"].as_str().unwrap().starts_with("http"));
    // The resolution's own header gives its session's dates: the calendar agrees.
    if let Some(dates) = resolution["session_dates"].as_object() {
        assert_eq!(dates["from"], found["opening"], "{found}");
        assert_eq!(dates["to"], found["closing"], "{found}");
    }

    let (status, list) = app.get_json("/api/v1/sessions").await;
    assert_eq!(status, 200);
    let items = list["items"].as_array().unwrap();
    let regular: Vec<&Value> = items.iter().filter(|s| s["kind"] == "regular").collect();
    assert!(regular.len() >= 61);
    assert!(
        items
            .iter()
            .any(|s| s["kind"] == "special" && s["label"] == "S-30")
    );
    let (status, special) = app.get_json("/api/v1/sessions/special/30").await;
    assert_eq!(status, 200, "{special}");
    assert_eq!(special["label"], "S-30");

    let (status, missing) = app.get_json("/api/v1/sessions/400").await;
    assert_eq!(status, 404, "{missing}");
    let (status, bad) = app.get_json("/api/v1/sessions/fifty").await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["parameter"], "number");
}

#[tokio::test]
async fn a_mandate_goes_late_when_its_session_closes_and_delivered_with_its_report() {
    let app = spawn_app().await;
    invited_user(
        &app,
        "secretariat@ohchr.example",
        "Secretariat Officer",
        RoleGrant::from_parts("secretariat", None, None).unwrap(),
    )
    .await;
    let secretariat = token_of(&app, "secretariat@ohchr.example").await;

    // The seed asks for a report at the 63rd session; the table stops at the 61st.
    let (_, due) = app.get_json("/api/v1/mandates?due_session=63").await;
    let due = due["items"].as_array().unwrap().clone();
    assert!(
        !due.is_empty(),
        "the seed gives mandates due at the 63rd session"
    );
    assert!(
        due.iter()
            .all(|m| m["status"] == "pending" && m["due"].is_null()),
        "{due:?}"
    );

    // Adding the 63rd before the 62nd is allowed, but not dates that overlap the 61st.
    let today = Utc::now().date_naive();
    let (_, sixty_one) = app.get_json("/api/v1/sessions/61").await;
    let overlapping = day(&sixty_one["closing"]) - Duration::days(3);
    let before = audit_count(&app).await;
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        "/api/v1/sessions/62",
        json!({"opening": overlapping.to_string(), "closing": today.to_string(), "reason": "test"}),
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["error"]["message"].as_str().unwrap().contains("61"),
        "{refused}"
    );
    assert_eq!(audit_count(&app).await, before, "nothing written");
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        "/api/v1/sessions/62",
        json!({"opening": "2026-06-15", "closing": "15 July", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("closing")
    );
    let (status, refused) = send(
        &app,
        None,
        reqwest::Method::PUT,
        "/api/v1/sessions/62",
        json!({"opening": "2026-06-15", "closing": "2026-07-10", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 401, "{refused}");

    // Dates relative to today, so that the 63rd has closed whenever the test runs.
    let opening = today - Duration::days(40);
    let closing = today - Duration::days(10);
    let (status, added) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        "/api/v1/sessions/63",
        json!({"opening": opening.to_string(), "closing": closing.to_string(), "reason": "Programme of work of the sixty-third session"}),
    )
    .await;
    assert_eq!(status, 200, "{added}");
    assert_eq!(
        added["amendment"]["reason"],
        "Programme of work of the sixty-third session"
    );
    assert_eq!(audit_count(&app).await, before + 1);

    let (_, due) = app.get_json("/api/v1/mandates?due_session=63").await;
    let mandates = due["items"].as_array().unwrap();
    for m in mandates {
        assert_eq!(m["status"], "late", "{m}");
        assert_eq!(m["due"]["closing"], closing.to_string());
    }
    let report = mandates
        .iter()
        .find(|m| m["output"] == "report")
        .expect("a report is due at the 63rd session");
    let (symbol, paragraph, addressee) = (
        report["symbol"].as_str().unwrap().to_owned(),
        report["paragraph"].as_u64().unwrap(),
        report["addressee"].as_str().unwrap().to_owned(),
    );
    let (_, late) = app
        .get_json("/api/v1/mandates?status=late&per_page=500")
        .await;
    let late_before = late["total"].as_u64().unwrap();

    // Every wrong field named, nothing written.
    let before = audit_count(&app).await;
    let (status, refused) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/mandate-outputs",
        json!({"symbol": symbol, "paragraph": paragraph, "addressee": addressee,
               "kind": "report", "title": "Summary report", "state": "delivered"}),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("delivered_on") && message.contains("document symbol"),
        "{message}"
    );
    assert_eq!(refused["error"]["parameter"], "delivered_on");
    assert_eq!(audit_count(&app).await, before);
    let (status, _) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/mandate-outputs",
        json!({"symbol": symbol, "paragraph": 999, "addressee": addressee,
               "kind": "seminar", "title": "x", "state": "planned"}),
    )
    .await;
    assert_eq!(status, 404);

    // A seminar held does not deliver a mandate that asks for a report.
    let held = (today - Duration::days(60)).to_string();
    let (status, seminar) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/mandate-outputs",
        json!({"symbol": symbol, "paragraph": paragraph, "addressee": addressee,
               "kind": "seminar", "title": "Regional seminar, Asia-Pacific <Bangkok>", "state": "delivered",
               "delivered_on": held}),
    )
    .await;
    assert_eq!(status, 201, "{seminar}");
    let href = format!("/api/v1/mandates/{addressee}/{paragraph}/{symbol}");
    let (_, mandate) = app.get_json(&href).await;
    assert_eq!(mandate["status"], "late", "{mandate}");
    assert_eq!(mandate["outputs"].as_array().unwrap().len(), 1);

    // The report, first in preparation, then issued.
    let (status, output) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::POST,
        "/api/v1/mandate-outputs",
        json!({"symbol": symbol, "paragraph": paragraph, "addressee": addressee,
               "kind": "report", "title": "Summary report of the regional seminars", "state": "in-preparation"}),
    )
    .await;
    assert_eq!(status, 201, "{output}");
    let id = output["id"].as_i64().unwrap();
    let issued = (today - Duration::days(12)).to_string();
    let change = json!({"kind": "report", "title": "Summary report of the regional seminars",
        "state": "delivered", "document_symbol": "A/HRC/63/21", "delivered_on": issued, "version": 1});
    let (status, delivered) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &format!("/api/v1/mandate-outputs/{id}"),
        change.clone(),
    )
    .await;
    assert_eq!(status, 200, "{delivered}");
    assert_eq!(delivered["version"], 2);
    let (status, stale) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &format!("/api/v1/mandate-outputs/{id}"),
        change,
    )
    .await;
    assert_eq!(status, 409, "{stale}");
    let (_, mandate) = app.get_json(&href).await;
    assert_eq!(mandate["status"], "delivered", "{mandate}");
    let (_, late) = app
        .get_json("/api/v1/mandates?status=late&per_page=500")
        .await;
    assert_eq!(late["total"].as_u64().unwrap(), late_before - 1);
    let (_, delivered_list) = app.get_json("/api/v1/mandates?status=delivered").await;
    assert_eq!(delivered_list["total"], 1);

    // The CSV says the same.
    let csv = app
        .client
        .get(app.url("/api/v1/mandates?format=csv&status=delivered"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], symbol.as_str());
    assert_eq!(&rows[0][8], "delivered");
    assert!(rows[0][10].contains("A/HRC/63/21"), "{:?}", rows[0]);

    // The feed, newest first, its text escaped.
    let feed = app
        .client
        .get(app.url("/mandates/feed.xml"))
        .send()
        .await
        .unwrap();
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = feed.text().await.unwrap();
    let document = roxmltree::Document::parse(&feed).expect("the feed is XML");
    let titles: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(
        titles,
        [
            "Summary report of the regional seminars",
            "Regional seminar, Asia-Pacific <Bangkok>"
        ]
    );

    // Discontinuing needs a reason; taking it back restores what the outputs give.
    let (status, _) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &href,
        json!({"discontinued_reason": "  "}),
    )
    .await;
    assert_eq!(status, 422);
    let (status, stopped) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &href,
        json!({"discontinued_reason": "Replaced by a later resolution"}),
    )
    .await;
    assert_eq!(status, 200, "{stopped}");
    assert_eq!(stopped["status"], "discontinued");
    let (_, resumed) = send(
        &app,
        Some(&secretariat),
        reqwest::Method::PUT,
        &href,
        json!({"discontinued_reason": null}),
    )
    .await;
    assert_eq!(resumed["status"], "delivered");
}

#[tokio::test]
async fn the_dashboard_and_pages_say_what_the_records_hold() {
    let app = spawn_app().await;
    let (_, all) = app.get_json("/api/v1/mandates?per_page=500").await;
    let items = all["items"].as_array().unwrap();
    let late = items.iter().filter(|m| m["status"] == "late").count();
    let pending = items.iter().filter(|m| m["status"] == "pending").count();
    let browser = Browser::new(&app);
    let (status, html) = browser.page("/mandates").await;
    assert_eq!(status, 200);
    // The sum of a status's cells in one of the dashboard's tables.
    let cells = |table: &str, status: &str| -> u64 {
        let start = html.find(&format!("id=\"{table}\"")).expect("the table");
        let end = start + html[start..].find("</table>").unwrap();
        let cell = regex::Regex::new(&format!(
            r#"<td data-status="{status}">(?:<a [^>]*>)?(\d+)"#
        ))
        .unwrap();
        cell.captures_iter(&html[start..end])
            .map(|c| c[1].parse::<u64>().unwrap())
            .sum()
    };
    assert_eq!(cells("by-session", "late"), late as u64);
    assert_eq!(cells("by-session", "pending"), pending as u64);
    assert_eq!(cells("by-addressee", "late"), late as u64);
    assert!(
        late > 0 && pending > 0,
        "the seed's mandates are due at the 59th and 63rd sessions"
    );

    // A mandate's page in Arabic, with the session's closing day in its note.
    let first_late = items.iter().find(|m| m["status"] == "late").unwrap();
    let page = first_late["href"].as_str().unwrap();
    let response = app.get_with(page, "accept-language", "ar").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-status=\"late\""), "{page}");
    assert!(html.contains("متأخرة"));
    assert!(html.contains("no-outputs"));
    let (status, _) = browser.page("/mandates/nobody/1/A/HRC/RES/56/2").await;
    assert_eq!(status, 404);

    // The sessions page lists the built-in sessions and offers no form to the public.
    let (status, html) = browser.page("/sessions").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"regular-56\""));
    assert!(!html.contains("amend-session"));
    assert!(csrf_in(&html).is_none() || !html.contains("name=\"opening\""));
}
