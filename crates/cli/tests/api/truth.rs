//! What the pages say must be true, and what the public sees must be for the public: roll-call
//! outcomes from the tally and the body's rule, what each roll call was taken on, the dates the
//! data really knows, cited symbols in their right order, counts that agree, and the parser's
//! working notes kept for the secretariat. Checked against the real voting records.

use taawun_votes::{Body, Dataset, Outcome, VoteChoice};

use crate::accounts::invited_user;
use crate::helpers::{TestApp, shared, spawn_app};

fn present() -> bool {
    taawun_testdata::available("the truth of the pages over the real voting records")
}

/// The General Assembly's first session, read from the whole file (so that what the reader
/// learns from the whole, such as which days are real, holds), and every roll call of 2004's
/// June onwards in session 58 to compare with.
fn unga_sample() -> Dataset {
    let all = taawun_votes::unga::read_dir(
        &shared("data/votes/unga"),
        &taawun_votes::ReadOptions::default(),
        None,
    )
    .unwrap();
    let keep: std::collections::HashSet<String> = all
        .roll_calls
        .iter()
        .filter(|r| matches!(r.session, Some(1) | Some(58)))
        .map(|r| r.id.clone())
        .collect();
    Dataset {
        roll_calls: all
            .roll_calls
            .into_iter()
            .filter(|r| keep.contains(&r.id))
            .collect(),
        votes: all
            .votes
            .into_iter()
            .filter(|v| keep.contains(&v.roll_call_id))
            .collect(),
        skipped: Vec::new(),
        notes: Vec::new(),
    }
}

async fn app_with_votes() -> (TestApp, Dataset, Dataset) {
    let app = spawn_app().await;
    let hrc = crate::votes::hrc();
    let unga = unga_sample();
    for data in [&hrc, &unga] {
        app.store
            .import_votes(&taawun_store::ChangeContext::command_line(), data, &|_| {})
            .await
            .unwrap();
    }
    (app, hrc, unga)
}

async fn page(app: &TestApp, path: &str, lang: &str) -> String {
    let response = app.get_with(path, "accept-language", lang).await;
    assert_eq!(response.status(), 200, "{path}");
    // Without Fluent's isolation marks around arguments, which the browser does not show.
    response
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

fn tally(data: &Dataset, id: &str) -> (u32, u32, u32) {
    let mut t = (0, 0, 0);
    for v in data.votes_on(id) {
        match v.choice {
            VoteChoice::Yes => t.0 += 1,
            VoteChoice::No => t.1 += 1,
            VoteChoice::Abstain => t.2 += 1,
            _ => {}
        }
    }
    t
}

/// The text of the element with this id (up to its first closing tag).
fn element<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("the page has #{id}"));
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest[open..].find("</").unwrap() + open;
    &rest[open..close]
}

