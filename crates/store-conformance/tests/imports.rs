//! Imports write their records and log one audit entry each, in the same chain as every other
//! change, on every engine.

use taawun_audit::ChangeContext;
use taawun_store::{AuditFilter, Paging};
use taawun_store_conformance::on_every_engine;

/// Imports log one entry each when they write something, and none when they do not.
#[tokio::test]
async fn imports_are_logged_in_the_same_chain() {
    on_every_engine!("imports", |t| {
        let store = &*t.store;
        let cli = ChangeContext::command_line();
        let records = taawun_store::state_records_from_builtin();
        let fingerprint = taawun_store::table_fingerprint(&records);
        store
            .sync_states(&cli, &records, &fingerprint)
            .await
            .unwrap();

        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../documents/tests/fixtures/ga-78-199.en.txt"
        );
        let bytes = std::fs::read(path).expect("the fixture is readable");
        let text = taawun_documents::decode(&bytes).unwrap();
        let record =
            taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin()).unwrap();
        let symbol = record.symbol.clone();
        let first = taawun_store::NewResolutionVersion {
            record,
            content_hash: "hash-1".into(),
            source: "ga-78-199.en.txt".into(),
        };
        let outcome = store.import_resolution(&cli, &first).await.unwrap();
        assert_eq!(outcome, taawun_store::ImportOutcome::Created);
        let again = store.import_resolution(&cli, &first).await.unwrap();
        assert!(matches!(
            again,
            taawun_store::ImportOutcome::Unchanged { .. }
        ));
        let second = taawun_store::NewResolutionVersion {
            content_hash: "hash-2".into(),
            ..first.clone()
        };
        let outcome = store.import_resolution(&cli, &second).await.unwrap();
        assert_eq!(
            outcome,
            taawun_store::ImportOutcome::NewVersion { version: 2 }
        );

        let roll_call = |id: &str| taawun_votes::RollCall {
            body: taawun_votes::Body::Unga,
            id: id.into(),
            symbol: Some(symbol.clone()),
            date: "2023-12-19".parse().unwrap(),
            day_known: true,
            description: String::new(),
            session: Some(78),
            title: "A test roll call".into(),
            amendment: false,
            paragraph_vote: false,
            important: false,
            issues: vec![],
            draft: false,
        };
        let vote = |id: &str, state: &str, choice| taawun_votes::CastVote {
            roll_call_id: id.into(),
            state: state.into(),
            choice,
        };
        let dataset = taawun_votes::Dataset {
            roll_calls: vec![roll_call("9001"), roll_call("9002")],
            votes: vec![
                vote("9001", "EGY", taawun_votes::VoteChoice::Yes),
                vote("9001", "FRA", taawun_votes::VoteChoice::Abstain),
                vote("9002", "EGY", taawun_votes::VoteChoice::No),
            ],
            ..taawun_votes::Dataset::default()
        };
        let report = store.import_votes(&cli, &dataset, &|_| {}).await.unwrap();
        assert_eq!(report.roll_calls_created, 2);
        let report = store.import_votes(&cli, &dataset, &|_| {}).await.unwrap();
        assert_eq!(report.roll_calls_created, 0);

        let accounts = store.accounts();
        let page = accounts
            .audit_entries(&AuditFilter::default(), Paging::default())
            .await
            .unwrap();
        let logged: Vec<(&str, &str, &str)> = page
            .items
            .iter()
            .rev()
            .map(|e| {
                (
                    e.action.as_str(),
                    e.record_type.as_str(),
                    e.record_id.as_str(),
                )
            })
            .collect();
        assert_eq!(
            logged,
            vec![
                ("sync", "reference-data", "states"),
                ("create", "resolution", symbol.as_str()),
                ("new-version", "resolution", symbol.as_str()),
                ("import", "voting-records", "unga"),
            ]
        );
        let votes_entry = &page.items[0];
        let after: serde_json::Value =
            serde_json::from_str(votes_entry.after.as_deref().unwrap()).unwrap();
        assert_eq!(
            after,
            serde_json::json!({
                "roll_calls_created": 2,
                "roll_calls_completed": 0,
                "votes_written": 3,
                "first_source_id": "9001",
                "last_source_id": "9002",
            })
        );
        assert_eq!(page.items[1].before.as_deref(), Some(r#"{"version":1}"#));
        let verification = accounts.verify_audit(&|_| {}).await.unwrap();
        assert!(verification.is_intact(), "{verification:?}");
        assert_eq!(verification.checked, 4);
    });
}
