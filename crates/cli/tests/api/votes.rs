//! Voting records into the database: idempotent, linked to the registry, and in agreement with
//! the seed resolution's own account of its vote.

use std::collections::BTreeSet;
use std::process::Command;

use crate::helpers::{shared, spawn_app, test_store};

pub(crate) fn hrc() -> taawun_votes::Dataset {
    hrc_dataset()
}

fn hrc_dataset() -> taawun_votes::Dataset {
    taawun_votes::hrc::read_dir(
        &shared("data/votes/hrc"),
        &taawun_votes::ReadOptions::default(),
        None,
    )
    .unwrap()
}

#[tokio::test]
async fn hrc_votes_import_once_and_agree_with_the_seed_text() {
    taawun_testdata::require_shared!();
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let seed = taawun::registry::parse_text(
        "seed",
        taawun::registry::SEED_TEXT,
        taawun_states::Resolver::builtin(),
    )
    .unwrap();
    store
        .import_resolution(&taawun_store::ChangeContext::command_line(), &seed)
        .await
        .unwrap();

    let dataset = hrc_dataset();
    let report = store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(report.roll_calls_created, dataset.roll_calls.len());
    assert_eq!(report.votes_written, dataset.votes.len());
    assert_eq!(
        report.linked_to_registry, 1,
        "the seed's symbol is among the roll calls"
    );
    let again = store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!((again.roll_calls_created, again.votes_written), (0, 0));
    assert_eq!(again.roll_calls_existing, dataset.roll_calls.len());

    // The dataset's vote on A/HRC/RES/56/2 and the one its text states are the same.
    let roll_calls = store.votes_for_symbol(&seed.record.symbol).await.unwrap();
    assert_eq!(roll_calls.len(), 1);
    let recorded = &roll_calls[0];
    let parsed = seed.record.vote.as_ref().unwrap();
    let of = |choice: &str| -> BTreeSet<&str> {
        recorded
            .votes
            .iter()
            .filter(|v| v.choice == choice)
            .map(|v| v.state.as_str())
            .collect()
    };
    fn set(list: &[String]) -> BTreeSet<&str> {
        list.iter().map(String::as_str).collect()
    }
    assert_eq!(of("yes"), set(&parsed.states.yes));
    assert_eq!(of("no"), set(&parsed.states.no));
    assert_eq!(of("abstain"), set(&parsed.states.abstain));
    assert_eq!(
        (recorded.yes, recorded.no, recorded.abstain),
        (
            parsed.yes.unwrap(),
            parsed.no.unwrap(),
            parsed.abstain.unwrap()
        )
    );
}

#[tokio::test]
async fn the_votes_api_serves_a_symbols_roll_call() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &hrc_dataset(),
            &|_| {},
        )
        .await
        .unwrap();
    let (status, body) = app
        .get_json("/api/v1/resolutions/A%2FHRC%2FRES%2F56%2F2/votes")
        .await;
    assert_eq!(status, 200, "{body}");
    let roll_call = &body["roll_calls"][0];
    assert_eq!(roll_call["body"], taawun_votes::Body::Hrc.name());
    let yes = roll_call["votes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["choice"] == "yes")
        .count();
    assert_eq!(yes as u64, roll_call["yes"].as_u64().unwrap());
    let (status, _) = app
        .get_json("/api/v1/resolutions/A%2FRES%2F1%2F1/votes")
        .await;
    assert_eq!(status, 404);
}

#[test]
fn the_import_command_reports_and_a_second_run_adds_nothing() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_taawun"))
            .env_remove("TAAWUN_DATABASE_URL")
            .args(["import", "votes", "--format", "hrc", "--data-dir"])
            .arg(dir.path())
            .arg(shared("data/votes/hrc"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let dataset = hrc_dataset();
    let first = run();
    assert!(
        first.contains(&format!("{} created", dataset.roll_calls.len())),
        "{first}"
    );
    assert!(
        first.contains(&format!("{} votes written", dataset.votes.len())),
        "{first}"
    );
    let second = run();
    assert!(
        second.contains("0 created") && second.contains("0 votes written"),
        "{second}"
    );
}

#[test]
fn a_malformed_vote_file_names_its_row_and_writes_nothing() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let hrc = dir.path().join("hrc");
    std::fs::create_dir(&hrc).unwrap();
    for name in ["all-vote-data.csv", "all-legis-data.csv"] {
        std::fs::copy(shared("data/votes/hrc").join(name), hrc.join(name)).unwrap();
    }
    let votes = std::fs::read_to_string(shared("data/votes/hrc/all-votes.csv")).unwrap();
    let mut lines: Vec<String> = votes.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replacen(",1,", ",7,", 1);
    std::fs::write(hrc.join("all-votes.csv"), lines.join("\n")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_taawun"))
        .env_remove("TAAWUN_DATABASE_URL")
        .args(["import", "votes", "--format", "hrc", "--data-dir"])
        .arg(&data)
        .arg(&hrc)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("all-votes.csv") && stderr.contains("row 4"),
        "{stderr}"
    );
    assert!(!data.join("taawun.db").exists());
}

