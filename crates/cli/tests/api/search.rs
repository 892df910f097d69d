//! Search over the registry, as API, page and command: the seed resolution found in Arabic with
//! and without the article and attached particles, phrases, highlighting, facets, and every
//! kind of bad input answered without a 500.

use std::collections::BTreeSet;

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

/// The app with the Council's voting records imported and indexed as `taawun import votes`
/// does; `None` (the test says it is skipped) without `../shared`.
async fn app_with_hrc_votes() -> Option<(crate::helpers::TestApp, taawun_votes::Dataset)> {
    if !taawun_testdata::available("search over the Council's voting records") {
        return None;
    }
    let app = spawn_app().await;
    let dataset = crate::votes::hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();
    taawun::search_index::index_voting_records(app.store.as_ref(), &app.search, "hrc")
        .await
        .unwrap();
    Some((app, dataset))
}

fn hit_symbols(results: &serde_json::Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["symbol"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn every_voting_record_is_found_by_its_title_and_its_symbol() {
    let Some((app, dataset)) = app_with_hrc_votes().await else {
        return;
    };
    // A symbol as typed, with spaces, in lower case, with Arabic-Indic digits, and right to
    // left as Arabic PDFs give it: the record comes first.
    let wanted = "A/HRC/RES/56/2";
    for typed in [
        "A/HRC/RES/56/2",
        "a / hrc / res / 56 / 2",
        "A/HRC/RES/٥٦/٢",
        "2/56/RES/HRC/A",
    ] {
        let q = taawun_web_encode(typed);
        let (status, results) = app.get_json(&format!("/api/v1/search?q={q}")).await;
        assert_eq!(status, 200, "{results}");
        assert_eq!(hit_symbols(&results)[0], wanted, "{typed:?}: {results}");
        assert!(
            hit_symbols(&results).iter().all(|s| s == wanted),
            "{typed:?} finds only that record: {results}"
        );
    }
    // A symbol cut short finds every record it begins, and nothing else.
    let l_symbols: BTreeSet<String> = dataset
        .roll_calls
        .iter()
        .filter_map(|r| r.symbol.clone())
        .filter(|s| s.starts_with("A/HRC/57/L."))
        .collect();
    let (_, results) = app
        .get_json("/api/v1/search?q=A%2FHRC%2F57%2FL.&per_page=100")
        .await;
    let found: BTreeSet<String> = hit_symbols(&results).into_iter().collect();
    assert_eq!(found, l_symbols);

    // A title word finds every roll call whose title has it, and each hit leads to a page.
    let titled: BTreeSet<String> = dataset
        .roll_calls
        .iter()
        .filter(|r| r.title.contains("Venezuela"))
        .filter_map(|r| r.symbol.clone())
        .collect();
    assert!(!titled.is_empty(), "the Council voted on Venezuela");
    let (_, results) = app
        .get_json("/api/v1/search?q=Venezuela&per_page=100")
        .await;
    let found: BTreeSet<String> = hit_symbols(&results).into_iter().collect();
    assert_eq!(found, titled);
    for symbol in &found {
        let response = app.get(&format!("/resolutions/{symbol}")).await;
        assert_eq!(response.status(), 200, "{symbol} has a page");
    }
    // The State named in Arabic finds the same records (its names in the six languages are
    // searched beside the query), and the page links to the State and its voting record.
    let (_, arabic) = app
        .get_json("/api/v1/search?q=%D9%81%D9%86%D8%B2%D9%88%D9%8A%D9%84%D8%A7&per_page=100")
        .await;
    let found_ar: BTreeSet<String> = hit_symbols(&arabic).into_iter().collect();
    assert_eq!(found_ar, titled, "فنزويلا finds what Venezuela finds");
    let page = app
        .get("/search?q=%D9%81%D9%86%D8%B2%D9%88%D9%8A%D9%84%D8%A7")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("href=\"/states/VEN\""), "{page}");
    assert!(page.contains("href=\"/states/VEN/votes\""));

    // Phrases across the record: every roll call titled "right to development".
    let on_development: BTreeSet<String> = dataset
        .roll_calls
        .iter()
        .filter(|r| r.title.to_lowercase().contains("right to development"))
        .filter_map(|r| r.symbol.clone())
        .collect();
    let (_, results) = app
        .get_json("/api/v1/search?q=%22right%20to%20development%22&per_page=100")
        .await;
    let found: BTreeSet<String> = hit_symbols(&results).into_iter().collect();
    assert!(
        on_development.is_subset(&found),
        "missing: {:?}",
        on_development.difference(&found).collect::<Vec<_>>()
    );
}

fn taawun_web_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn numbers_in_arabic_indic_and_persian_digits_are_numbers() {
    let app = spawn_app().await;
    for (ascii, arabic) in [
        ("/api/v1/search?q=&year=2024", "/api/v1/search?q=&year=٢٠٢٤"),
        ("/api/v1/search?q=&year=2024", "/api/v1/search?q=&year=۲۰۲۴"),
        (
            "/api/v1/search?q=&session=56",
            "/api/v1/search?q=&session=٥٦",
        ),
        (
            "/api/v1/resolutions?year=2024",
            "/api/v1/resolutions?year=٢٠٢٤",
        ),
    ] {
        let (status_ascii, expected) = app.get_json(ascii).await;
        let (status, got) = app.get_json(arabic).await;
        assert_eq!((status, status_ascii), (200, 200), "{arabic}: {got}");
        assert_eq!(got, expected, "{arabic} answers as {ascii}");
    }
    let page = app.get("/resolutions?year=٢٠٢٤").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("A/HRC/RES/56/2"));
}

