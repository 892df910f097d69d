//! The review's pages and API over the real UPR Info data and the SDG framework: every figure a
//! page shows is checked against what the readers give, counted here independently (the store
//! keeps one record per recommendation key, so the test counts keys).

use std::collections::{BTreeMap, BTreeSet};

use taawun_store::ChangeContext;
use taawun_store::upr::{IncomingPledge, IncomingRecommendation, Response, sdg_framework_from};

use crate::helpers::{TestApp, spawn_app};

/// What the reader gives, merged per key as a listing counts it: the recommending States and
/// the first response any row records.
struct Expected {
    reviewed: String,
    session: u32,
    recommending: BTreeSet<String>,
    response: Option<Response>,
}

async fn load(app: &TestApp) -> (BTreeMap<String, Expected>, taawun_sdg::Sdgs) {
    let resolver = taawun_states::Resolver::builtin();
    let data = taawun_upr::upr_info::read_dir(&taawun_testdata::shared("data/upr"), resolver)
        .expect("UPR Info's files read");
    let mut expected: BTreeMap<String, Expected> = BTreeMap::new();
    for r in &data.recommendations {
        let e = expected.entry(r.key()).or_insert_with(|| Expected {
            reviewed: r.reviewed.clone(),
            session: r.session,
            recommending: BTreeSet::new(),
            response: None,
        });
        e.recommending.extend(r.recommending.iter().cloned());
        e.response = e.response.or(r.response);
    }
    let recommendations = data
        .recommendations
        .into_iter()
        .map(|r| IncomingRecommendation::from_source(r, "upr-info"))
        .collect();
    let pledges = data
        .pledges
        .into_iter()
        .map(|p| IncomingPledge::from_source(p, "upr-info"))
        .collect();
    let context = ChangeContext::command_line();
    app.store
        .upr()
        .import_upr(&context, recommendations, pledges, &|_| {})
        .await
        .expect("the import");
    let sdgs = taawun_sdg::read_dir(taawun_testdata::shared("data/sdg")).expect("the SDGs read");
    app.store
        .upr()
        .import_sdgs(&context, &sdg_framework_from(&sdgs))
        .await
        .expect("the SDG import");
    (expected, sdgs)
}

fn count(expected: &BTreeMap<String, Expected>, keep: impl Fn(&Expected) -> bool) -> u64 {
    expected.values().filter(|e| keep(e)).count() as u64
}

