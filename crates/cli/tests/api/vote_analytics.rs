//! Agreement, majority, cohesion and the voting map, checked against figures computed here by
//! hand from the HRC dataset; vote-only records in the registry; the pages and CSV downloads.

use std::collections::{BTreeMap, HashMap};

use taawun_votes::VoteChoice;

use crate::helpers::spawn_app;
use crate::votes::hrc;

fn took_part(c: VoteChoice) -> bool {
    matches!(c, VoteChoice::Yes | VoteChoice::No | VoteChoice::Abstain)
}

/// Every State's votes by roll call, from the dataset.
fn by_state(dataset: &taawun_votes::Dataset) -> HashMap<String, HashMap<String, VoteChoice>> {
    let mut out: HashMap<String, HashMap<String, VoteChoice>> = HashMap::new();
    for v in &dataset.votes {
        out.entry(v.state.clone())
            .or_default()
            .insert(v.roll_call_id.clone(), v.choice);
    }
    out
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_agreement_matrix_the_ranking_and_the_pair_tell_the_same() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let dataset = hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();

    let (status, matrix) = app
        .get_json("/api/v1/votes/agreement-matrix?body=hrc")
        .await;
    assert_eq!(status, 200, "{matrix}");
    assert_eq!(
        matrix["roll_calls"].as_u64().unwrap() as usize,
        dataset.roll_calls.len()
    );
    let states: Vec<&str> = matrix["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let voters: std::collections::BTreeSet<&str> =
        dataset.votes.iter().map(|v| v.state.as_str()).collect();
    assert_eq!(states, voters.into_iter().collect::<Vec<_>>());
    let n = states.len();
    let value = |i: usize, j: usize| matrix["agreement"][i][j].as_f64();
    let counted = |i: usize, j: usize| matrix["votes_counted"][i][j].as_u64().unwrap();
    for i in 0..n {
        for j in 0..n {
            assert_eq!(value(i, j), value(j, i), "symmetric");
            assert_eq!(counted(i, j), counted(j, i));
        }
    }

    // One pair by hand, and through the pair endpoint.
    let votes = by_state(&dataset);
    let (cub, gbr) = (&votes["CUB"], &votes["GBR"]);
    let shared: Vec<(VoteChoice, VoteChoice)> = cub
        .iter()
        .filter_map(|(id, a)| gbr.get(id).map(|b| (*a, *b)))
        .filter(|(a, b)| took_part(*a) && took_part(*b))
        .collect();
    let same = shared.iter().filter(|(a, b)| a == b).count();
    let expected = same as f64 / shared.len() as f64;
    let (i, j) = (
        states.iter().position(|s| *s == "CUB").unwrap(),
        states.iter().position(|s| *s == "GBR").unwrap(),
    );
    assert_eq!(counted(i, j) as usize, shared.len());
    assert!((value(i, j).unwrap() - expected).abs() < 1e-4);
    let (_, pair) = app
        .get_json("/api/v1/votes/agreement?a=CUB&b=GBR&body=hrc")
        .await;
    assert!((pair["agreement"].as_f64().unwrap() - expected).abs() < 1e-9);

    // The ranking of CUB: every other State, highest first, with the matrix's values.
    let (status, ranking) = app.get_json("/api/v1/votes/agreement?a=CUB&body=hrc").await;
    assert_eq!(status, 200, "{ranking}");
    let items = ranking["items"].as_array().unwrap();
    assert_eq!(items.len(), n - 1);
    let values: Vec<f64> = items
        .iter()
        .map(|r| r["agreement"].as_f64().unwrap_or(f64::NEG_INFINITY))
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "highest first");
    let gbr_line = items.iter().find(|r| r["state"] == "GBR").unwrap();
    assert_eq!(gbr_line["agreement"].as_f64(), value(i, j));

    // The CSV of the matrix: one line per ordered pair, the same values.
    let csv = app
        .get("/api/v1/votes/agreement-matrix?body=hrc&format=csv")
        .await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let rows = csv_rows(&csv.text().await.unwrap());
    assert_eq!(rows.len(), n * (n - 1));
    let line = rows
        .iter()
        .find(|r| r[0] == "CUB" && r[1] == "GBR")
        .unwrap();
    assert_eq!(line[3].parse::<f64>().ok(), value(i, j));
    assert_eq!(line[4].parse::<u64>().unwrap(), counted(i, j));

    // Another definition is another matrix: yes-no counts no abstentions.
    let (_, yes_no) = app
        .get_json("/api/v1/votes/agreement-matrix?body=hrc&definition=yes-no")
        .await;
    let both_yes_no = shared
        .iter()
        .filter(|(a, b)| *a != VoteChoice::Abstain && *b != VoteChoice::Abstain)
        .count();
    assert_eq!(
        yes_no["votes_counted"][i][j].as_u64().unwrap() as usize,
        both_yes_no
    );
}

