//! Listings served from memory (the registry's lists, a State's voting record) stay correct:
//! an import is seen at once, and one filter's results are never served for another.

use std::collections::BTreeSet;

use taawun_store::{ChangeContext, Paging, ResolutionFilter, ResolutionSort};

use crate::helpers::{TestApp, spawn_app};

/// The Council's voting records, or `None` (the test says it is skipped) without `../shared`.
fn hrc() -> Option<taawun_votes::Dataset> {
    if !taawun_testdata::available("the listing caches over the Council's voting records") {
        return None;
    }
    Some(crate::votes::hrc())
}

/// The roll calls for which `keep` holds, with their votes.
fn part(
    dataset: &taawun_votes::Dataset,
    keep: impl Fn(&taawun_votes::RollCall) -> bool,
) -> taawun_votes::Dataset {
    let roll_calls: Vec<_> = dataset
        .roll_calls
        .iter()
        .filter(|r| keep(r))
        .cloned()
        .collect();
    let ids: BTreeSet<&str> = roll_calls.iter().map(|r| r.id.as_str()).collect();
    taawun_votes::Dataset {
        votes: dataset
            .votes
            .iter()
            .filter(|v| ids.contains(v.roll_call_id.as_str()))
            .cloned()
            .collect(),
        roll_calls,
        skipped: Vec::new(),
        notes: Vec::new(),
    }
}

async fn import(app: &TestApp, dataset: &taawun_votes::Dataset) {
    app.store
        .import_votes(&ChangeContext::command_line(), dataset, &|_| {})
        .await
        .unwrap();
}

/// The registry's records as the listing pages them: every symbol over every page.
async fn all_pages(app: &TestApp, query: &str) -> (u64, Vec<serde_json::Value>) {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let (status, body) = app
            .get_json(&format!(
                "/api/v1/resolutions?{query}&per_page=100&page={page}"
            ))
            .await;
        assert_eq!(status, 200, "{query}: {body}");
        items.extend(body["items"].as_array().unwrap().iter().cloned());
        if page >= body["pages"].as_u64().unwrap() {
            return (body["total"].as_u64().unwrap(), items);
        }
        page += 1;
    }
}

fn symbols_voted(dataset: &taawun_votes::Dataset) -> BTreeSet<String> {
    dataset
        .roll_calls
        .iter()
        .filter_map(|r| r.symbol.clone())
        .collect()
}

#[tokio::test]
async fn an_import_is_seen_at_once_by_counts_and_records_served_from_memory() {
    let Some(hrc) = hrc() else { return };
    let app = spawn_app().await;
    let cutoff = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let early = part(&hrc, |r| r.date < cutoff);
    let late = part(&hrc, |r| r.date >= cutoff);
    assert!(!early.roll_calls.is_empty() && !late.roll_calls.is_empty());
    // The registry holds the seed's text (A/HRC/RES/56/2) besides the voting records.
    let texts: BTreeSet<String> = ["A/HRC/RES/56/2".to_owned()].into();

    import(&app, &early).await;
    // A record lists the roll calls the State could vote in; its counts cover every line.
    let lines_of = |d: &taawun_votes::Dataset, s: &str, member_only: bool| {
        d.votes
            .iter()
            .filter(|v| {
                v.state == s && (!member_only || v.choice != taawun_votes::VoteChoice::NotMember)
            })
            .count() as u64
    };
    let cast_by = |d: &taawun_votes::Dataset, s: &str| lines_of(d, s, true);
    let (status, before) = app.get_json("/api/v1/states/CUB/votes?body=hrc").await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["total"], cast_by(&early, "CUB"));
    let (total, _) = all_pages(&app, "body=human-rights-council").await;
    let expected: BTreeSet<String> = symbols_voted(&early).union(&texts).cloned().collect();
    assert_eq!(total, expected.len() as u64);
    let page = app.get("/resolutions").await.text().await.unwrap();
    assert!(page.contains(&summary_count(total)), "{total} on the page");

    // The second import happens behind the server's back, as `taawun import votes` would do it:
    // the very next requests count and list what it added.
    import(&app, &late).await;
    let (_, after) = app.get_json("/api/v1/states/CUB/votes?body=hrc").await;
    assert_eq!(after["total"], cast_by(&hrc, "CUB"));
    let newest = hrc.roll_calls.iter().max_by_key(|r| r.date).unwrap();
    assert_eq!(
        after["items"][0]["date"].as_str().unwrap(),
        newest.date.to_string()
    );
    let counted: u64 = after["counts"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counted, lines_of(&hrc, "CUB", false));
    let (total, items) = all_pages(&app, "body=human-rights-council").await;
    let expected: BTreeSet<String> = symbols_voted(&hrc).union(&texts).cloned().collect();
    assert_eq!(total, expected.len() as u64);
    let listed: BTreeSet<String> = items
        .iter()
        .map(|i| i["symbol"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, expected);
    let page = app.get("/resolutions").await.text().await.unwrap();
    assert!(
        page.contains(&summary_count(total)),
        "the page's count is the new one ({total})"
    );
}

