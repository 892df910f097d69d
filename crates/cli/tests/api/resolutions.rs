//! The registry: the seed imported into an empty database, pages and API over it, the import
//! command's idempotence and versions.

use crate::helpers::{shared, spawn_app, taawun};

fn seed_path() -> std::path::PathBuf {
    shared("seeds/000_b863d33a48876efe.txt")
}

#[tokio::test]
async fn a_new_registry_shows_the_seed_resolution() {
    let app = spawn_app().await;
    let (status, list) = app.get_json("/api/v1/resolutions").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["symbol"], "A/HRC/RES/56/2");
    assert_eq!(list["items"][0]["adoption_method"], "recorded-vote");
}

#[tokio::test]
async fn the_resolution_api_serves_the_parsed_record_by_encoded_symbol() {
    let app = spawn_app().await;
    let (status, record) = app
        .get_json("/api/v1/resolutions/A%2FHRC%2FRES%2F56%2F2")
        .await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["symbol"], "A/HRC/RES/56/2");
    assert_eq!(record["session"], 56);
    // The vote as the text states it, and every named State resolved.
    let vote = &record["vote"];
    for (tally, list) in [("yes", "yes"), ("no", "no"), ("abstain", "abstain")] {
        assert_eq!(
            vote[tally].as_u64().unwrap() as usize,
            vote["states"][list].as_array().unwrap().len()
        );
    }
    assert!(record["preambular"].as_array().unwrap().len() > 20);
    assert!(record["operative"].as_array().unwrap().len() > 30);
    assert!(!record["mandates"].as_array().unwrap().is_empty());
    assert_eq!(record["current_version"], 1);
    assert_eq!(record["history"].as_array().unwrap().len(), 1);
    // The unencoded form reaches the same record.
    let (status, same) = app.get_json("/api/v1/resolutions/A/HRC/RES/56/2").await;
    assert_eq!(status, 200);
    assert_eq!(same["symbol"], record["symbol"]);
    let (status, missing) = app.get_json("/api/v1/resolutions/A%2FRES%2F1%2F1").await;
    assert_eq!(status, 404);
    assert!(
        missing["error"]["message"]
            .as_str()
            .unwrap()
            .contains("A/RES/1/1")
    );
}

#[tokio::test]
async fn listing_filters_and_rejects_bad_values_by_name() {
    let app = spawn_app().await;
    for (query, expected) in [
        ("body=human-rights-council", 1),
        ("body=general-assembly", 0),
        ("session=56", 1),
        ("session=55", 0),
        ("year=2024", 1),
        ("method=recorded-vote", 1),
        ("method=without-vote", 0),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/resolutions?{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert_eq!(body["total"], expected, "{query}");
    }
    for (query, parameter) in [
        ("body=council", "body"),
        ("session=x", "session"),
        ("method=show-of-hands", "method"),
        ("sort=votes", "sort"),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/resolutions?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["parameter"], parameter);
    }
}

#[tokio::test]
async fn mandates_are_listed_with_status_and_due_session() {
    let app = spawn_app().await;
    let (status, all) = app.get_json("/api/v1/mandates?per_page=500").await;
    assert_eq!(status, 200);
    let items = all["items"].as_array().unwrap();
    assert!(!items.is_empty());
    // Nothing is recorded for the seed's mandates: each is pending, or late once the session it
    // is due at has closed (the answer says the day it read the calendar for).
    let (_, sessions) = app.get_json("/api/v1/sessions").await;
    let last_closed = sessions["last_closed_regular"].as_u64();
    assert!(last_closed.is_some_and(|n| n >= 61), "{sessions}");
    for m in items {
        assert_eq!(m["symbol"], "A/HRC/RES/56/2");
        let due_passed = m["due_session"]
            .as_u64()
            .is_some_and(|due| Some(due) <= last_closed);
        let expected = if due_passed { "late" } else { "pending" };
        assert_eq!(m["status"], expected, "{m}");
        assert!(m["outputs"].as_array().unwrap().is_empty());
        assert!(m["href"].as_str().unwrap().starts_with("/mandates/"));
    }
    let (_, due) = app.get_json("/api/v1/mandates?due_session=59").await;
    let due = due["items"].as_array().unwrap();
    assert!(
        !due.is_empty(),
        "the seed asks for a report at the 59th session"
    );
    assert!(due.iter().all(|m| m["due_session"] == 59));
    let (status, bad) = app.get_json("/api/v1/mandates?status=forgotten").await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["parameter"], "status");
}

