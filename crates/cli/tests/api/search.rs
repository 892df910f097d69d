//! Search over the registry, as API, page and command: the seed resolution found in Arabic with
//! and without the article and attached particles, phrases, highlighting, facets, and every
//! kind of bad input answered without a 500.

use crate::helpers::{spawn_app, taawun};

#[tokio::test]
async fn arabic_words_are_found_with_and_without_their_attached_particles() {
    let app = spawn_app().await;
    let (status, bare) = app.get_json("/api/v1/search?q=التعاون&lang=ar").await;
    assert_eq!(status, 200, "{bare}");
    let total = bare["total"].as_u64().unwrap();
    assert!(
        total > 3,
        "the seed speaks of cooperation in many paragraphs: {total}"
    );
    assert_eq!(bare["hits"][0]["symbol"], "A/HRC/RES/56/2");
    assert!(
        bare["hits"][0]["snippet"]["html"]
            .as_str()
            .unwrap()
            .contains("<mark>")
    );
    for variant in ["تعاون", "والتعاون", "بالتعاون"] {
        let (_, other) = app
            .get_json(&format!("/api/v1/search?q={variant}&lang=ar"))
            .await;
        assert_eq!(other["total"], total, "{variant} finds what التعاون finds");
    }
    // A phrase is narrower than its words.
    let (_, phrase) = app
        .get_json("/api/v1/search?q=%22التعاون%20الدولي%22&lang=ar")
        .await;
    let phrase_total = phrase["total"].as_u64().unwrap();
    assert!(phrase_total >= 1 && phrase_total <= total);
    // The year facet's value is a filter that keeps every hit of that year.
    let year = bare["facets"]["year"][0]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, in_year) = app
        .get_json(&format!("/api/v1/search?q=التعاون&lang=ar&year={year}"))
        .await;
    assert_eq!(in_year["total"], bare["facets"]["year"][0]["count"]);
    // Facets count the hits.
    let body = &bare["facets"]["body"][0];
    assert_eq!(body["value"], "hrc");
    assert_eq!(body["count"].as_u64().unwrap(), total);
    // Anchors lead to the paragraph on the resolution page.
    let anchor = bare["hits"][0]["anchor"].as_str().unwrap();
    assert!(anchor == "title" || anchor.starts_with("pp-") || anchor.starts_with("op-"));
}

#[tokio::test]
async fn bad_search_input_gets_a_helpful_answer_never_a_500() {
    let app = spawn_app().await;
    let long = "ح".repeat(10_000);
    for (query, parameter) in [
        (format!("q={long}"), "q"),
        ("q=x&page=0".to_owned(), "page"),
        ("q=x&per_page=1000".to_owned(), "per_page"),
        ("q=x&state=XXX".to_owned(), "state"),
        ("q=x&lang=klingon".to_owned(), "lang"),
        ("q=x&from=2020&to=2010".to_owned(), "to"),
        ("q=x&sort=sideways".to_owned(), "sort"),
        ("q=x&year=2024&from=2020".to_owned(), "year"),
        ("q=x&year=2024-07".to_owned(), "year"),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, 400, "{parameter}: {body}");
        assert_eq!(body["error"]["parameter"], parameter);
    }
    let (status, stop) = app.get_json("/api/v1/search?q=في%20من&lang=ar").await;
    assert_eq!(status, 200);
    assert_eq!(stop["notice"], "only-stop-words");
    let (status, far) = app.get_json("/api/v1/search?q=التعاون&page=500").await;
    assert_eq!(status, 200);
    assert_eq!(far["notice"], "page-out-of-range");
    assert!(far["total"].as_u64().unwrap() > 0, "the total is kept");
    let (status, quotes) = app.get_json("/api/v1/search?q=%22التعاون").await;
    assert_eq!(
        status, 200,
        "an unbalanced quote is read, not refused: {quotes}"
    );
    let (status, none) = app.get_json("/api/v1/search?q=التعاون&body=unga").await;
    assert_eq!(status, 200);
    assert_eq!(none["total"], 0);
    assert_eq!(none["notice"], "no-matches");
}

#[tokio::test]
async fn the_search_page_keeps_the_query_in_the_url_and_renders_right_to_left_snippets() {
    let app = spawn_app().await;
    for lang in ["ar", "en"] {
        let page = app
            .get_with(
                "/search?q=التعاون%20الدولي",
                "cookie",
                &format!("taawun_lang={lang}"),
            )
            .await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(
            html.contains("value=\"التعاون الدولي\""),
            "the query stays in the box"
        );
        assert!(html.contains("class=\"snippet\" lang=\"ar\" dir=\"rtl\""));
        assert!(html.contains("<mark>"));
        assert!(
            html.contains("/resolutions/A/HRC/RES/56/2#"),
            "hits link to their paragraph"
        );
    }
    let empty = app.get("/search").await;
    assert_eq!(empty.status(), 200);
    let bad = app.get("/search?q=x&page=zero").await;
    assert_eq!(bad.status(), 400);
}

#[test]
fn reindex_and_search_from_the_command_line() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let seed = crate::helpers::shared("seeds/000_b863d33a48876efe.txt");
    let import = taawun()
        .args(["--data-dir", data, "import", "resolution"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let reindex = taawun()
        .args(["--data-dir", data, "reindex"])
        .output()
        .unwrap();
    assert!(
        reindex.status.success(),
        "{}",
        String::from_utf8_lossy(&reindex.stderr)
    );
    assert!(String::from_utf8_lossy(&reindex.stdout).starts_with("Indexed "));
    let search = taawun()
        .args([
            "--data-dir",
            data,
            "search",
            "وللإنسان",
            "--lang",
            "ar",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        search.status.success(),
        "{}",
        String::from_utf8_lossy(&search.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert!(answer["total"].as_u64().unwrap() > 0, "{answer}");
    assert_eq!(answer["hits"][0]["symbol"], "A/HRC/RES/56/2");
}