/// A count as the listing's summary line writes it (a Fluent placeable, isolated).
fn summary_count(n: u64) -> String {
    format!("\u{2068}{n}\u{2069}")
}

#[tokio::test]
async fn each_filter_gets_its_own_listing_in_its_own_order() {
    let Some(hrc) = hrc() else { return };
    let app = spawn_app().await;
    import(&app, &hrc).await;

    // Two years, one after the other, and back: each answer holds its own year only.
    for year in [2010, 2011, 2010] {
        let (total, items) = all_pages(&app, &format!("year={year}")).await;
        assert!(total > 0);
        assert_eq!(total as usize, items.len());
        for item in &items {
            assert!(
                item["adoption_date"]
                    .as_str()
                    .unwrap()
                    .starts_with(&year.to_string()),
                "{year}: {item}"
            );
        }
        let (_, votes) = app
            .get_json(&format!(
                "/api/v1/states/CUB/votes?year={year}&per_page=500"
            ))
            .await;
        let votes = votes["items"].as_array().unwrap();
        assert!(!votes.is_empty());
        assert!(
            votes
                .iter()
                .all(|v| v["date"].as_str().unwrap().starts_with(&year.to_string()))
        );
    }

    // The same records whichever way they are sorted, each time in that order, and the same
    // set as the database's own query selects.
    let mut sets = Vec::new();
    for (query, sort, descending) in [
        ("sort=date", ResolutionSort::Date, true),
        ("sort=symbol&order=asc", ResolutionSort::Symbol, false),
        ("sort=session&order=desc", ResolutionSort::Session, true),
    ] {
        let (total, items) = all_pages(&app, query).await;
        let keys: Vec<(Option<String>, Option<u64>, String)> = items
            .iter()
            .map(|i| {
                (
                    i["adoption_date"].as_str().map(str::to_owned),
                    i["session"].as_u64(),
                    i["symbol"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        for pair in keys.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let ordered = match sort {
                ResolutionSort::Symbol => a.2 <= b.2,
                ResolutionSort::Date => match (&a.0, &b.0) {
                    (Some(x), Some(y)) => x > y || (x == y && a.2 >= b.2),
                    (_, None) => true,
                    (None, Some(_)) => false,
                },
                ResolutionSort::Session => match (a.1, b.1) {
                    (Some(x), Some(y)) => x > y || (x == y && a.2 >= b.2),
                    (_, None) => true,
                    (None, Some(_)) => false,
                },
            };
            assert!(ordered, "{query}: {a:?} before {b:?}");
        }
        let listed: BTreeSet<String> = keys.into_iter().map(|k| k.2).collect();
        assert_eq!(listed.len() as u64, total);
        let filter = ResolutionFilter {
            sort,
            descending,
            ..ResolutionFilter::default()
        };
        let mut stored = BTreeSet::new();
        for page in 1.. {
            let paging = Paging {
                page,
                per_page: Paging::MAX_PER_PAGE,
            };
            let found = app.store.list_resolutions(&filter, paging).await.unwrap();
            let last = page >= found.page_count();
            stored.extend(found.items.into_iter().map(|s| s.symbol));
            if last {
                break;
            }
        }
        assert_eq!(listed, stored, "{query}");
        sets.push(listed);
    }
    assert!(sets.windows(2).all(|w| w[0] == w[1]));

    // Votes-only records and those with text split the registry between them.
    let (all, _) = all_pages(&app, "body=human-rights-council").await;
    let (text, with_text) = all_pages(&app, "content=text").await;
    let (votes_only, _) = all_pages(&app, "content=votes-only").await;
    assert_eq!(text + votes_only, all);
    assert!(with_text.iter().all(|i| i["has_text"] == true));
    assert!(symbols_voted(&hrc).len() as u64 <= all);
}