#[tokio::test]
async fn the_resolution_page_shows_the_arabic_text_right_to_left_with_anchors() {
    let app = spawn_app().await;
    let response = app
        .get_with("/resolutions/A/HRC/RES/56/2", "accept-language", "en")
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    // English interface, Arabic text.
    assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(page.contains(r#"<article id="text" class="resolution-text" lang="ar" dir="rtl">"#));
    assert!(page.contains(r#"id="pp-3""#) && page.contains(r#"id="op-22""#));
    assert!(
        page.contains(r#"href="/states/CMR/votes"#),
        "the vote links each State to its voting record"
    );
    assert!(
        page.contains(r##"href="#fn-1""##),
        "footnote markers link to their notes"
    );
    let missing = app.get("/resolutions/A/RES/1/1").await;
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn list_and_mandate_pages_render_in_arabic() {
    let app = spawn_app().await;
    for path in [
        "/resolutions",
        "/resolutions?method=without-vote",
        "/mandates",
        "/mandates?due_session=59",
    ] {
        let response = app.get_with(path, "cookie", "taawun_lang=ar").await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().await.unwrap().contains(r#"dir="rtl""#));
    }
    assert_eq!(app.get("/resolutions?year=last").await.status(), 400);
}

#[test]
fn parse_prints_the_record_without_storing_it() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let output = taawun()
        .args(["parse", "resolution", "--json", "--data-dir"])
        .arg(dir.path())
        .arg(seed_path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for field in [
        "symbol",
        "body",
        "session",
        "agenda_item",
        "language",
        "adoption_date",
        "distribution_date",
        "meeting",
        "title",
        "preambular",
        "operative",
        "footnotes",
        "references",
        "vote",
        "mandates",
        "warnings",
    ] {
        assert!(record.get(field).is_some(), "missing {field}");
    }
    assert_eq!(record["adoption_date"], "2024-07-10");
    assert!(
        !dir.path().join("taawun.db").exists(),
        "parse stores nothing"
    );
}

#[test]
fn importing_is_idempotent_and_a_changed_text_becomes_a_new_version() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let import = |file: &std::path::Path| {
        let output = taawun()
            .args(["import", "resolution", "--data-dir"])
            .arg(dir.path())
            .arg(file)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let first = import(&seed_path());
    assert!(
        first.starts_with("A/HRC/RES/56/2: ") && first.contains("created"),
        "{first}"
    );
    let again = import(&seed_path());
    assert!(again.contains("unchanged"), "{again}");

    let changed = dir.path().join("changed.txt");
    let text = std::fs::read_to_string(seed_path()).unwrap();
    std::fs::write(
        &changed,
        text.replacen("يقرر مواصلة نظره", "يقرر أن يواصل نظره", 1),
    )
    .unwrap();
    let second = import(&changed);
    assert!(second.contains("new version 2"), "{second}");
}

#[test]
fn a_file_that_is_not_a_resolution_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "Shopping list:\n- bread\n- olives\n").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    for bad in [&notes, &empty, &binary] {
        let output = taawun()
            .args(["import", "resolution", "--data-dir"])
            .arg(&data)
            .arg(seed_path())
            .arg(bad)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(bad.file_name().unwrap().to_str().unwrap()),
            "{stderr}"
        );
        assert!(stderr.contains("nothing was imported"), "{stderr}");
    }
    assert!(
        !data.join("taawun.db").exists(),
        "a failed batch does not even create the database"
    );
}

#[tokio::test]
async fn english_and_without_vote_texts_import_and_show_left_to_right() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../documents/tests/fixtures");
    let english = fixtures.join("ga-78-199.en.txt");
    let stdout = crate::helpers::succeeded(
        taawun()
            .args(["import", "resolution", "--data-dir"])
            .arg(dir.path())
            .arg(&english)
            .arg(fixtures.join("hrc-without-vote.ar.txt")),
    );
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| l.contains("adopted without a vote") && l.contains("created")),
        "{stdout}"
    );

    // The English record, through the same pages and API.
    let text = std::fs::read_to_string(&english).unwrap();
    let record = taawun::registry::parse_text("ga.txt", &text, taawun_states::Resolver::builtin())
        .unwrap()
        .record;
    let app = spawn_app().await;
    app.store
        .import_resolution(
            &taawun_store::ChangeContext::command_line(),
            &taawun::registry::parse_text("ga.txt", &text, taawun_states::Resolver::builtin())
                .unwrap(),
        )
        .await
        .unwrap();
    let page = app
        .get(&format!("/resolutions/{}", record.symbol))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"class="resolution-text" lang="en" dir="ltr""#));
    let (_, list) = app
        .get_json("/api/v1/resolutions?method=without-vote")
        .await;
    assert_eq!(list["items"][0]["symbol"], record.symbol.as_str());
    let (_, ga) = app
        .get_json("/api/v1/resolutions?body=general-assembly")
        .await;
    assert_eq!(ga["total"], 1);
}

/// One vocabulary: every `body` parameter takes the bodies' names (`human-rights-council`,
/// `general-assembly`) and, for links made before, the voting datasets' codes; what the API
/// echoes back, and the links the pages write, use the names.
#[tokio::test]
async fn every_body_parameter_takes_the_same_names() {
    let app = spawn_app().await;
    let (status, by_name) = app
        .get_json("/api/v1/resolutions?body=human-rights-council")
        .await;
    assert_eq!(status, 200, "{by_name}");
    assert!(
        by_name["total"].as_u64().unwrap() >= 1,
        "the seed: {by_name}"
    );
    let (_, by_code) = app.get_json("/api/v1/resolutions?body=hrc").await;
    assert_eq!(by_code["total"], by_name["total"]);
    let (_, assembly) = app.get_json("/api/v1/resolutions?body=unga").await;
    assert_eq!(assembly["total"], 0, "the seed is the Council's");

    let (status, echoed) = app.get_json("/api/v1/states/EGY/votes?body=hrc").await;
    assert_eq!(status, 200, "{echoed}");
    assert_eq!(echoed["filter"]["body"], "human-rights-council");
    let (status, echoed) = app
        .get_json("/api/v1/votes/cohesion?body=general-assembly")
        .await;
    assert_eq!(status, 200, "{echoed}");
    assert_eq!(echoed["filter"]["body"], "general-assembly");

    let search = |body: &'static str| {
        let app = &app;
        async move {
            app.get_json(&format!("/api/v1/search?q=A/HRC/RES/56/2&body={body}"))
                .await
                .1["total"]
                .clone()
        }
    };
    let named = search("human-rights-council").await;
    assert!(named.as_u64().unwrap() >= 1, "{named}");
    assert_eq!(search("hrc").await, named);
    assert_eq!(search("general-assembly").await, 0);

    for path in [
        "/api/v1/resolutions?body=ecosoc",
        "/api/v1/states/EGY/votes?body=ecosoc",
        "/api/v1/votes/cohesion?body=ecosoc",
    ] {
        let (status, error) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}: {error}");
        assert_eq!(error["error"]["parameter"], "body", "{path}");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("human-rights-council") && message.contains("general-assembly"),
            "{path}: {message}"
        );
    }
}