#[tokio::test]
async fn majority_share_and_group_cohesion_match_a_count_by_hand() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let dataset = hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();

    // Per roll call: the tally of yes/no/abstain.
    let mut tallies: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
    for v in &dataset.votes {
        let slot = match v.choice {
            VoteChoice::Yes => 0,
            VoteChoice::No => 1,
            VoteChoice::Abstain => 2,
            _ => continue,
        };
        tallies.entry(v.roll_call_id.as_str()).or_default()[slot] += 1;
    }
    let majority = |t: &[u32; 3]| -> Option<VoteChoice> {
        let best = *t.iter().max()?;
        let winners: Vec<usize> = (0..3).filter(|k| t[*k] == best).collect();
        (best > 0 && winners.len() == 1)
            .then(|| [VoteChoice::Yes, VoteChoice::No, VoteChoice::Abstain][winners[0]])
    };
    let (mut with, mut counted) = (0u32, 0u32);
    for v in dataset
        .votes
        .iter()
        .filter(|v| v.state == "CUB" && took_part(v.choice))
    {
        if let Some(m) = tallies.get(v.roll_call_id.as_str()).and_then(majority) {
            counted += 1;
            with += u32::from(m == v.choice);
        }
    }
    let (status, record) = app.get_json("/api/v1/states/CUB/votes?body=hrc").await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(
        record["majority"]["votes_counted"].as_u64().unwrap(),
        u64::from(counted)
    );
    let share = record["majority"]["share"].as_f64().unwrap();
    assert!((share - f64::from(with) / f64::from(counted)).abs() < 1e-4);

    // Cohesion of the Western European and Others Group, by hand (Hix–Noury–Roland index).
    let weog: Vec<&str> = taawun_states::all()
        .filter(|s| s.regional_group == Some(taawun_states::RegionalGroup::WesternEuropeanOthers))
        .map(|s| s.iso3)
        .collect();
    let mut per_roll_call: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
    for v in dataset
        .votes
        .iter()
        .filter(|v| weog.contains(&v.state.as_str()))
    {
        let slot = match v.choice {
            VoteChoice::Yes => 0,
            VoteChoice::No => 1,
            VoteChoice::Abstain => 2,
            _ => continue,
        };
        per_roll_call.entry(v.roll_call_id.as_str()).or_default()[slot] += 1;
    }
    let indexes: Vec<f64> = per_roll_call
        .values()
        .filter(|t| t.iter().sum::<u32>() >= 2)
        .map(|t| {
            let total = f64::from(t.iter().sum::<u32>());
            let max = f64::from(*t.iter().max().unwrap());
            (max - 0.5 * (total - max)) / total
        })
        .collect();
    let expected = indexes.iter().sum::<f64>() / indexes.len() as f64;
    let (status, cohesion) = app.get_json("/api/v1/votes/cohesion?body=hrc").await;
    assert_eq!(status, 200, "{cohesion}");
    let group = cohesion["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "western-european-others")
        .unwrap();
    assert_eq!(
        group["roll_calls_counted"].as_u64().unwrap() as usize,
        indexes.len()
    );
    assert!((group["cohesion"].as_f64().unwrap() - expected).abs() < 1e-4);
}