#[tokio::test]
async fn a_states_voting_record_and_agreement_between_two_states() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    let dataset = hrc_dataset();
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|_| {},
        )
        .await
        .unwrap();

    // The roll calls the State could vote in (its "not a member" lines are listed on request).
    let cast_by = |state: &str| {
        dataset
            .votes
            .iter()
            .filter(|v| v.state == state && v.choice != taawun_votes::VoteChoice::NotMember)
            .count()
    };
    let (status, record) = app.get_json("/api/v1/states/cub/votes?per_page=5").await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["state"], "CUB");
    assert_eq!(record["total"].as_u64().unwrap() as usize, cast_by("CUB"));
    let dates: Vec<&str> = record["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["date"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    let (_, in_2024) = app
        .get_json("/api/v1/states/CUB/votes?from=2024&to=2024&body=hrc")
        .await;
    assert!(
        in_2024["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["date"].as_str().unwrap().starts_with("2024"))
    );

    // Agreement computed by hand from the dataset, under the identical-votes definition.
    let choices = |state: &str| -> std::collections::HashMap<String, taawun_votes::VoteChoice> {
        dataset
            .votes
            .iter()
            .filter(|v| v.state == state)
            .map(|v| (v.roll_call_id.clone(), v.choice))
            .collect()
    };
    let (cub, chn) = (choices("CUB"), choices("CHN"));
    let took_part = |c: &taawun_votes::VoteChoice| {
        matches!(
            c,
            taawun_votes::VoteChoice::Yes
                | taawun_votes::VoteChoice::No
                | taawun_votes::VoteChoice::Abstain
        )
    };
    let shared: Vec<_> = cub
        .iter()
        .filter_map(|(id, a)| chn.get(id).map(|b| (a, b)))
        .filter(|(a, b)| took_part(a) && took_part(b))
        .collect();
    let same = shared.iter().filter(|(a, b)| a == b).count();
    let (status, answer) = app
        .get_json("/api/v1/votes/agreement?a=CUB&b=CHN&body=hrc")
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer["votes_counted"].as_u64().unwrap() as usize,
        shared.len()
    );
    let expected = same as f64 / shared.len() as f64;
    assert!((answer["agreement"].as_f64().unwrap() - expected).abs() < 1e-9);

    for (query, parameter) in [
        ("b=CUB", "a"),
        ("a=XXX&b=CHN", "a"),
        ("a=CUB&b=CHN&definition=vibes", "definition"),
        ("a=CUB&b=CHN&from=last-year", "from"),
        ("a=CUB&b=CHN&body=ecosoc", "body"),
    ] {
        let (status, body) = app
            .get_json(&format!("/api/v1/votes/agreement?{query}"))
            .await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["parameter"], parameter, "{query}");
    }
    let (status, _) = app.get_json("/api/v1/states/QQQ/votes").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_resolution_page_compares_the_text_with_the_voting_records() {
    taawun_testdata::require_shared!();
    let app = spawn_app().await;
    app.store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &hrc_dataset(),
            &|_| {},
        )
        .await
        .unwrap();
    let page = app
        .get("/resolutions/A/HRC/RES/56/2")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("voting records agree with this text"),
        "the seed's vote matches the HRC records"
    );

    // A text that moves Albania from "against" to "in favour": both accounts are kept and the
    // difference is shown.
    let altered = taawun::registry::SEED_TEXT
        .replacen("ألبانيا، ", "", 1)
        .replacen("إريتريا، ", "إريتريا، ألبانيا، ", 1);
    let version =
        taawun::registry::parse_text("altered.txt", &altered, taawun_states::Resolver::builtin())
            .unwrap();
    app.store
        .import_resolution(&taawun_store::ChangeContext::command_line(), &version)
        .await
        .unwrap();
    // Past the page cache.
    tokio::time::sleep(std::time::Duration::from_secs(
        taawun_web::RESOLUTION_CACHE_SECONDS + 1,
    ))
    .await;
    let page = app
        .get("/resolutions/A/HRC/RES/56/2")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("voting records differ from this text"),
        "a conflict is shown"
    );
    let conflict = page
        .split("vote-records conflict")
        .nth(1)
        .unwrap_or_default();
    let conflict = &conflict[..conflict.len().min(1200)];
    assert!(
        conflict.contains("ALB"),
        "the difference names the State: {conflict}"
    );
}

