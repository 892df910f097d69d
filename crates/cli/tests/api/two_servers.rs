//! Several `taawun serve` processes on one database: what one server (or a `taawun import` on
//! another machine) writes, every server's search finds, within seconds, without a reindex by
//! hand.

use std::time::{Duration, Instant};

use crate::helpers::spawn_two_servers;

#[tokio::test]
async fn a_resolution_imported_beside_one_server_is_found_by_the_search_of_the_other() {
    let (first, second) = spawn_two_servers(Duration::from_millis(100)).await;
    let text = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../documents/tests/fixtures/ga-78-199.en.txt"),
    )
    .unwrap();
    let version =
        taawun::registry::parse_text("ga.txt", &text, taawun_states::Resolver::builtin()).unwrap();
    let symbol = version.record.symbol.clone();
    let search = format!("/api/v1/search?q={}", urlencode(&symbol));
    let found = |body: &serde_json::Value| {
        body["hits"]
            .as_array()
            .is_some_and(|hits| hits.iter().any(|r| r["symbol"] == symbol.as_str()))
    };
    let (status, before) = second.get_json(&search).await;
    assert_eq!(status, 200, "{before}");
    assert!(!found(&before), "not there before the import: {before}");

    // Imported through the first server's store and index, as `taawun import` on its machine
    // does; the second server is told nothing.
    first
        .store
        .import_resolution(&taawun_store::ChangeContext::command_line(), &version)
        .await
        .unwrap();
    first.search.upsert(&version.record).unwrap();
    let (_, on_first) = first.get_json(&search).await;
    assert!(found(&on_first), "{on_first}");

    // Each server's follower sees the database's record stamps move and rebuilds its index
    // (the first one's too: an upsert says nothing of the rest of the index, and a rebuild that
    // began before the import may briefly drop the upserted record until the next look). The
    // wait is bounded only so that a broken follower fails instead of hanging.
    for (name, server) in [("second", &second), ("first", &first)] {
        let started = Instant::now();
        loop {
            let (status, body) = server.get_json(&search).await;
            assert_eq!(status, 200, "{body}");
            if found(&body) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the {name} server never found {symbol}: {body}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    // Once rebuilt, both indexes say they hold the database as it is.
    let stamp = taawun::search_index::stamp(first.store.as_ref())
        .await
        .unwrap();
    let expected = taawun::search_index::built_from(&stamp);
    let started = Instant::now();
    while [&first, &second]
        .iter()
        .any(|server| server.search.built_from().as_deref() != Some(expected.as_str()))
    {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "never rebuilt"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn urlencode(text: &str) -> String {
    text.replace('/', "%2F")
}

/// A `taawun import` that brings a current index up to date with its own texts leaves it marked
/// current, so that a server started next (or following the database) does not rebuild it; the
/// mark comes off only when the database moved by more than that import.
#[tokio::test]
async fn an_import_keeps_a_current_index_marked_current() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../documents/tests/fixtures");
    let import = |file: &str| {
        let output = crate::helpers::taawun()
            .args(["import", "resolution", "--data-dir"])
            .arg(dir.path())
            .arg(fixtures.join(file))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let marks = || async {
        let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
        let store = taawun_store_sqlite::connect(&url).await.unwrap();
        let stamp = taawun::search_index::stamp(&store).await.unwrap();
        let index = taawun_search::SearchIndex::open_or_create(dir.path().join("search")).unwrap();
        (index.built_from(), taawun::search_index::built_from(&stamp))
    };
    // The first import fills a new index whole, and marks it.
    import("ga-78-199.en.txt");
    let (mark, database) = marks().await;
    assert_eq!(mark.as_deref(), Some(database.as_str()));
    // The next one adds its text to the current index and keeps the mark, moved on.
    import("hrc-without-vote.ar.txt");
    let (mark, moved) = marks().await;
    assert_ne!(moved, database, "the import raised a generation");
    assert_eq!(mark.as_deref(), Some(moved.as_str()));
}
