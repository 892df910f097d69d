//! The funds' published procedures: each page and the API say what the configuration holds —
//! names in the page's language, the kinds of request, what a request must contain, every
//! stage's target days — and an unknown fund is a clear 404. A server started with a funds file
//! publishes that file's funds.

use taawun_funds::{Stage, default_funds};

use crate::helpers::{TestApp, spawn_app, succeeded, taawun};

async fn page(app: &TestApp, path: &str, lang: &str) -> (u16, String) {
    let response = app.get_with(path, "accept-language", lang).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// A text as the templates write it into HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A Fluent argument as a page shows it: between isolation marks.
fn isolated(value: impl std::fmt::Display) -> String {
    format!("\u{2068}{value}\u{2069}")
}

#[tokio::test]
async fn each_fund_page_says_what_its_configuration_holds() {
    let app = spawn_app().await;
    let funds = default_funds();

    let (status, list) = page(&app, "/funds", "en").await;
    assert_eq!(status, 200);
    for fund in &funds {
        assert!(list.contains(&format!("href=\"/funds/{}\"", fund.id)));
        assert!(list.contains(&escaped(fund.name.get("en").0)));
    }

    for fund in &funds {
        let path = format!("/funds/{}", fund.id);
        for lang in ["en", "ar"] {
            let (status, html) = page(&app, &path, lang).await;
            assert_eq!(status, 200, "{path} in {lang}");
            let (name, written_in) = fund.name.get(lang);
            assert_eq!(written_in, lang, "the built-in names are in {lang}");
            assert!(
                html.contains(&escaped(name)),
                "{path} in {lang} is titled {name}"
            );
            assert!(html.contains(&escaped(fund.purpose.get(lang).0)));
            assert!(html.contains(&escaped(fund.eligibility.get(lang).0)));
            // Not confirmed: said on the page.
            assert_eq!(
                html.contains("id=\"terms-unconfirmed\""),
                !fund.terms_confirmed
            );
            // Every stage is listed, in order, and each timed one with the fund's own target.
            let mut at = 0;
            for stage in Stage::ALL {
                let marker = format!("data-stage=\"{}\"", stage.slug());
                let found = html[at..]
                    .find(&marker)
                    .unwrap_or_else(|| panic!("{path} ({lang}) lists {marker} after the last"));
                at += found;
                let item = &html[at..at + html[at..].find("</li>").unwrap()];
                match fund.target_days(stage) {
                    Some(days) => assert!(
                        item.contains(&isolated(days)) || (lang == "ar" && days <= 2),
                        "{path} ({lang}): {} within {days} days, not in {item}",
                        stage.slug()
                    ),
                    None => assert!(!item.contains("class=\"target\""), "{item}"),
                }
            }
            // The programme support charge and the currency.
            assert!(html.contains(&isolated(fund.programme_support)));
            assert!(html.contains(&isolated(fund.currency.code())));
        }
    }

    let (status, html) = page(&app, "/funds/no-such-fund", "en").await;
    assert_eq!(status, 404);
    assert!(html.contains("no-such-fund"));

    // The API: the same funds, every text in every language it is written in.
    let (status, json) = app.get_json("/api/v1/funds").await;
    assert_eq!(status, 200);
    let listed = json["funds"].as_array().unwrap();
    assert_eq!(listed.len(), funds.len());
    for (view, fund) in listed.iter().zip(&funds) {
        assert_eq!(view["id"], fund.id.as_str());
        for (lang, text) in &fund.name.0 {
            assert_eq!(view["name"][lang], text.as_str());
        }
        for stage in view["stages"].as_array().unwrap() {
            let slug = stage["stage"].as_str().unwrap();
            let expected = Stage::parse(slug).and_then(|s| fund.target_days(s));
            assert_eq!(stage["target_days"].as_u64(), expected.map(u64::from));
        }
        assert_eq!(view["terms_confirmed"], fund.terms_confirmed);
    }
    let (status, json) = app.get_json("/api/v1/funds/nothing").await;
    assert_eq!(status, 404);
    let message = json["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("nothing"), "{json}");
    assert!(message.contains("upr-implementation"), "{json}");
}

#[test]
fn the_funds_command_checks_a_file_and_prints_the_default() {
    let default = succeeded(taawun().args(["funds", "show-default"]));
    assert_eq!(default, taawun_funds::config::DEFAULT_FUNDS);
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("funds.toml");
    std::fs::write(&good, &default).unwrap();
    let described = succeeded(taawun().arg("funds").arg("check").arg(&good));
    for fund in default_funds() {
        assert!(described.contains(&format!("{}: ", fund.id)), "{described}");
    }
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, default.replace("review = 30", "review = 0")).unwrap();
    let output = taawun()
        .arg("funds")
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("bad.toml"), "{said}");
    assert!(said.contains("targets.review: 0 days"), "{said}");
}