/// A part of the General Assembly dataset (the first roll calls that have issues), written to
/// `dir` with or without its issues file.
fn unga_part(dir: &std::path::Path, with_issues: bool) -> std::collections::HashSet<i64> {
    let source = shared("data/votes/unga");
    let rcid = |field: &str| field.parse::<f64>().map(|f| f as i64).unwrap();
    let mut issues = csv::Reader::from_path(source.join("un_roll_call_issues.csv")).unwrap();
    let mut chosen = std::collections::HashSet::new();
    for record in issues.records() {
        chosen.insert(rcid(&record.unwrap()[0]));
        if chosen.len() == 40 {
            break;
        }
    }
    std::fs::create_dir_all(dir).unwrap();
    let mut files = vec!["un_roll_calls.csv", "un_votes.csv"];
    if with_issues {
        files.push("un_roll_call_issues.csv");
    }
    for name in files {
        let mut reader = csv::Reader::from_path(source.join(name)).unwrap();
        let mut writer = csv::Writer::from_path(dir.join(name)).unwrap();
        writer.write_record(reader.headers().unwrap()).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            if chosen.contains(&rcid(&record[0])) {
                writer.write_record(&record).unwrap();
            }
        }
        writer.flush().unwrap();
    }
    chosen
}

/// Imported without its issues file, the Assembly's roll calls say what is missing; the complete
/// folder imported later adds the issues (once: a third run changes nothing).
#[tokio::test]
async fn a_vote_import_without_issues_says_so_and_a_complete_folder_adds_them() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let (partial, complete) = (dir.path().join("partial"), dir.path().join("complete"));
    let chosen = unga_part(&partial, false);
    unga_part(&complete, true);

    // The command says what is missing and what that means.
    let data = dir.path().join("data");
    let run = |folder: &std::path::Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_taawun"))
            .env_remove("TAAWUN_DATABASE_URL")
            .args(["import", "votes", "--format", "unga", "--data-dir"])
            .arg(&data)
            .arg(folder)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let first = run(&partial);
    assert!(
        first.contains("missing un_roll_call_issues.csv") && first.contains("issue filter"),
        "{first}"
    );
    let second = run(&complete);
    assert!(!second.contains("missing"), "{second}");
    assert!(
        second.contains(&format!(
            "({} of them given the issues they lacked)",
            chosen.len()
        )),
        "{second}"
    );
    let third = run(&complete);
    assert!(third.contains("(0 of them given"), "{third}");

    // The same through the store, on the suite's backend.
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let read = |folder: &std::path::Path| {
        taawun_votes::unga::read_dir(folder, &Default::default(), None).unwrap()
    };
    let context = taawun_store::ChangeContext::command_line();
    let report = store
        .import_votes(&context, &read(&partial), &|_| {})
        .await
        .unwrap();
    assert_eq!(report.roll_calls_created, chosen.len());
    assert!(store.vote_issues().await.unwrap().is_empty());
    let full = read(&complete);
    let report = store.import_votes(&context, &full, &|_| {}).await.unwrap();
    assert_eq!(
        (report.roll_calls_created, report.roll_calls_completed),
        (0, chosen.len())
    );
    let mut expected: std::collections::BTreeMap<String, u64> = Default::default();
    for roll_call in &full.roll_calls {
        for issue in &roll_call.issues {
            *expected.entry(issue.clone()).or_default() += 1;
        }
    }
    let stored: std::collections::BTreeMap<String, u64> =
        store.vote_issues().await.unwrap().into_iter().collect();
    assert_eq!(stored, expected);
    let again = store.import_votes(&context, &full, &|_| {}).await.unwrap();
    assert_eq!(again.roll_calls_completed, 0);
}