#[tokio::test]
async fn failed_roll_calls_read_rejected_with_the_rule_and_no_adoption_date() {
    if !present() {
        return;
    }
    let (app, hrc, unga) = app_with_votes().await;

    // A/HRC/57/L.43: an amendment, 8-21-18.
    let html = page(&app, "/resolutions/A/HRC/57/L.43", "en").await;
    assert_eq!(element(&html, "outcome"), "Rejected");
    assert_eq!(element(&html, "vote-outcome"), "Rejected");
    assert!(element(&html, "vote-rule").contains("abstentions are not counted"));
    assert!(html.contains("Date of the vote"));
    assert!(!html.contains("Adopted by a recorded vote"));
    assert!(
        !html.contains(">Adopted<"),
        "a failed vote's date is no adoption date"
    );
    assert!(
        element(&html, "voted-on").starts_with("Amendment")
            || element(&html, "voted-on").starts_with("Draft")
    );
    let html = page(&app, "/resolutions/A/HRC/57/L.43", "ar").await;
    assert_eq!(element(&html, "outcome"), "رُفض");
    assert!(html.contains("تاريخ التصويت"));
    // The tally in the UN's Arabic style, the noun agreeing with the number in favour (3 to 10:
    // the plural; 11 to 99: the singular accusative).
    let amendment = hrc
        .roll_calls
        .iter()
        .find(|r| r.symbol.as_deref() == Some("A/HRC/57/L.43"))
        .unwrap();
    let (yes, no, abstain) = tally(&hrc, &amendment.id);
    let noun = match yes % 100 {
        3..=10 => "أصوات مؤيدة",
        11..=99 => "صوتاً مؤيداً",
        _ => "صوت مؤيد",
    };
    let expected = format!("{yes} {noun} مقابل {no} وامتناع {abstain} عن التصويت");
    assert!(html.contains(&expected), "{expected}");

    // A/RES/1/79: 9-34-8, a motion to adjourn, on a day the data does not know.
    let html = page(&app, "/resolutions/A/RES/1/79", "en").await;
    assert_eq!(element(&html, "outcome"), "Rejected");
    assert!(element(&html, "vote-rule").contains("two thirds"));
    assert!(element(&html, "voted-on").contains("TO ADOPT A USSR PROPOSAL ADJOURNING DEBATE"));
    assert!(element(&html, "voted-on").starts_with("Procedural motion"));

    // Every roll call of the sample: the page's result is what the tally and the rule decide,
    // and roll calls that failed are never "adopted".
    let mut seen = std::collections::HashMap::<Outcome, usize>::new();
    for (data, body) in [(&unga, Body::Unga)] {
        for roll_call in data.roll_calls.iter().filter(|r| r.symbol.is_some()) {
            let symbol = roll_call.symbol.as_deref().unwrap();
            let principal = data
                .roll_calls
                .iter()
                .filter(|r| r.symbol.as_deref() == Some(symbol))
                .max_by_key(|r| {
                    (
                        !r.amendment,
                        !r.paragraph_vote,
                        r.date,
                        r.id.parse::<i64>().unwrap_or(0),
                    )
                })
                .unwrap();
            if principal.id != roll_call.id {
                continue;
            }
            let (yes, no, abstain) = tally(data, &roll_call.id);
            let expected = taawun_votes::outcome(body, yes, no, abstain);
            *seen.entry(expected).or_default() += 1;
            let html = page(&app, &format!("/resolutions/{symbol}"), "en").await;
            let shown = element(&html, "outcome");
            let label = match expected {
                Outcome::Adopted => "Adopted",
                Outcome::Rejected => "Rejected",
                Outcome::NotRecorded => "Result not recorded",
            };
            assert_eq!(shown, label, "{symbol} {yes}-{no}-{abstain}");
            if expected != Outcome::Adopted {
                assert!(!html.contains(">Adopted<"), "{symbol}");
            }
        }
    }
    assert!(seen.get(&Outcome::Rejected).copied().unwrap_or(0) > 0);
    assert!(seen.get(&Outcome::Adopted).copied().unwrap_or(0) > 0);

    // The list says the same, and counts records, not "resolutions".
    let html = page(
        &app,
        "/resolutions?body=general-assembly&session=1&per_page=100",
        "en",
    )
    .await;
    assert!(html.contains("Rejected · 9 in favour, 34 against, 8 abstentions"));
    assert!(html.contains(" records · page"));
    assert!(element(&html, "coverage").contains("adopted without a vote"));
    let _ = hrc;
}

#[tokio::test]
async fn assembly_days_the_data_does_not_know_are_not_shown() {
    if !present() {
        return;
    }
    let (app, _, unga) = app_with_votes().await;
    let html = page(&app, "/resolutions/A/RES/1/79", "en").await;
    assert!(html.contains("January 1946 (day not recorded)"));
    assert!(!html.contains("1 January 1946") && !html.contains("2 January 1946"));
    let html = page(&app, "/resolutions/A/RES/1/79", "ar").await;
    assert!(html.contains("(اليوم غير مسجل)"));
    // A roll call of June 2004 onwards keeps its whole date.
    let later = unga
        .roll_calls
        .iter()
        .find(|r| r.day_known && r.symbol.is_some() && !r.amendment && !r.paragraph_vote)
        .expect("session 58 has roll calls with real days");
    let html = page(
        &app,
        &format!("/resolutions/{}", later.symbol.as_deref().unwrap()),
        "en",
    )
    .await;
    assert!(!html.contains("day not recorded"));
    let year = later.date.to_string()[..4].to_owned();
    assert!(html.contains(&year));

    // A State's record and its download say the month where the day is not known; the home
    // page's coverage starts with a month.
    let html = page(&app, "/states/USA/votes?body=unga&year=1946", "en").await;
    assert!(html.contains("January 1946 (day not recorded)"));
    assert!(!html.contains(">1 January 1946<") && !html.contains(">2 January 1946<"));
    let csv = app
        .get("/api/v1/states/USA/votes?body=unga&year=1946&format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with("1946-") && l.as_bytes()[7] == b','),
        "{csv}"
    );
    let html = page(&app, "/", "en").await;
    assert!(
        html.contains("from January 1946 (day not recorded) to"),
        "{html}"
    );
}