/// The Council's outcome of Slovenia's review, imported from the UN's PDF itself, parses as
/// what it is: a decision, with its date, meeting, adoption without a vote, paragraphs and
/// footnotes — each checked against the PDF's own text, read here line by line.
#[tokio::test]
async fn the_uns_pdf_of_a_decision_imports_as_the_decision_it_is() {
    taawun_testdata::require_shared!();
    if !taawun_testdata::tool_available(
        "the_uns_pdf_of_a_decision_imports_as_the_decision_it_is",
        taawun_pdf::available(),
    ) {
        return;
    }
    let pdf = shared("data/upr/ohchr-slovenia/A_HRC_DEC_59_112-outcome-decision.pdf");

    // What the page says, read without the parser.
    let page = taawun_pdf::extract(&std::fs::read(&pdf).unwrap())
        .unwrap()
        .text();
    let lines: Vec<&str> = page.lines().collect();
    let at = |prefix: &str| {
        lines
            .iter()
            .position(|l| l.trim().starts_with(prefix))
            .unwrap()
    };
    let date_line = lines[at("Decision adopted by") + 1].trim();
    let adopted =
        chrono::NaiveDate::parse_from_str(date_line.trim_start_matches("on "), "%d %B %Y").unwrap();
    let meeting_line = lines
        .iter()
        .find(|l| l.trim().ends_with("th meeting"))
        .unwrap();
    let meeting: u32 = meeting_line
        .trim()
        .trim_end_matches("th meeting")
        .parse()
        .unwrap();
    // A paragraph's first line is indented deeper than the lines that continue it.
    let (formula, meeting_at) = (at("The Human Rights Council,"), at(meeting_line.trim()));
    let indent = |l: &str| l.len() - l.trim_start().len();
    let first_line_indent = indent(lines[formula]);
    let paragraphs = lines[formula + 1..meeting_at]
        .iter()
        .filter(|l| !l.trim().is_empty() && indent(l) == first_line_indent)
        .count();
    let footnotes: Vec<&str> = lines[meeting_at..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| {
            l.split("  ")
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .collect();

    // Imported from the PDF by the command a secretariat runs.
    let dir = tempfile::tempdir().unwrap();
    let stdout = crate::helpers::succeeded(
        taawun()
            .args(["import", "resolution", "--data-dir"])
            .arg(dir.path())
            .arg(&pdf),
    );
    assert!(
        stdout.contains("A/HRC/DEC/59/112") && stdout.contains("adopted without a vote"),
        "{stdout}"
    );

    // And as the API gives it.
    let app = spawn_app().await;
    let text = taawun::registry::read_text(&pdf).unwrap();
    let version =
        taawun::registry::parse_text("decision.pdf", &text, taawun_states::Resolver::builtin())
            .unwrap();
    app.store
        .import_resolution(&taawun_store::ChangeContext::command_line(), &version)
        .await
        .unwrap();
    let (status, record) = app
        .get_json("/api/v1/resolutions/A%2FHRC%2FDEC%2F59%2F112")
        .await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["kind"], "decision");
    assert_eq!(record["adoption_date"], adopted.to_string());
    assert_eq!(record["meeting"], meeting);
    assert_eq!(record["vote"]["method"], "without-vote");
    assert_eq!(
        record["title"],
        "Outcome of the universal periodic review: Slovenia"
    );
    let (preambular, operative) = (
        record["preambular"].as_array().unwrap(),
        record["operative"].as_array().unwrap(),
    );
    assert_eq!(preambular.len() + operative.len(), paragraphs);
    assert_eq!(operative.len(), 1, "{operative:?}");
    assert!(
        operative[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Adopts the outcome")
    );
    let read: Vec<&str> = record["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(read.len(), footnotes.len(), "{read:?} / {footnotes:?}");
    for (read, printed) in read.iter().zip(&footnotes) {
        assert!(printed.ends_with(read), "{printed} / {read}");
    }
    assert_eq!(
        record["warnings"].as_array().map(Vec::len),
        Some(0),
        "{record}"
    );

    // The page says what the text is, in both languages.
    for (language, word) in [("en", "Decision"), ("ar", "مقرر")] {
        let html = app
            .get_with("/resolutions/A/HRC/DEC/59/112", "accept-language", language)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(&format!("<dd id=\"text-kind\">{word}</dd>")),
            "{language}: {html}"
        );
    }
}