#[tokio::test]
async fn filters_downloads_and_the_voting_map() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let dataset = hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();

    // Session 56: the count of Cuba's rows in that session's roll calls.
    let in_session: std::collections::HashSet<&str> = dataset
        .roll_calls
        .iter()
        .filter(|r| r.session == Some(56))
        .map(|r| r.id.as_str())
        .collect();
    assert!(!in_session.is_empty());
    let lines = dataset
        .votes
        .iter()
        .filter(|v| v.state == "CUB" && in_session.contains(v.roll_call_id.as_str()));
    // The record lists the roll calls Cuba could vote in; the counts cover every line.
    let expected = lines
        .clone()
        .filter(|v| v.choice != taawun_votes::VoteChoice::NotMember)
        .count();
    let every_line = lines.count();
    let (status, page) = app
        .get_json("/api/v1/states/CUB/votes?body=hrc&session=56")
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["total"].as_u64().unwrap() as usize, expected);
    let counted: u64 = page["counts"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counted as usize, every_line);

    // The CSV holds every vote of the filter, not one page.
    let (_, all) = app.get_json("/api/v1/states/CUB/votes?body=hrc").await;
    let csv = app
        .get("/api/v1/states/CUB/votes?body=hrc&format=csv")
        .await
        .text()
        .await
        .unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows.len() as u64, all["total"].as_u64().unwrap());
    assert!(rows.len() > 50, "more than one page");

    // An issue no roll call has: an empty answer, not an error.
    let (status, none) = app
        .get_json("/api/v1/states/CUB/votes?issue=Not%20an%20issue")
        .await;
    assert_eq!(status, 200);
    assert_eq!(none["total"], 0);

    // The voting map places every State sharing enough roll calls, and names those it drops.
    let (status, map) = app.get_json("/api/v1/votes/map?body=hrc").await;
    assert_eq!(status, 200, "{map}");
    let placed = map["states"].as_array().unwrap();
    let dropped = map["dropped"].as_array().unwrap();
    let (_, matrix) = app
        .get_json("/api/v1/votes/agreement-matrix?body=hrc")
        .await;
    assert_eq!(
        placed.len() + dropped.len(),
        matrix["states"].as_array().unwrap().len()
    );
    assert!(placed.iter().all(|p| p["x"].is_f64() && p["y"].is_f64()));

    for (path, parameter) in [
        (
            "/api/v1/votes/agreement-matrix?definition=cosine",
            "definition",
        ),
        ("/api/v1/votes/cohesion?year=nineteen", "year"),
        ("/api/v1/votes/map?format=xml", "format"),
        ("/api/v1/states/CUB/votes?session=-1", "session"),
        ("/api/v1/votes/cohesion?from=2020&to=2010", "to"),
    ] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["error"]["parameter"], parameter, "{path}");
    }
}

#[tokio::test]
async fn vote_only_records_join_the_registry_and_have_a_page() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let dataset = hrc();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();
    let symbols: std::collections::BTreeSet<&str> = dataset
        .roll_calls
        .iter()
        .filter_map(|r| r.symbol.as_deref())
        .collect();
    // The test app holds the seed as text; its roll call merges with it.
    let (_, all) = app.get_json("/api/v1/resolutions?per_page=1").await;
    assert_eq!(all["total"].as_u64().unwrap() as usize, symbols.len());
    let (_, text) = app.get_json("/api/v1/resolutions?content=text").await;
    assert_eq!(text["total"], 1);
    assert_eq!(text["items"][0]["has_votes"], true);
    let (_, only) = app
        .get_json("/api/v1/resolutions?content=votes-only&per_page=500")
        .await;
    assert_eq!(only["total"].as_u64().unwrap() as usize, symbols.len() - 1);
    let record = &only["items"][0];
    assert_eq!(record["has_text"], false);
    assert_eq!(record["adoption_method"], "recorded-vote");

    let symbol = record["symbol"].as_str().unwrap();
    let (status, detail) = app.get_json(&format!("/api/v1/resolutions/{symbol}")).await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["has_text"], false);
    assert_eq!(detail["symbol"], symbol);
    let page = app.get(&format!("/resolutions/{symbol}")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("does not hold the text"),
        "says the text is missing"
    );
    assert!(html.contains("<svg"), "the vote's charts are drawn");
    let listing = app
        .get("/resolutions?content=votes-only")
        .await
        .text()
        .await
        .unwrap();
    assert!(listing.contains(symbol));
}