#[tokio::test]
async fn the_seed_page_tells_the_truth_in_both_languages() {
    if !present() {
        return;
    }
    let (app, _, _) = app_with_votes().await;
    let ar = page(&app, "/resolutions/A/HRC/RES/56/2", "ar").await;
    let text = &ar[ar.find("id=\"text\"").unwrap()..ar.find("id=\"vote\"").unwrap()];
    // Every cited Assembly and Council resolution in its right order, isolated left to right.
    for (reversed, right) in [
        ("1/70", "70/1"),
        ("313/69", "69/313"),
        ("213/77", "77/213"),
        ("4/50", "50/4"),
        ("128/41", "41/128"),
        ("141/48", "48/141"),
        ("134/33", "33/134"),
        ("3/66", "66/3"),
        ("1/76", "76/1"),
    ] {
        assert!(
            text.contains(&format!(
                "<bdi dir=\"ltr\" class=\"cited-symbol\">{right}</bdi>"
            )),
            "{right}"
        );
        assert!(
            !text.contains(&format!(" {reversed} ")),
            "{reversed} is gone"
        );
    }
    // Footnote 3 too.
    let footnote = &text[text.find("id=\"fn-3\"").unwrap()..];
    let footnote = &footnote[..footnote.find("</li>").unwrap()];
    assert!(footnote.contains(">66/3</bdi>") && footnote.contains(">76/1</bdi>"));

    // The count beside the table and the map's legend agree (the legend says "Not a member (N)").
    let en = page(&app, "/resolutions/A/HRC/RES/56/2", "en").await;
    let stated: usize = element(&en, "not-members")
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(stated > 0);
    assert!(
        en.contains(&format!("Not a member ({stated})")),
        "the map's legend counts {stated} non-members too"
    );
    let stated_ar: usize = element(&ar, "not-members")
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(stated_ar, stated);

    // The public sees no parser notes, source file names or import times.
    assert!(!ar.contains("id=\"warnings\""));
    assert!(!ar.contains("id=\"add-text\""));
    // The English page of the Arabic-only text: the English title, and a plain statement.
    let en = page(&app, "/resolutions/A/HRC/RES/56/2", "en").await;
    let h1 = &en[en.find("<h1").unwrap()..];
    let h1 = &h1[..h1.find("</h1>").unwrap()];
    assert!(h1.contains("lang=\"en\""), "{h1}");
    assert!(
        h1.to_lowercase().contains("international cooperation"),
        "{h1}"
    );
    assert!(element(&en, "text-language").contains("Arabic only"));
}

#[tokio::test]
async fn voting_record_pages_speak_to_the_public_and_the_secretariat_sees_more() {
    if !present() {
        return;
    }
    let (app, _, _) = app_with_votes().await;
    for (lang, link) in [
        ("en", "https://undocs.org/en/A/RES/79(I)"),
        ("ar", "https://undocs.org/ar/A/RES/79(I)"),
    ] {
        let html = page(&app, "/resolutions/A/RES/1/79", lang).await;
        assert!(!html.contains("taawun import"), "{lang}");
        assert!(html.contains(link), "{lang}: the official document");
    }
    let html = page(&app, "/resolutions/A/HRC/57/L.43", "en").await;
    assert!(html.contains("https://undocs.org/en/A/HRC/57/L.43"));

    // The secretariat sees how to add the text, the parser's notes and the import details.
    let role = taawun_accounts::RoleGrant::from_parts("secretariat", None, None).unwrap();
    let browser = invited_user(&app, "sec@example.org", "Secretariat Officer", role).await;
    let (_, html) = browser.page("/resolutions/A/RES/1/79").await;
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(html.contains("id=\"add-text\""));
    assert!(html.contains("taawun import resolution"));
    let (_, html) = browser.page("/resolutions/A/HRC/RES/56/2").await;
    assert!(html.contains("id=\"warnings\""));
    // A donor does not.
    let role = taawun_accounts::RoleGrant::from_parts("donor", Some("NOR"), None).unwrap();
    let donor = invited_user(&app, "donor@example.org", "Donor", role).await;
    let (_, html) = donor.page("/resolutions/A/HRC/RES/56/2").await;
    assert!(!html.contains("id=\"warnings\""));
    // And the anonymous page, cached, is still the public's.
    let html = page(&app, "/resolutions/A/HRC/RES/56/2", "en").await;
    assert!(!html.contains("id=\"warnings\""));
}