#[tokio::test]
async fn an_empty_result_says_what_is_searched_and_what_to_try() {
    let app = spawn_app().await;
    let page = app
        .get_with("/search?q=zzqxv", "accept-language", "en")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("The search covers"), "{page}");
    assert!(page.contains("/search?q=A%2FHRC%2FRES%2F56%2F2"));
    let arabic = app
        .get_with("/search?q=zzqxv", "accept-language", "ar")
        .await
        .text()
        .await
        .unwrap();
    assert!(arabic.contains("يشمل البحث"), "{arabic}");
}

/// A first page that the documents with every word do not fill goes on with those lacking one
/// word: the page says so, apart from the results it counts, and never lists them as matches.
#[tokio::test]
async fn results_lacking_one_word_are_said_apart_from_the_matches() {
    let app = spawn_app().await;
    // A word of the seed and a word of no text: nothing has both.
    let query = "q=التعاون%20zzqxv";
    let (status, json) = app.get_json(&format!("/api/v1/search?{query}")).await;
    assert_eq!(status, 200);
    assert_eq!(json["total"], 0, "{json}");
    let hits = json["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "the seed has the first word: {json}");
    assert!(hits.iter().all(|h| h["partial"] == true));
    for (lang, notice) in [
        ("en", "No result has every word of this search."),
        ("ar", "لا توجد نتيجة تضم كل كلمات هذا البحث."),
    ] {
        let page = app
            .get_with(&format!("/search?{query}"), "accept-language", lang)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(notice), "{lang}: {page}");
        assert!(
            !page.contains("class=\"empty\""),
            "{lang}: not an empty result"
        );
        let partial = page
            .split("<ol class=\"partial\"")
            .nth(1)
            .expect("the partial hits are listed apart");
        let listed = partial
            .split("</ol>")
            .next()
            .unwrap()
            .matches("<li>")
            .count();
        assert_eq!(listed, hits.len(), "{lang}");
    }
    // A query that documents match in full: no partial list unless the API has partial hits,
    // and then exactly as many, after the heading that names them.
    let query = "q=التعاون%20الدولي%20حقوق";
    let (_, json) = app.get_json(&format!("/api/v1/search?{query}")).await;
    let hits = json["hits"].as_array().unwrap();
    let partial = hits.iter().filter(|h| h["partial"] == true).count();
    let page = app
        .get_with(&format!("/search?{query}"), "accept-language", "en")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        page.contains("Results with all of the words but one"),
        partial > 0
    );
    let listed = page
        .split("<ol class=\"partial\"")
        .nth(1)
        .map_or(0, |rest| {
            rest.split("</ol>").next().unwrap().matches("<li>").count()
        });
    assert_eq!(listed, partial);
}

/// Results are kept per index generation: the same query asked before and after records are
/// indexed answers from the index as it is each time, never from before the commit.
#[tokio::test]
async fn a_kept_result_never_outlives_a_commit_to_the_index() {
    if !taawun_testdata::available("the search results cache over the Council's voting records") {
        return;
    }
    let app = spawn_app().await;
    let path = "/api/v1/search?q=A/HRC/57/L.43";
    let symbols = |results: &serde_json::Value| hit_symbols(results);
    let (status, before) = app.get_json(path).await;
    assert_eq!(status, 200);
    assert!(!symbols(&before).contains(&"A/HRC/57/L.43".to_owned()));
    let (_, again) = app.get_json(path).await;
    assert_eq!(before, again, "the same answer, kept");
    let dataset = crate::votes::hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();
    taawun::search_index::index_voting_records(app.store.as_ref(), &app.search, "hrc")
        .await
        .unwrap();
    let (_, after) = app.get_json(path).await;
    assert_eq!(
        symbols(&after).first().map(String::as_str),
        Some("A/HRC/57/L.43")
    );
}