async fn page(app: &TestApp, path: &str, lang: &str) -> (u16, String) {
    let response = app.get_with(path, "accept-language", lang).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_review_pages_and_api_agree_with_the_readers() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let (expected, sdgs) = load(&app).await;

    // The overview counts every recommendation once.
    let (status, html) = page(&app, "/upr", "en").await;
    assert_eq!(status, 200);
    let all = expected.len() as u64;
    let all_text = format_count(all);
    assert!(html.contains(&all_text), "the overview shows {all_text}");

    // Slovenia, session 20: the count on its page is the reader's.
    let svn_20 = count(&expected, |e| e.reviewed == "SVN" && e.session == 20);
    assert!(svn_20 > 0);
    let (status, review) = app.get_json("/api/v1/upr/states/SVN").await;
    assert_eq!(status, 200);
    let session = review["received_by_session"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "20")
        .expect("session 20 in Slovenia's review");
    let responses = &session["responses"];
    let total = responses["supported"].as_u64().unwrap()
        + responses["noted"].as_u64().unwrap()
        + responses["not_recorded"].as_u64().unwrap();
    assert_eq!(total, svn_20);
    for lang in ["en", "ar"] {
        let (status, html) = page(&app, "/upr/states/SVN", lang).await;
        assert_eq!(status, 200, "{lang}");
        // The link's address is escaped by the template; its end and the count are as written.
        let cell = format!(
            "reviewed=SVN&#38;session=20\"><bdi dir=\"ltr\">{}</bdi></a>",
            format_count(svn_20)
        );
        assert!(
            html.contains(&cell),
            "{lang}: Slovenia's page shows {cell}: {}",
            html.split("upr-sessions")
                .nth(1)
                .unwrap_or(&html[..2000.min(html.len())])
        );
        assert!(
            html.contains("href=\"/states/SVN/votes\""),
            "{lang}: its voting record"
        );
    }
    // The State page links to its review.
    let (_, html) = page(&app, "/states/SVN", "en").await;
    assert!(html.contains("href=\"/upr/states/SVN\""));

    // The list by recommending State: the reader's total, split by response without remainder.
    let by_france = count(&expected, |e| e.recommending.contains("FRA"));
    let (status, body) = app
        .get_json("/api/v1/upr/recommendations?recommending=FRA&per_page=5")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["total"].as_u64(), Some(by_france));
    let r = &body["responses"];
    assert_eq!(
        r["supported"].as_u64().unwrap()
            + r["noted"].as_u64().unwrap()
            + r["not_recorded"].as_u64().unwrap(),
        by_france
    );
    let supported = expected
        .values()
        .filter(|e| e.recommending.contains("FRA") && e.response == Some(Response::Supported))
        .count() as u64;
    assert_eq!(r["supported"].as_u64(), Some(supported));
    assert_eq!(body["items"].as_array().unwrap().len(), 5);
    assert!(
        body["items"][0].get("sources").is_none(),
        "the public sees which kinds of source, not files"
    );
    assert_eq!(body["items"][0]["source_kinds"][0], "upr-info");

    // The CSV download holds every recommendation of the filter.
    let csv = app
        .get("/api/v1/upr/recommendations?recommending=FRA&format=csv")
        .await;
    assert_eq!(csv.status().as_u16(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let csv_rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(csv_rows.len() as u64, by_france);

    // The XLSX download holds the same rows, read back by an independent reader: ids as numbers,
    // texts (Arabic or English) as the CSV gives them.
    let xlsx = app
        .get("/api/v1/upr/recommendations?recommending=FRA&format=xlsx")
        .await;
    assert_eq!(xlsx.status().as_u16(), 200);
    assert_eq!(
        xlsx.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(
        xlsx.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with(".xlsx\""),
    );
    let bytes = xlsx.bytes().await.unwrap();
    let mut workbook: calamine::Xlsx<_> =
        calamine::Reader::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut workbook, "Recommendations").unwrap();
    let mut sheet_rows = sheet.rows();
    let header: Vec<String> = sheet_rows
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, reader.headers().unwrap().iter().collect::<Vec<_>>());
    let sheet_rows: Vec<_> = sheet_rows.collect();
    assert_eq!(sheet_rows.len(), csv_rows.len());
    for (cells, record) in sheet_rows.iter().zip(&csv_rows) {
        assert!(
            matches!(cells[0], calamine::Data::Float(_)),
            "the id is a number: {:?}",
            cells[0]
        );
        for (cell, value) in cells.iter().zip(record.iter()) {
            let cell = match cell {
                calamine::Data::Float(f) => format!("{f}"),
                other => other.to_string(),
            };
            assert_eq!(cell, value);
        }
    }

    // The page of the same filter, in Arabic: the counts, the English text marked as such.
    let (status, html) = page(
        &app,
        "/upr/recommendations?recommending=FRA&reviewed=SVN",
        "ar",
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"upr-text\" lang=\"en\" dir=\"ltr\""));
    assert!(html.contains("format=csv"));
    assert!(html.contains("format=xlsx"));

    // Arabic-Indic digits are numbers.
    let (status, body) = app
        .get_json("/api/v1/upr/recommendations?reviewed=SVN&session=%D9%A2%D9%A0")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["total"].as_u64(), Some(svn_20));

    // Bad input names the parameter, on the API and on the page.
    for (query, parameter) in [
        ("cycle=abc", "cycle"),
        ("reviewed=XXX", "reviewed"),
        ("response=accepted", "response"),
        ("action=9", "action"),
        ("sdg=99", "sdg"),
        ("format=pdf", "format"),
    ] {
        let (status, body) = app
            .get_json(&format!("/api/v1/upr/recommendations?{query}"))
            .await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["parameter"], parameter, "{query}");
    }
    let (status, html) = page(&app, "/upr/recommendations?cycle=abc", "en").await;
    assert_eq!(status, 400);
    assert!(html.contains("cycle"));
    let (status, html) = page(&app, "/upr/states/XYZ", "en").await;
    assert_eq!(status, 404);
    assert!(html.contains("XYZ"));
    let (status, body) = app.get_json("/api/v1/upr/states/XYZ").await;
    assert_eq!(status, 404);
    assert!(body["error"]["message"].as_str().unwrap().contains("XYZ"));

    // One recommendation: its page, its record; the public sees no file names.
    let id = body_id(
        &app,
        "/api/v1/upr/recommendations?reviewed=SVN&session=20&per_page=1",
    )
    .await;
    let (status, html) = page(&app, &format!("/upr/recommendations/{id}"), "ar").await;
    assert_eq!(status, 200);
    assert!(!html.contains(".csv"), "no source file named to the public");
    assert!(
        !html.contains("name=\"sdg\""),
        "no link form for the public"
    );
    let (status, record) = app
        .get_json(&format!("/api/v1/upr/recommendations/{id}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(record["reviewed"], "SVN");
    let (status, _) = app.get_json("/api/v1/upr/recommendations/999999999").await;
    assert_eq!(status, 404);

    // The session page lists Slovenia with the same count.
    let (status, html) = page(&app, "/upr/sessions/20", "en").await;
    assert_eq!(status, 200);
    assert!(html.contains("reviewed=SVN&#38;session=20"));
    let (status, _) = page(&app, "/upr/sessions/%D9%A2%D9%A0", "ar").await;
    assert_eq!(status, 200, "a session typed in Arabic-Indic digits");

    // A theme page, reached from the overview's list of themes.
    let theme = regex::Regex::new(r#"href="(/upr/themes/[^"]+)""#)
        .unwrap()
        .captures(&page(&app, "/upr", "en").await.1)
        .expect("the overview links a theme")[1]
        .to_owned();
    let (status, _) = page(&app, &theme, "ar").await;
    assert_eq!(status, 200, "{theme}");

    // In Arabic, each theme is named in Arabic where the platform translates it (and marked as
    // Arabic), else as its source wrote it, marked as English.
    let (_, html) = page(&app, "/upr", "ar").await;
    let links = regex::Regex::new(
        r#"<a href="/upr/themes/([^"]+)" lang="([a-z]+)" dir="([a-z]+)">([^<]+)</a>"#,
    )
    .unwrap();
    let mut translated = 0;
    for link in links.captures_iter(&html) {
        let raw = reqwest::Url::parse(&format!("http://x/?t={}", &link[1]))
            .unwrap()
            .query_pairs()
            .next()
            .unwrap()
            .1
            .into_owned();
        let shown = unescape(&link[4]);
        match taawun_upr::themes::label(&raw, "ar") {
            Some(arabic) => {
                translated += 1;
                assert_eq!((&link[2], &link[3], shown.as_str()), ("ar", "rtl", arabic));
            }
            None => assert_eq!(
                (&link[2], &link[3], shown.as_str()),
                ("en", "ltr", raw.as_str())
            ),
        }
    }
    assert!(translated > 0, "UPR Info's themes are named in Arabic");

    // The SDG target 16.3: its Arabic title, as read and without tatweel, on the Arabic page.
    let target = sdgs
        .targets
        .iter()
        .find(|t| t.code.to_string() == "16.3")
        .unwrap();
    let arabic = target.titles.get(taawun_sdg::Language::Ar).unwrap();
    assert!(!arabic.contains('\u{0640}'));
    let (status, html) = page(&app, "/sdg/16.3", "ar").await;
    assert_eq!(status, 200);
    assert!(html.contains(arabic), "the Arabic title of 16.3");
    assert!(!html.contains('\u{0640}'), "no tatweel on the page");
    let (status, body) = app.get_json("/api/v1/sdg/targets/16.3").await;
    assert_eq!(status, 200);
    assert_eq!(body["titles"]["ar"], arabic);
    assert_eq!(body["titles"]["en"], target.titles.en());
    assert!(!body["indicators"].as_array().unwrap().is_empty());
    let (status, body) = app.get_json("/api/v1/sdg/targets/16.99").await;
    assert_eq!(status, 404);
    assert!(body["error"]["message"].as_str().unwrap().contains("16.99"));
    let (status, body) = app.get_json("/api/v1/sdg/goals").await;
    assert_eq!(status, 200);
    assert_eq!(body["goals"].as_array().unwrap().len(), 17);
    let (status, html) = page(&app, "/sdg", "ar").await;
    assert_eq!(status, 200);
    assert!(html.contains(sdgs.goals[0].titles.get(taawun_sdg::Language::Ar).unwrap()));
    let (status, _) = page(&app, "/sdg/16", "en").await;
    assert_eq!(status, 200);
}

async fn body_id(app: &TestApp, path: &str) -> i64 {
    let (status, body) = app.get_json(path).await;
    assert_eq!(status, 200);
    body["items"][0]["id"].as_i64().unwrap()
}

/// 39862 → "39,862", as the pages write counts.
fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[tokio::test]
async fn an_empty_record_says_what_to_import() {
    let app = spawn_app().await;
    let (status, html) = page(&app, "/upr", "ar").await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("id=\"how-to-import\""),
        "the how-to is the secretariat's"
    );
    let (status, body) = app.get_json("/api/v1/upr/recommendations").await;
    assert_eq!(status, 200);
    assert_eq!(body["total"], 0);
    let (status, html) = page(&app, "/sdg", "en").await;
    assert_eq!(status, 200);
    assert!(html.contains("not imported"));
}

/// Text as askama escapes it, unescaped.
fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}