/// A State's page leads to its voting record in each body; the record opens on the roll calls
/// the State could vote in, says how many "not a member" lines it leaves out and shows them on
/// request; each State in a resolution's vote table leads to its record in that body.
#[tokio::test]
async fn a_states_record_is_linked_and_opens_on_its_actual_votes() {
    if !present() {
        return;
    }
    let (app, hrc, _) = app_with_votes().await;
    let state = "FRA";
    let lines = |member: bool| {
        hrc.votes
            .iter()
            .filter(|v| v.state == state && (v.choice != VoteChoice::NotMember) == member)
            .count() as u64
    };
    let (as_member, not_member) = (lines(true), lines(false));
    assert!(as_member > 0 && not_member > 0, "France sat out some years");

    let html = page(&app, "/states/FRA", "en").await;
    assert!(
        html.contains("href=\"/states/FRA/votes?body=human-rights-council\""),
        "{html}"
    );
    assert!(
        html.contains(&format!("{as_member} roll calls as a member")),
        "the page says how many roll calls: {as_member}"
    );
    let html = page(&app, "/states/FRA", "ar").await;
    assert!(html.contains("href=\"/states/FRA/votes?body=human-rights-council\""));

    let json = |path: &'static str| {
        let app = &app;
        async move {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200, "{path}");
            response.json::<serde_json::Value>().await.unwrap()
        }
    };
    let hidden = json("/api/v1/states/FRA/votes?body=hrc&per_page=500").await;
    assert_eq!(hidden["total"], as_member);
    assert!(
        hidden["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["choice"] != "not-member")
    );
    assert_eq!(
        hidden["counts"]["not-member"], not_member,
        "{}",
        hidden["counts"]
    );
    let shown = json("/api/v1/states/FRA/votes?body=hrc&not_members=show").await;
    assert_eq!(shown["total"], as_member + not_member);
    let refused = app.get("/api/v1/states/FRA/votes?not_members=maybe").await;
    assert_eq!(refused.status(), 400);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["parameter"], "not_members", "{body}");

    let html = page(&app, "/states/FRA/votes?body=hrc", "en").await;
    let scope = element(&html, "record-scope");
    assert!(scope.contains(&not_member.to_string()), "{scope}");
    assert!(html.contains("not_members=show"));
    let html = page(&app, "/states/FRA/votes?body=hrc&not_members=show", "en").await;
    assert!(element(&html, "record-scope").contains("Listed too"));

    // L.43's vote table: each State that voted leads to its Council record.
    let amendment = hrc
        .roll_calls
        .iter()
        .find(|r| r.symbol.as_deref() == Some("A/HRC/57/L.43"))
        .expect("the amendment's roll call");
    let voter = hrc
        .votes_on(&amendment.id)
        .find(|v| v.choice == VoteChoice::Yes)
        .map(|v| v.state.clone())
        .expect("someone voted for the amendment");
    let html = page(&app, "/resolutions/A/HRC/57/L.43", "en").await;
    assert!(
        html.contains(&format!(
            "href=\"/states/{voter}/votes?body=human-rights-council\""
        )),
        "{voter}"
    );
}

/// What the Assembly's data says was voted on is searched too: a word that only a roll call's
/// description holds (no title of the sample has it) finds that roll call's record.
#[tokio::test]
async fn roll_call_descriptions_are_searched() {
    if !present() {
        return;
    }
    let (app, _, unga) = app_with_votes().await;
    taawun::search_index::index_voting_records(app.store.as_ref(), &app.search, "unga")
        .await
        .unwrap();
    let titles: String = unga
        .roll_calls
        .iter()
        .map(|r| r.title.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let (symbol, word) = unga
        .roll_calls
        .iter()
        .filter_map(|r| {
            let symbol = r.symbol.clone()?;
            let word = r
                .description
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 9)
                .map(str::to_lowercase)
                .find(|w| !titles.contains(w.as_str()))?;
            Some((symbol, word))
        })
        .next()
        .expect("a description holds a word no title has");
    let (status, results) = app
        .get_json(&format!("/api/v1/search?q={word}&per_page=50"))
        .await;
    assert_eq!(status, 200);
    let symbols: Vec<&str> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["symbol"].as_str())
        .collect();
    assert!(symbols.contains(&symbol.as_str()), "{word}: {symbols:?}");
}