#[tokio::test]
async fn the_state_record_page_and_the_explorer_render_in_both_languages() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &hrc(),
            &|_| {},
        )
        .await
        .unwrap();
    for lang in ["en", "ar"] {
        let page = app
            .get_with(
                "/states/CUB/votes?body=hrc&with=CHN",
                "cookie",
                &format!("taawun_lang={lang}"),
            )
            .await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains(&format!("lang=\"{lang}\"")));
        assert!(html.contains("<meter"), "the closest and farthest States");
        assert!(
            html.contains("format=csv"),
            "a CSV download of the same filter"
        );

        let explorer = app
            .get_with(
                "/votes?body=hrc&state=CUB",
                "cookie",
                &format!("taawun_lang={lang}"),
            )
            .await;
        assert_eq!(explorer.status(), 200);
        let html = explorer.text().await.unwrap();
        assert!(html.contains("<svg"), "the voting map");
        assert!(!html.contains("style=\""), "no inline style (CSP)");
    }
    // The map names the States in the page's language — Arabic names on the Arabic page, not
    // codes — and the table beside it lists every State placed with its nearest, links to be
    // tapped where a point cannot be hovered.
    let (_, map) = app.get_json("/api/v1/votes/map?body=hrc").await;
    let placed: Vec<&str> = map["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert!(placed.len() > 40, "{}", placed.len());
    let arabic = app
        .get_with("/votes?body=hrc", "cookie", "taawun_lang=ar")
        .await
        .text()
        .await
        .unwrap();
    let labels = arabic
        .split("<g class=\"taawun-labels\"")
        .nth(1)
        .and_then(|rest| rest.split("</g>").next())
        .unwrap();
    for iso3 in &placed {
        assert!(
            !labels.contains(&format!(">{iso3}<")),
            "{iso3} as a label on the Arabic map"
        );
    }
    let labelled = placed
        .iter()
        .filter(|iso3| labels.contains(taawun_states::by_iso3(iso3).unwrap().names.ar))
        .count();
    assert!(labelled * 2 > placed.len(), "only {labelled} Arabic labels");
    let table = arabic.split("id=\"map-table\"").nth(1).unwrap();
    for iso3 in &placed {
        let state = taawun_states::by_iso3(iso3).unwrap();
        let row = format!(
            "<th scope=\"row\"><a href=\"/states/{iso3}/votes?body=hrc\">{}</a></th>",
            state.names.ar
        );
        assert!(table.contains(&row), "{iso3} missing from the table: {row}");
    }
    let bad = app.get("/states/CUB/votes?body=ecosoc").await;
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("body"));
    let unknown = app.get("/states/QQQ/votes").await;
    assert_eq!(unknown.status(), 404);
    let empty = app
        .get("/votes?body=hrc&from=1950&to=1951")
        .await
        .text()
        .await
        .unwrap();
    assert!(empty.contains("class=\"empty\""));
}

/// A draft the Council voted on (an amendment, most often) links to the resolution it led to:
/// the one of the same session and title — as the voting records' own list says, read here
/// from the file — and to nothing when there is none to name.
#[tokio::test]
async fn a_draft_links_to_the_resolution_of_its_session_and_title() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &hrc(),
            &|_| {},
        )
        .await
        .unwrap();
    // The file's rows: symbol, date, "Title :kind /…".
    let mut reader =
        csv::Reader::from_path(crate::helpers::shared("data/votes/hrc/all-vote-data.csv")).unwrap();
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| r.unwrap())
        .filter_map(|r| {
            let summary = &r[2];
            let cut = summary.rfind(" :")?;
            let kind = summary[cut + 2..].split_whitespace().next()?.to_owned();
            Some((r[0].to_owned(), summary[..cut].trim().to_lowercase(), kind))
        })
        .collect();
    let session = |symbol: &str| -> Option<String> {
        let rest = symbol.strip_prefix("A/HRC/")?;
        let rest = rest
            .strip_prefix("RES/")
            .or_else(|| rest.strip_prefix("DEC/"))
            .unwrap_or(rest);
        rest.split('/').next().map(str::to_owned)
    };
    let (mut linked, mut unlinked) = (0, 0);
    for (draft, title, kind) in rows
        .iter()
        .filter(|(s, _, k)| s.contains("/L.") && k == "amendment")
    {
        let expected: Vec<&String> = rows
            .iter()
            .filter(|(s, t, k)| {
                !s.contains("/L.")
                    && (k == "resolution" || k == "decision")
                    && t == title
                    && session(s) == session(draft)
            })
            .map(|(s, _, _)| s)
            .collect();
        let html = app
            .get(&format!("/resolutions/{draft}"))
            .await
            .text()
            .await
            .unwrap();
        match expected.as_slice() {
            [one] => {
                assert!(
                    html.contains(&format!(
                        "<dd id=\"adopted-as\"><a href=\"/resolutions/{one}\">"
                    )),
                    "{draft} ({kind}) should link {one}"
                );
                linked += 1;
            }
            [] => {
                assert!(
                    !html.contains("id=\"adopted-as\""),
                    "{draft} links to nothing"
                );
                unlinked += 1;
            }
            _ => {}
        }
        if linked >= 15 && unlinked >= 5 {
            break;
        }
    }
    assert!(linked >= 5, "{linked} drafts linked");
}
